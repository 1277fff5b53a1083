import type { PaperMeta } from '../paper';
import { cleanText } from './clean-text';
import { cardMeta, cardScope, findCardLinks, type ParsedCard } from './cards';
import { readListMetas, readPaperMeta } from './embedded-data';
import { pageKindOf, type PageKind } from './page-kind';
import { SELECTORS } from './selectors';

export type { ParsedCard } from './cards';

export type ParsedPage = {
  kind: PageKind;
  cards: ParsedCard[];
  /** False when paper links exist but no card was found: HF changed its markup, don't guess. */
  recognized: boolean;
  /** Only on a paper page: its metadata and where to put the Save button. */
  paper?: { meta: PaperMeta; anchor: HTMLElement | null };
};


type PaperPart = { paper: NonNullable<ParsedPage['paper']>; recognized: boolean };

/**
 * The paper page: props when they are about this paper, else the `h1` text; no h1 and no props →
 * not recognized. Props with a missing or mistyped title still give the rest; the h1 gives the title.
 */
function parsePaper(doc: Document, id: string): PaperPart {
  const anchor = doc.querySelector<HTMLElement>(`${SELECTORS.main} ${SELECTORS.paperTitle}`) ??
    doc.querySelector<HTMLElement>(SELECTORS.paperTitle);
  const fromProps = readPaperMeta(doc, id);
  const meta = fromProps ?? { id };
  const title = meta.title ?? cleanText(anchor?.textContent)?.slice(0, 2_000);
  return { paper: { meta: title === undefined ? meta : { ...meta, title }, anchor }, recognized: fromProps !== null || anchor !== null };
}

/** The page's cards, joined to the props' metadata by id; `anyPaperLink` as findCardLinks says. */
function buildCards(doc: Document, kind: PageKind): { cards: ParsedCard[]; anyPaperLink: boolean } {
  const { cards: grouped, anyPaperLink } = findCardLinks(cardScope(doc));
  if (grouped.size === 0) return { cards: [], anyPaperLink };
  const metas = readListMetas(doc, kind);
  const cards = [...grouped].map(([element, links]) => ({ element, id: links.first.id, meta: cardMeta(links, metas) }));
  return { cards, anyPaperLink };
}

/**
 * Everything the extension needs from a papers page, or null when the URL is not one.
 * Pure function of (doc, url): props are re-read and re-checked against the URL each call.
 */
export function parsePapersPage(doc: Document, url: URL): ParsedPage | null {
  const kind = pageKindOf(url);
  if (kind === null) return null;
  if (kind.name === 'paper') {
    const { paper, recognized } = parsePaper(doc, kind.id);
    return { kind, cards: [], recognized, paper };
  }
  const { cards, anyPaperLink } = buildCards(doc, kind);
  // Paper links but no card: HF changed its markup. No paper link at all: an empty day.
  return { kind, cards, recognized: cards.length > 0 || !anyPaperLink };
}

const isNode = (value: ParentNode): value is ParentNode & Node => 'nodeType' in value;

/**
 * Cards touched by an added subtree: cards inside root, or the card root sits in.
 * Grouping must see the whole page (ids are deduped page-wide), so this filters a full pass.
 */
export function findCards(root: ParentNode, doc: Document, url: URL): ParsedCard[] {
  const kind = pageKindOf(url);
  if (kind === null || kind.name === 'paper' || !isNode(root)) return [];
  const { cards } = buildCards(doc, kind);
  return cards.filter(({ element }) => root.contains(element) || element.contains(root));
}
