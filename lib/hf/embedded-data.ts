import type { PaperMeta } from '../paper';
import type { DailyPapersProps } from './hf-schemas';
import { readDailyPapersProps, readItem, readPaperContentProps } from './read-props';
import type { PageKind } from './page-kind';
import { SELECTORS } from './selectors';
import { itemToPaperMeta, paperToPaperMeta } from './to-paper-meta';

/** The island's raw `data-props` (already unescaped by the DOM); null when absent. */
function rawProps(doc: Document, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute('data-props') || null;
}

/** JSON of a props string; null when unparsable (HF may be mid-render). */
function parseJson(raw: string | null): unknown {
  if (raw === null) return null;
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

/** Adds one raw list item's metadata; the first listing of a paper wins, like the first card does. */
function addItem(metas: Map<string, PaperMeta>, raw: unknown): void {
  const item = readItem(raw);
  if (item && !metas.has(item.paper.id)) metas.set(item.paper.id, itemToPaperMeta(item));
}

/**
 * One-entry memo keyed on (exact props text, page kind): the observer re-scans added cards often
 * and trending props are ~0.5 MB. Keyed on the inputs themselves, so it stays a pure function of
 * (doc content, kind): a URL switch or swapped props misses the memo and is checked afresh.
 */
let memo: { raw: string; kind: string; metas: Map<string, PaperMeta> } | null = null;

/** The props' raw list items when the props are about this page kind, else none. */
function listItemsOf(raw: string, kind: PageKind): unknown[] {
  const props = readDailyPapersProps(parseJson(raw));
  if (!props || !propsMatchKind(props, kind)) return [];
  const items = kind.name === 'search' ? props.searchResults : props.dailyPapers;
  return Array.isArray(items) ? (items as unknown[]) : [];
}

/** The island's props text, with the memo's metadata when it was read for them already. */
type PropsRead = { raw: string; kindKey: string; known: Map<string, PaperMeta> | null };

function propsRead(doc: Document, kind: PageKind): PropsRead | null {
  const raw = rawProps(doc, SELECTORS.dailyPapersIsland);
  if (raw === null) return null;
  const kindKey = JSON.stringify(kind);
  return { raw, kindKey, known: memo && memo.kind === kindKey && memo.raw === raw ? memo.metas : null };
}

function remember({ raw, kindKey }: PropsRead, metas: Map<string, PaperMeta>): Map<string, PaperMeta> {
  memo = { raw, kind: kindKey, metas };
  return metas;
}

/**
 * Metadata of the listed papers from the `DailyPapers` props, only when they match the URL's kind.
 * Read afresh from the document on every call. Treat the returned map as read-only (it may be shared).
 */
export function readListMetas(doc: Document, kind: PageKind): Map<string, PaperMeta> {
  const read = propsRead(doc, kind);
  if (read === null) return new Map();
  if (read.known) return read.known;
  const metas = new Map<string, PaperMeta>();
  for (const item of listItemsOf(read.raw, kind)) addItem(metas, item);
  return remember(read, metas);
}

/** Runs `work` over items, possibly across several tasks (the caller decides how to slice). */
export type Slicer = <T>(items: readonly T[], work: (item: T) => void) => Promise<unknown>;

/** How HF's compact JSON opens a list item, and where it ends one item and starts the next. */
const ITEM_START = '{"paper":';
const ITEM_SEPARATOR = `},${ITEM_START}`;

/**
 * The list as its first and last items plus the texts of those between, so each item is parsed
 * on its own: one parse of a 3,000-paper props text is a 40 ms task. The text with the middle
 * items cut out must parse and list exactly two items; null when it does not (a separator inside
 * a string, another list): the caller then parses the whole text.
 */
function splitList(raw: string, kind: PageKind): { ends: unknown[]; middle: string[] } | null {
  const pieces = raw.split(ITEM_SEPARATOR);
  if (pieces.length < 3) return null;
  const ends = listItemsOf(`${pieces[0]}${ITEM_SEPARATOR}${pieces[pieces.length - 1]}`, kind);
  return ends.length === 2 ? { ends, middle: pieces.slice(1, -1) } : null;
}

/**
 * Reads `parts` in the caller's slices: true when all were read, false when the slicing stopped
 * early, null when one did not parse (`toItem` gave undefined, which no JSON value is).
 */
async function readParts<T>(metas: Map<string, PaperMeta>, parts: readonly T[], toItem: (part: T) => unknown, slices: Slicer): Promise<boolean | null> {
  let read = 0;
  let unparsable = false;
  await slices(parts, (part) => {
    const item = toItem(part);
    if (item === undefined) unparsable = true;
    else addItem(metas, item);
    read += 1;
  });
  return unparsable ? null : read === parts.length;
}

/**
 * readListMetas in steps, for a page still loading: the items are parsed and read in the caller's
 * slices, and the result is kept for the next readListMetas of the same props (the parse at
 * DOMContentLoaded then costs nothing). Null when the island has no props.
 */
export async function readListMetasInSlices(doc: Document, kind: PageKind, slices: Slicer): Promise<Map<string, PaperMeta> | null> {
  const read = propsRead(doc, kind);
  if (read === null) return null;
  if (read.known) return read.known;
  const split = splitList(read.raw, kind);
  if (split) {
    const metas = new Map<string, PaperMeta>();
    addItem(metas, split.ends[0]);
    const complete = await readParts(metas, split.middle, (text) => parseJson(`${ITEM_START}${text}}`) ?? undefined, slices);
    addItem(metas, split.ends[1]);
    // A list cut short (the page went away) is not kept: the next read must see every paper.
    if (complete !== null) return complete ? remember(read, metas) : metas;
  }
  const metas = new Map<string, PaperMeta>();
  return (await readParts(metas, listItemsOf(read.raw, kind), (item) => item, slices)) ? remember(read, metas) : metas;
}

/** The paper page's metadata from `PaperContent`, when it is about the paper in the URL. */
export function readPaperMeta(doc: Document, id: string): PaperMeta | null {
  const props = readPaperContentProps(parseJson(rawProps(doc, SELECTORS.paperContentIsland)));
  if (!props || props.paper.id !== id) return null;
  return paperToPaperMeta(props.paper);
}
