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
  /** How many papers are saved in all. */
  total: number;
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

/** The first screen: newest rows, the total and the tags, in one read transaction (one consistent snapshot). */
export function readingListHead(db: PapersInboxDb, limit: number): Promise<ReadingListHead> {
  return db.transaction('r', db.saved, db.papers, async () => {
    const [entries, total, tags] = await Promise.all([newestSaved(db, limit), db.saved.count(), savedTags(db)]);
    return { entries, total, tags };
  });
}

/** Every saved entry with its paper, in primary-key order (search, sort, filters and export need them all). */
export function allSaved(db: PapersInboxDb): Promise<ReadingListEntry[]> {
  return db.transaction('r', db.saved, db.papers, async () => {
    const saved = await db.saved.toArray();
    return joinPapers(saved, await db.papers.bulkGet(saved.map((s) => s.id)));
  });
}
