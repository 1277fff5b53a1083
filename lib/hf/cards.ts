import type { PaperMeta } from '../paper';
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

/** A card's links: the first one (its id) and its title link when it has one. */
export type CardLinks = { first: PaperLink; title: PaperLink | undefined };

/** Card elements per link: the `article` when the layout has them, else the block around the link. */
export function groupCards(links: PaperLink[], stop: Node): Map<HTMLElement, CardLinks> {
  const useArticles = links.some((entry) => entry.article !== null);
  const marks = useArticles ? new Map<Element, Mark>() : markAncestors(links, stop);
  const cards = new Map<HTMLElement, CardLinks>();
  const seenIds = new Set<string>();
  for (const entry of links) {
    // With articles, a stray link outside any article (header, banner) is not a card. Without
    // them (2023), only a title link (`h3 > a`) makes a card: loose links prove no layout.
    const element = useArticles ? entry.article : entry.inHeading ? blockAround(entry.link, entry.id, marks) : null;
    if (!element) continue;
    const card = cards.get(element);
    if (card) {
      // The first link gives the id; a later heading link of that paper gives the title.
      if (!card.title && entry.inHeading && entry.id === card.first.id) card.title = entry;
      continue;
    }
    if (seenIds.has(entry.id)) continue;
    seenIds.add(entry.id);
    cards.set(element, { first: entry, title: entry.inHeading ? entry : undefined });
  }
  return cards;
}

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The card's title as the page shows it: the heading link's text, else the first link's text. */
export function domTitle(links: CardLinks): string | undefined {
  for (const entry of [links.title, links.first]) {
    const text = collapse(entry?.link.textContent);
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
