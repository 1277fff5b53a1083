import type { ReadingListEntry } from '../export/entry';
import type { PapersInboxDb } from './db';
import type { PaperRecord, SavedRecord } from './records';

/**
 * Reading-list reads for the reading-list page (it reads Dexie directly; writes go through the
 * background). The first screen needs only the newest rows, so it never loads the whole list.
 */

/** What the first screen of the reading list shows before the whole list is loaded. */
export interface ReadingListHead {
  /** The newest saved entries, newest first (ties: higher id first, the index's reverse order). */
  entries: ReadingListEntry[];
  /** True when these are all the saved entries (fewer than asked for). */
  whole: boolean;
  /** Every tag in use, sorted for the tag filter. */
  tags: string[];
}

/** A saved id without a paper row (shouldn't happen) still shows, with its id as title. */
function joinPapers(saved: readonly SavedRecord[], papers: readonly (PaperRecord | undefined)[]): ReadingListEntry[] {
  return saved.map((s, i) => ({ paper: papers[i] ?? { id: s.id, updatedAt: s.updatedAt }, saved: s }));
}

/** The `limit` newest saved entries with their papers: the savedAt index, read backwards. */
export async function newestSaved(db: PapersInboxDb, limit: number): Promise<ReadingListEntry[]> {
  const saved = await db.saved.orderBy('savedAt').reverse().limit(limit).toArray();
  return joinPapers(saved, await db.papers.bulkGet(saved.map((s) => s.id)));
}

/** Tags from the multi-entry `tags` index (distinct keys only), without reading any row. */
export async function savedTags(db: PapersInboxDb): Promise<string[]> {
  const keys = await db.saved.orderBy('tags').uniqueKeys();
  const tags = keys.filter((k): k is string => typeof k === 'string');
  return tags.sort((a, b) => a.localeCompare(b));
}

/**
 * The first screen: the newest rows and the tags, in one read transaction (one snapshot). No
 * count: IndexedDB counts by walking every row, and the papers' gets queued behind it (the total
 * comes with the whole list instead).
 */
export function readingListHead(db: PapersInboxDb, limit: number): Promise<ReadingListHead> {
  return db.transaction('r', db.saved, db.papers, async () => {
    const [entries, tags] = await Promise.all([newestSaved(db, limit), savedTags(db)]);
    return { entries, whole: entries.length < limit, tags };
  });
}

/** Saved rows (and their papers) read per step by `allSaved`. */
export const ALL_SAVED_BATCH = 250;

/** The next `ALL_SAVED_BATCH` saved rows by id, after `afterId` (from the start when undefined). */
function savedBatch(db: PapersInboxDb, afterId: string | undefined): Promise<SavedRecord[]> {
  const rows = afterId === undefined ? db.saved.toCollection() : db.saved.where(':id').above(afterId);
  return rows.limit(ALL_SAVED_BATCH).toArray();
}

/**
 * Every saved entry with its paper, in primary-key order (search, sort, filters and export need
 * them all). Read in steps of `ALL_SAVED_BATCH` rows: reading 5,000 saved rows and then 5,000
 * papers at once made single tasks of 50–200 ms (deserializing the rows; issuing, and in a live
 * query tracking, 5,000 gets), and a keystroke landing then waited for them. No transaction
 * around the steps, so the background's writes are not held up behind the whole read (a live
 * query re-runs on any change to what it read anyway).
 */
export async function allSaved(db: PapersInboxDb): Promise<ReadingListEntry[]> {
  const entries: ReadingListEntry[] = [];
  let afterId: string | undefined;
  for (;;) {
    const saved = await savedBatch(db, afterId);
    entries.push(...joinPapers(saved, await db.papers.bulkGet(saved.map((s) => s.id))));
    afterId = saved.at(-1)?.id;
    if (saved.length < ALL_SAVED_BATCH || afterId === undefined) return entries;
  }
}
