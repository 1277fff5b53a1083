import { afterEach, beforeEach, expect, it } from 'vitest';
import { PapersInboxDb } from '../../../lib/store/db';
import { ALL_SAVED_BATCH, allSaved, newestSaved, readingListHead, savedTags } from '../../../lib/store/reading-list';
import type { ReadingListEntry } from '../../../lib/export/entry';
import type { SavedRecord } from '../../../lib/store/records';

let db: PapersInboxDb;
beforeEach(async () => {
  db = new PapersInboxDb(`test-${Math.random()}`);
  await seed();
});
afterEach(async () => {
  await db.delete();
});

const ids = Array.from({ length: 30 }, (_, i) => `2512.${String(10000 + i)}`);

/** 30 saved papers; savedAt repeats every 10 (ties), one saved id has no paper row. */
async function seed(): Promise<void> {
  await db.papers.bulkPut(ids.slice(1).map((id, i) => ({ id, title: `Paper ${i}`, updatedAt: 1 })));
  const saved: SavedRecord[] = ids.map((id, i) => ({
    id,
    savedAt: 1000 + (i % 10),
    tags: i % 3 === 0 ? ['survey', `t${i % 2}`] : [],
    note: '',
    status: 'to-read',
    updatedAt: 2,
  }));
  await db.saved.bulkPut(saved);
}

/** What the reading list read before: every saved row joined with its paper. */
async function oldQuery(): Promise<ReadingListEntry[]> {
  const saved = await db.saved.toArray();
  const papers = await db.papers.bulkGet(saved.map((s) => s.id));
  return saved.map((s, i) => ({ paper: papers[i] ?? { id: s.id, updatedAt: s.updatedAt }, saved: s }));
}

const newestFirst = (a: ReadingListEntry, b: ReadingListEntry) =>
  b.saved.savedAt - a.saved.savedAt || (a.saved.id < b.saved.id ? 1 : a.saved.id > b.saved.id ? -1 : 0);

it('allSaved returns exactly what the old whole-list query returned', async () => {
  expect(await allSaved(db)).toEqual(await oldQuery());
});

it('allSaved reads a list longer than one step, in steps, without losing or repeating a row', async () => {
  const more = Array.from({ length: ALL_SAVED_BATCH * 2 }, (_, i) => `2601.${String(10000 + i)}`);
  await db.papers.bulkPut(more.map((id) => ({ id, title: id, updatedAt: 1 })));
  await db.saved.bulkPut(more.map((id) => ({ id, savedAt: 5, tags: [], note: '', status: 'to-read' as const, updatedAt: 3 })));
  const all = await allSaved(db);
  expect(all).toHaveLength(ids.length + more.length);
  expect(all).toEqual(await oldQuery());
});

it('newestSaved reads the first rows of the whole list, newest first, ties by id', async () => {
  const expected = (await oldQuery()).sort(newestFirst);
  expect(await newestSaved(db, 12)).toEqual(expected.slice(0, 12));
  expect(await newestSaved(db, 100)).toEqual(expected);
});

it('a saved id without a paper row still comes back, with its id', async () => {
  const missing = (await allSaved(db)).find((e) => e.saved.id === ids[0]);
  expect(missing?.paper).toEqual({ id: ids[0], updatedAt: 2 });
});

it('the head has every tag in use, as the whole list would give them, and says whether it is whole', async () => {
  const all = await oldQuery();
  const head = await readingListHead(db, 5);
  expect(head.entries).toHaveLength(5);
  expect(head.whole).toBe(false);
  expect((await readingListHead(db, all.length + 1)).whole).toBe(true);
  expect(head.tags).toEqual([...new Set(all.flatMap((e) => e.saved.tags))].sort((a, b) => a.localeCompare(b)));
  expect(await savedTags(db)).toEqual(['survey', 't0', 't1']);
});

it('an empty list has no rows and no tags, and is whole', async () => {
  await db.saved.clear();
  expect(await readingListHead(db, 50)).toEqual({ entries: [], whole: true, tags: [] });
  expect(await allSaved(db)).toEqual([]);
});
