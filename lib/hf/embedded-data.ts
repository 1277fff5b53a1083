import type { PaperMeta } from '../paper';
import { DailyPapersProps, PaperContentProps, parseItems } from './hf-schemas';
import type { PageKind } from './page-kind';
import { SELECTORS } from './selectors';
import { itemToPaperMeta, paperToPaperMeta } from './to-paper-meta';

/** The island's props as JSON; null when missing or unparsable (HF may be mid-render). */
function readProps(doc: Document, selector: string): unknown {
  const raw = doc.querySelector(selector)?.getAttribute('data-props');
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

/** `2026-W5`, `2026-w05`, `2026W05` → `2026-W05`. */
function normalizeWeek(value: string): string | null {
  const match = /^(\d{4})-?W(\d{1,2})$/i.exec(value.trim());
  return match ? `${match[1]}-W${(match[2] ?? '').padStart(2, '0')}` : null;
}

/** First `length` chars of a date-like string (`2026-07-31T00:00:00Z` → `2026-07-31`). */
const datePrefix = (value: string | undefined, length: number) => {
  const trimmed = value?.trim() ?? '';
  return /^\d{4}-\d{2}/.test(trimmed) ? trimmed.slice(0, length) : null;
};

/**
 * Whether the props describe what the URL shows. After a pushState switch the props can still hold
 * the previous period (hf-pages.md): then they are not ours and the DOM is the only truth.
 */
export function propsMatchKind(props: DailyPapersProps, kind: PageKind): boolean {
  const day = props.dateString ?? props.date;
  switch (kind.name) {
    case 'daily':
      if (props.isTrending === true || (props.periodType && props.periodType !== 'day')) return false;
      return kind.date === undefined || datePrefix(day, 10) === kind.date;
    case 'week':
      return props.periodType === 'week' && normalizeWeek(props.dateString ?? '') === kind.week;
    case 'month':
      return props.periodType === 'month' && datePrefix(props.dateString, 7) === kind.month;
    case 'trending':
      return props.isTrending === true;
    case 'search':
      return props.query?.q?.trim() === kind.q;
    case 'paper':
      return false;
  }
}

function toMetaMap(raw: unknown): Map<string, PaperMeta> {
  const metas = new Map<string, PaperMeta>();
  for (const item of parseItems(raw)) {
    // The first listing of a paper wins, like the first card does.
    if (!metas.has(item.paper.id)) metas.set(item.paper.id, itemToPaperMeta(item));
  }
  return metas;
}

/**
 * Metadata of the listed papers from the `DailyPapers` props, only when they match the URL's kind.
 * Pure: read afresh on every call, never cached across URLs.
 */
export function readListMetas(doc: Document, kind: PageKind): Map<string, PaperMeta> {
  const parsed = DailyPapersProps.safeParse(readProps(doc, SELECTORS.dailyPapersIsland));
  if (!parsed.success || !propsMatchKind(parsed.data, kind)) return new Map();
  const props = parsed.data;
  return toMetaMap(kind.name === 'search' ? props.searchResults : props.dailyPapers);
}

/** The paper page's metadata from `PaperContent`, when it is about the paper in the URL. */
export function readPaperMeta(doc: Document, id: string): PaperMeta | null {
  const parsed = PaperContentProps.safeParse(readProps(doc, SELECTORS.paperContentIsland));
  if (!parsed.success || parsed.data.paper.id !== id) return null;
  return paperToPaperMeta(parsed.data.paper);
}
