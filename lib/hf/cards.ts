import type { PaperMeta } from '../paper';
import { cleanText } from './clean-text';
import { paperIdFromHref } from './paper-link';
import { OWN_UI_ATTRIBUTE, SELECTORS } from './selectors';

/** One paper's card on a list page: the element we annotate, its id and what we know about it. */
export type ParsedCard = { element: HTMLElement; id: string; meta: PaperMeta };

/** A paper link found in the page (outside our own UI), the id it points to and where it sits. */
export type PaperLink = {
  link: HTMLAnchorElement;
  id: string;
  /** The nearest `<article>` ancestor: the card on 2024–2026 layouts. */
  article: HTMLElement | null;
  /** Whether the link sits in a heading: the title link (`h3 > a`). */
  inHeading: boolean;
};

/** Where cards live: `main` on every HF layout, the body as a fallback. */
export function cardScope(doc: Document): ParentNode & Node {
  return doc.querySelector(SELECTORS.main) ?? doc.body ?? doc;
}

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4']);
const PAPER_ANCHORS = 'a[href*="/papers/"]';

/**
 * One walk up from the link: is it in our UI, in which article, in a heading. A manual walk instead
 * of three `closest()` calls keeps a 5,000-card page linear and cheap (selector matching per call
 * is what costs, notably in happy-dom).
 */
function placeOf(link: HTMLAnchorElement, stop: Node): Omit<PaperLink, 'link' | 'id'> | null {
  let inHeading = false;
  for (let el: HTMLElement | null = link; el && el !== stop; el = el.parentElement) {
    if (el.hasAttribute(OWN_UI_ATTRIBUTE)) return null;
    // Our UI never holds a card, so nothing above the article can be ours: stop there.
    if (el.tagName === 'ARTICLE') return { article: el, inHeading };
    if (!inHeading && HEADINGS.has(el.tagName)) inHeading = true;
  }
  return { article: null, inHeading };
}

/** All paper links under root, in document order, ignoring our injected UI. One pass over anchors. */
export function paperLinksIn(root: ParentNode & Node): PaperLink[] {
  const links: PaperLink[] = [];
  // Every href paperIdFromHref accepts contains "/papers/": the browser's selector matching
  // skips the other anchors (most of a card's) without a getAttribute call each from here.
  for (const link of root.querySelectorAll<HTMLAnchorElement>(PAPER_ANCHORS)) {
    const id = paperIdFromHref(link.getAttribute('href'));
    if (id === null) continue;
    const place = placeOf(link, root);
    if (place) links.push({ link, id, ...place });
  }
  return links;
}

const MULTIPLE = Symbol('several papers');
type Mark = string | typeof MULTIPLE;

/**
 * For every ancestor of a paper link (below `stop`), which single paper it holds, or MULTIPLE.
 * Each element is re-marked at most twice, so this is linear in the links' ancestor chains.
 */
function markAncestors(links: PaperLink[], stop: Node): Map<Element, Mark> {
  const marks = new Map<Element, Mark>();
  for (const { link, id } of links) {
    for (let el = link.parentElement; el && el !== stop; el = el.parentElement) {
      const mark = marks.get(el);
      if (mark === id || mark === MULTIPLE) break; // the rest of the chain is already right
      marks.set(el, mark === undefined ? id : MULTIPLE);
    }
  }
  return marks;
}

/** 2023 markup has no `article`: the card is the widest block that still holds only this paper. */
function blockAround(link: HTMLAnchorElement, id: string, marks: Map<Element, Mark>): HTMLElement {
  let card: HTMLElement = link;
  for (let el = link.parentElement; el && marks.get(el) === id; el = el.parentElement) card = el;
  return card;
}

/**
 * A card's links: the first one (its id) and its title link when it has one. The title link is
 * looked up only when asked: the props give the title of nearly every card.
 */
export type CardLinks = { first: PaperLink; titleLink: () => PaperLink | undefined };

/**
 * 2023 markup (no `article`): only a title link (`h3 > a`) makes a card, the widest block around
 * it that holds no other paper; loose links prove no layout. One card per paper, the first.
 */
export function blockCards(links: PaperLink[], stop: Node): Map<HTMLElement, CardLinks> {
  const marks = markAncestors(links, stop);
  const cards = new Map<HTMLElement, CardLinks>();
  const seenIds = new Set<string>();
  for (const entry of links) {
    if (!entry.inHeading || seenIds.has(entry.id)) continue;
    seenIds.add(entry.id);
    cards.set(blockAround(entry.link, entry.id, marks), { first: entry, titleLink: () => entry });
  }
  return cards;
}

const HEADINGS_SELECTOR = [...HEADINGS].join(', ').toLowerCase();
const NEAREST_MARK = `${SELECTORS.card}, ${SELECTORS.ownUi}, ${HEADINGS_SELECTOR}`;

/** The link as one of this article's own (valid id, not in our UI, not in a nested article), else null. */
function linkOfArticle(link: HTMLAnchorElement, article: HTMLElement, root: Node): PaperLink | null {
  const id = paperIdFromHref(link.getAttribute('href'));
  if (id === null) return null;
  // The usual shapes by the browser's closest() (no walk in script): the link right in the
  // article, or in a heading right in it. Anything else takes the walk.
  const near = link.closest<HTMLElement>(NEAREST_MARK);
  if (near === article) return { link, id, article, inHeading: false };
  if (near && HEADINGS.has(near.tagName) && !near.hasAttribute(OWN_UI_ATTRIBUTE) && near.parentElement?.closest(NEAREST_MARK) === article) {
    return { link, id, article, inHeading: true };
  }
  const place = placeOf(link, root);
  return place?.article === article ? { link, id, ...place } : null;
}

/** The article's first own link that `accept` takes, trying `likely` (nearly always it) first. */
function articleLink(article: HTMLElement, root: Node, accept: (entry: PaperLink) => boolean, likely: HTMLAnchorElement | null | undefined): PaperLink | undefined {
  const take = (link: HTMLAnchorElement) => {
    const entry = linkOfArticle(link, article, root);
    return entry && accept(entry) ? entry : undefined;
  };
  if (!likely) return undefined;
  const entry = take(likely);
  if (entry) return entry;
  for (const link of article.querySelectorAll<HTMLAnchorElement>(PAPER_ANCHORS)) {
    const found = take(link);
    if (found) return found;
  }
  return undefined;
}

/**
 * The paper of one article as articleCards reads it (its first own link), before the page is
 * parsed whole: the content script annotates the articles the parser has finished with it.
 */
export function articlePaperId(article: HTMLElement, root: Node): string | undefined {
  return articleLink(article, root, () => true, article.querySelector<HTMLAnchorElement>(PAPER_ANCHORS))?.id;
}

/** The article's first heading link to paper `id`. */
function titleLinkOf(article: HTMLElement, root: Node, id: string): PaperLink | undefined {
  // Nearly always the first heading's first paper link. (One selector for links under headings
  // cost more than all the rest of parsing: it walks up from every anchor of the card.)
  const likely = article.querySelector(HEADINGS_SELECTOR)?.querySelector<HTMLAnchorElement>(PAPER_ANCHORS);
  return articleLink(article, root, (entry) => entry.inHeading && entry.id === id, likely ?? article.querySelector<HTMLAnchorElement>(PAPER_ANCHORS));
}

/**
 * 2024–2026 layouts: one card per `article`, its first own link with an id no earlier card took.
 * Each card reads that link only (and its title link when the props lack the title), not all its
 * links (four on trending): on a 1,000-card page, touching each link from script was most of parsing.
 */
function articleCards(root: ParentNode & Node): Map<HTMLElement, CardLinks> {
  const cards = new Map<HTMLElement, CardLinks>();
  const seenIds = new Set<string>();
  for (const article of root.querySelectorAll<HTMLElement>(SELECTORS.card)) {
    if (article.hasAttribute(OWN_UI_ATTRIBUTE)) continue; // never a card (the links' walk says so too)
    const first = articleLink(article, root, (entry) => !seenIds.has(entry.id), article.querySelector<HTMLAnchorElement>(PAPER_ANCHORS));
    if (!first) continue;
    seenIds.add(first.id);
    cards.set(article, { first, titleLink: () => (first.inHeading ? first : titleLinkOf(article, root, first.id)) });
  }
  return cards;
}

/**
 * The page's cards: by article when any article holds a paper link (a stray link outside any
 * article is then no card), else from all paper links (2023). `anyPaperLink` tells an empty page
 * from markup we don't recognize.
 */
export function findCardLinks(root: ParentNode & Node): { cards: Map<HTMLElement, CardLinks>; anyPaperLink: boolean } {
  const byArticle = articleCards(root);
  if (byArticle.size > 0) return { cards: byArticle, anyPaperLink: true };
  const links = paperLinksIn(root);
  return { cards: blockCards(links, root), anyPaperLink: links.length > 0 };
}

/** The card's title as the page shows it: the heading link's text, else the first link's text. */
export function domTitle(links: CardLinks): string | undefined {
  for (const entry of [links.titleLink(), links.first]) {
    const text = cleanText(entry?.link.textContent);
    if (text) return text.slice(0, 2_000);
  }
  return undefined;
}

/**
 * Card meta: the embedded data when the props matched the URL, else the DOM facts only. Props
 * whose title is missing or mistyped still give the rest; the title is then the one the card shows.
 */
export function cardMeta(links: CardLinks, metas: Map<string, PaperMeta>): PaperMeta {
  const meta = metas.get(links.first.id) ?? { id: links.first.id };
  if (meta.title !== undefined) return meta;
  const title = domTitle(links);
  return title === undefined ? meta : { ...meta, title };
}
