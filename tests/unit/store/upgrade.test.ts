import Dexie from 'dexie';
import { expect, it } from 'vitest';
import { PapersInboxDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../../lib/store/db';
import { getSettings, getStates } from '../../../lib/store/repository';
import { stateIndexMiddleware } from '../../../lib/store/state-index';

it('v1 → v2 moves savedAt to the reading list and loses nothing', async () => {
  const name = `test-upgrade-${Math.random()}`;
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  await old.open();
  await old.table('papers').bulkPut([
    { id: '2502.00001', title: 'Saved one', firstShownAt: 1, readAt: 2, savedAt: 3, updatedAt: 3 },
    { id: '2502.00002', title: 'Plain', firstShownAt: 4, updatedAt: 4 },
  ]);
  await old.table('meta').put({ key: 'today', date: '2026-11-23', ids: ['2502.00002'], fetchedAt: 5 });
  old.close();

  const db = new PapersInboxDb(name);
  const papers = await db.papers.toArray();
  expect(papers).toEqual([
    { id: '2502.00001', title: 'Saved one', firstShownAt: 1, readAt: 2, updatedAt: 3 },
    { id: '2502.00002', title: 'Plain', firstShownAt: 4, updatedAt: 4 },
  ]);
  expect(await db.saved.toArray()).toEqual([
    { id: '2502.00001', savedAt: 3, tags: [], note: '', status: 'to-read', updatedAt: 3 },
  ]);
  expect((await db.meta.get('today'))?.ids).toEqual(['2502.00002']);
  await db.delete();
});

it('v2 → v4 adds the ranking table and keeps every v2 table as it was', async () => {
  const name = `test-upgrade-v4-${Math.random()}`;
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  old.version(2).stores(SCHEMA_V2);
  await old.open();
  await old.table('papers').put({ id: '2502.00001', title: 'Kept', firstShownAt: 1, submittedOnDailyAt: '2026-07-13', updatedAt: 1 });
  await old.table('saved').put({ id: '2502.00001', savedAt: 2, tags: ['x'], note: '', status: 'to-read', updatedAt: 2 });
  old.close();

  const db = new PapersInboxDb(name);
  expect(await db.saved.where('tags').equals('x').primaryKeys()).toEqual(['2502.00001']);
  expect(await db.papers.where('submittedOnDailyAt').equals('2026-07-13').primaryKeys()).toEqual(['2502.00001']);
  expect(await db.ranking.get('model')).toBeUndefined();
  await db.ranking.put({ key: 'model', version: 1, trainedAt: 3, bias: 0, weights: new Float32Array(4), idf: new Float32Array(4), likes: [], saves: 5, examples: 5 });
  expect((await db.ranking.get('model'))?.saves).toBe(5);
  await db.delete();
});

it('v2 → v3 builds the state index from the stored papers and loses nothing', async () => {
  const name = `test-upgrade-${Math.random()}`;
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  old.version(2).stores(SCHEMA_V2);
  await old.open();
  const rows = [
    { id: '2502.00001', title: 'Read', firstShownAt: 1, readAt: 2, updatedAt: 2 },
    { id: '2502.00002', title: 'Shown', firstShownAt: 4, updatedAt: 4 },
    { id: '2503.00002', title: 'Fetched, never shown', updatedAt: 5 },
    { id: '0704.0002', title: 'Old id, read without a page', readAt: 6, updatedAt: 6 },
  ];
  await old.table('papers').bulkPut(rows);
  await old.table('saved').put({ id: '2502.00002', savedAt: 3, tags: [], note: '', status: 'to-read', updatedAt: 3 });
  old.close();

  const db = new PapersInboxDb(name);
  expect(await db.papers.toArray()).toEqual([rows[3], rows[0], rows[1], rows[2]]);
  expect(await db.saved.count()).toBe(1);
  const states = await getStates(db, ['2502.00001', '2502.00002', '2503.00002', '0704.0002', '2502.00003']);
  expect(states).toEqual({ read: ['2502.00001', '0704.0002'], shown: ['2502.00001', '2502.00002'], saved: ['2502.00002'] });
  await db.delete();
});

it('v4 → v5 adds the sync table, keeps every v4 table as it was, and sync stays off', async () => {
  const name = `test-upgrade-v5-${Math.random()}`;
  const old = new Dexie(name);
  // As v4 wrote them: with the state index kept by its middleware.
  old.use(stateIndexMiddleware);
  old.version(1).stores(SCHEMA_V1);
  old.version(2).stores(SCHEMA_V2);
  old.version(3).stores(SCHEMA_V3);
  old.version(4).stores(SCHEMA_V4);
  await old.open();
  const paper = { id: '2502.00001', title: 'Kept', firstShownAt: 1, readAt: 2, updatedAt: 2 };
  const saved = { id: '2502.00001', savedAt: 3, tags: ['x'], note: 'a note', status: 'done', updatedAt: 3 };
  const rule = { id: 'r1', pattern: 'diffusion', kind: 'keyword', fields: ['title'], action: 'hide', enabled: true, createdAt: 1, updatedAt: 1 };
  await old.table('papers').put(paper);
  await old.table('saved').put(saved);
  await old.table('filters').put(rule);
  // A v4 settings row has no `sync` field at all.
  await old.table('settings').put({ key: 'settings', value: { markReadOnScrollPast: true, badge: 'today', readCards: 'hidden' } });
  old.close();

  const db = new PapersInboxDb(name);
  expect(await db.papers.toArray()).toEqual([paper]);
  expect(await db.saved.toArray()).toEqual([saved]);
  expect(await db.filters.toArray()).toEqual([rule]);
  expect(await getSettings(db)).toEqual({ markReadOnScrollPast: true, badge: 'today', readCards: 'hidden', cardOrder: 'hf', sync: false });
  expect(await getStates(db, ['2502.00001'])).toMatchObject({ read: ['2502.00001'], saved: ['2502.00001'] });
  expect(await db.sync.count()).toBe(0);
  await db.delete();
});
