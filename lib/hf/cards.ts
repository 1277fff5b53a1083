import type { PaperMeta } from '../paper';
import { paperIdFromHref } from './paper-link';
import { SELECTORS } from './selectors';

/** One paper's card on a list page: the element we annotate, its id and what we know about it. */
export type ParsedCard = { element: HTMLElement; id: string; meta: PaperMeta };

/** A paper link found in the page (outside our own UI) and the id it points to. */
export type PaperLink = { link: HTMLAnchorElement; id: string };

/** Where cards live: `main` on every HF layout, the body as a fallback. */
export function cardScope(doc: Document): ParentNode {
  return doc.querySelector(SELECTORS.main) ?? doc.body ?? doc;
}

/** All paper links under root, in document order, ignoring our injected UI. One querySelectorAll. */
export function paperLinksIn(root: ParentNode): PaperLink[] {
  const links: PaperLink[] = [];
  for (const link of root.querySelectorAll<HTMLAnchorElement>(SELECTORS.paperLink)) {
    if (link.closest(SELECTORS.ownUi)) continue;
    const id = paperIdFromHref(link.getAttribute('href'));
    if (id !== null) links.push({ link, id });
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

/** Card elements per link: the `article` when the layout has them, else the block around the link. */
export function groupCards(links: PaperLink[], stop: Node): Map<HTMLElement, PaperLink> {
  const articles = links.map(({ link }) => link.closest<HTMLElement>(SELECTORS.card));
  const useArticles = articles.some((article) => article !== null);
  const marks = useArticles ? new Map<Element, Mark>() : markAncestors(links, stop);
  const cards = new Map<HTMLElement, PaperLink>();
  const seenIds = new Set<string>();
  links.forEach((entry, index) => {
    // With articles, a stray link outside any article (header, banner) is not a card.
    const element = useArticles ? articles[index] : blockAround(entry.link, entry.id, marks);
    if (!element || cards.has(element) || seenIds.has(entry.id)) return;
    seenIds.add(entry.id);
    cards.set(element, entry);
  });
  return cards;
}

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The card's title as the page shows it: the `h3` link text, else any text of a link to the paper. */
export function domTitle(card: HTMLElement, entry: PaperLink): string | undefined {
  const candidates = [...card.querySelectorAll<HTMLAnchorElement>(SELECTORS.titleLink), entry.link];
  for (const link of candidates) {
    if (paperIdFromHref(link.getAttribute('href')) !== entry.id) continue;
    const text = collapse(link.textContent);
    if (text) return text.slice(0, 2_000);
  }
  return undefined;
}

/** Card meta: the embedded data when the props matched the URL, else the DOM facts only. */
export function cardMeta(card: HTMLElement, entry: PaperLink, metas: Map<string, PaperMeta>): PaperMeta {
  const fromProps = metas.get(entry.id);
  if (fromProps) return fromProps;
  const title = domTitle(card, entry);
  return title === undefined ? { id: entry.id } : { id: entry.id, title };
}
