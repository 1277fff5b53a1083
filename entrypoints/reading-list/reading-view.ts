import type { ReadingListEntry } from '../../lib/export/entry';
import type { SavedStatus } from '../../lib/store/records';

export type StatusFilter = 'all' | SavedStatus;
export type SortKey = 'saved' | 'published' | 'upvotes';

export interface Row {
  entry: ReadingListEntry;
  /** Lowercased title, abstract, authors, note and tags: built once so each keystroke is one `includes` per word. */
  haystack: string;
}

export function toRow(entry: ReadingListEntry): Row {
  const { paper, saved } = entry;
  const parts = [paper.id, paper.title, paper.summary, ...(paper.authors ?? []), saved.note, ...saved.tags];
  return { entry, haystack: parts.filter(Boolean).join('\n').toLowerCase() };
}

function timeOf(iso: string | undefined): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** Higher id first: the order the savedAt index gives ties when read backwards (the first screen's order). */
function idDescending(a: Row, b: Row): number {
  const x = a.entry.saved.id;
  const y = b.entry.saved.id;
  return x === y ? 0 : x < y ? 1 : -1;
}

const COMPARE: Record<SortKey, (a: Row, b: Row) => number> = {
  saved: (a, b) => b.entry.saved.savedAt - a.entry.saved.savedAt || idDescending(a, b),
  published: (a, b) => timeOf(b.entry.paper.publishedAt) - timeOf(a.entry.paper.publishedAt),
  upvotes: (a, b) => (b.entry.paper.upvotes ?? 0) - (a.entry.paper.upvotes ?? 0),
};

/**
 * Newest / most upvoted first; ties broken by saved date, then id, so the order is stable and the
 * whole list starts with exactly the rows the first screen showed.
 */
export function sortRows(rows: readonly Row[], key: SortKey): Row[] {
  return [...rows].sort((a, b) => COMPARE[key](a, b) || COMPARE.saved(a, b));
}

/** Every word of the query must appear somewhere (case-insensitive); tag and status narrow further. */
export function filterRows(rows: readonly Row[], query: string, tag: string, status: StatusFilter): Row[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) =>
      (status === 'all' || row.entry.saved.status === status) &&
      (tag === '' || row.entry.saved.tags.includes(tag)) &&
      words.every((w) => row.haystack.includes(w)),
  );
}


function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i]);
}

function sameFields(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => sameValue(a[k], b[k]));
}

/**
 * Same paper and annotations, field by field (arrays element by element). Every read returns new
 * objects, so without this each re-read (the whole list arriving after the first rows, any edit)
 * re-rendered every shown row.
 */
export function sameEntry(a: ReadingListEntry, b: ReadingListEntry): boolean {
  return a === b || (sameFields(a.paper, b.paper) && sameFields(a.saved, b.saved));
}
