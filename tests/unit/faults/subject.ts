import { isRecord, paperIdOfHref, type Base } from './bases';

/**
 * One page under test and what the sweep expects of it. Mutations change the document AND the
 * expectation together, so the oracle never asks the parser what the answer is.
 */
export type ExpectedCard = {
  /** The element that must carry `data-pi-id` (and nothing else may). */
  element: HTMLElement;
  id: string;
  /** The title the page session must send for it (props when they apply, else the DOM's). */
  title: string | undefined;
  /** Whether the embedded props must be joined to this card (more than id + title sent). */
  fromProps: boolean;
};

export type Subject = {
  base: Base;
  doc: Document;
  url: URL;
  /** List pages: the cards, in document order. Paper pages: the one paper (element = its h1 or body). */
  cards: ExpectedCard[];
  /** Strings that must stay text wherever they end up (hostile mutants). */
  hostile: string[];
};

/** What the extension does to page text: fold whitespace, clip to PaperMeta's 2,000 chars. */
export const foldTitle = (text: string | null | undefined): string | undefined =>
  (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 2_000) || undefined;

export const islandOf = (s: Subject) =>
  s.doc.querySelector(s.base.page === 'paper' ? '[data-target="PaperContent"]' : '[data-target="DailyPapers"]');

export function readProps(s: Subject): unknown {
  const raw = islandOf(s)?.getAttribute('data-props');
  if (raw === null || raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

export function writeProps(s: Subject, props: unknown): void {
  islandOf(s)?.setAttribute('data-props', JSON.stringify(props));
}

/** The props' list of items (or `[{paper}]` on a paper page), as a live array to edit. */
export function propsItems(props: unknown, s: Subject): unknown[] {
  if (!isRecord(props)) return [];
  if (s.base.page === 'paper') return [props];
  const items = props[s.base.listKey];
  return Array.isArray(items) ? items : [];
}

const paperOf = (item: unknown) => (isRecord(item) && isRecord(item.paper) ? item.paper : null);

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4']);

/**
 * Title links of a card (both copies on 2026 trending: `h3 > a`) or the paper page's h1.
 * getElementsByTagName, not selectors: happy-dom's selector matching dominates a 5,000-card page.
 */
export function titleElements(s: Subject, card: ExpectedCard): Element[] {
  if (s.base.page === 'paper') return [...s.doc.querySelectorAll('main h1')];
  return [...card.element.getElementsByTagName('a')].filter(
    (a) => HEADINGS.has(a.parentElement?.tagName ?? '') && paperIdOfHref(a.getAttribute('href')) === card.id,
  );
}

/** The title the card shows: its heading link, else its first paper link's text. */
export function domTitle(s: Subject, card: ExpectedCard): string | undefined {
  const [heading] = titleElements(s, card);
  if (heading) return foldTitle(heading.textContent);
  const first = [...card.element.getElementsByTagName('a')].find((a) => paperIdOfHref(a.getAttribute('href')) === card.id);
  return foldTitle(first?.textContent);
}

/** The title a props item gives, when its fields have the right types. */
function propsTitle(item: unknown): string | undefined {
  const paper = paperOf(item);
  if (typeof paper?.title === 'string') return foldTitle(paper.title);
  return isRecord(item) && typeof item.title === 'string' ? foldTitle(item.title) : undefined;
}

/** Sets the expectation from the current props (valid, matching the URL) and DOM. */
export function expectFromProps(s: Subject): void {
  const items = propsItems(readProps(s), s);
  for (const card of s.cards) {
    const item = items.find((entry) => paperOf(entry)?.id === card.id);
    card.fromProps = item !== undefined;
    card.title = propsTitle(item) ?? domTitle(s, card);
  }
}

/** The props no longer apply (gone, broken, stale): every card is DOM facts only. */
export function expectDomOnly(s: Subject, cards: ExpectedCard[] = s.cards): void {
  for (const card of cards) {
    card.fromProps = false;
    card.title = domTitle(s, card);
  }
}

function firstPaperId(root: Element): string | null {
  for (const a of root.getElementsByTagName('a')) {
    const id = paperIdOfHref(a.getAttribute('href'));
    if (id) return id;
  }
  return null;
}

export function subjectOf(base: Base): Subject {
  const doc = new DOMParser().parseFromString(base.html, 'text/html');
  const url = new URL(`https://huggingface.co${base.path}`);
  const s: Subject = { base, doc, url, cards: [], hostile: [] };
  if (base.page === 'paper') {
    const id = /\/papers\/(.+)$/.exec(url.pathname)?.[1] ?? '';
    const element = doc.querySelector<HTMLElement>('main h1') ?? doc.body;
    s.cards = [{ element, id, title: undefined, fromProps: false }];
  } else {
    s.cards = base.cardRoots(doc).map((element) => ({ element, id: firstPaperId(element) ?? '', title: undefined, fromProps: false }));
  }
  if (s.cards.some((card) => card.id === '')) throw new Error(`${base.name}: a card without a paper link`);
  expectFromProps(s);
  return s;
}
