import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PapersInboxDb } from '../../../lib/store/db';
import * as repo from '../../../lib/store/repository';

let db: PapersInboxDb;
beforeEach(() => {
  db = new PapersInboxDb(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const A = { id: '2502.00001', title: 'Alpha', summary: 'About alpha' };
const B = { id: '2502.00002', title: 'Beta' };

describe('paper states', () => {
  it('a paper is new on its first load and unread on a reload', async () => {
    expect((await repo.recordShown(db, 'load-1', [A], 1)).states).toEqual({ [A.id]: 'new' });
    expect((await repo.recordShown(db, 'load-2', [A], 2)).states).toEqual({ [A.id]: 'unread' });
  });

  it('a retry of the same load still shows its papers as new', async () => {
    await repo.recordShown(db, 'load-1', [A], 1);
    expect((await repo.recordShown(db, 'load-1', [A, B], 2)).states).toEqual({ [A.id]: 'new', [B.id]: 'new' });
  });

  it('a revisit writes only papers whose page data changed', async () => {
    await repo.recordShown(db, 'load-1', [A, { ...B, upvotes: 3, authors: ['Ann'] }], 1);
    await repo.recordShown(db, 'load-2', [A, { ...B, upvotes: 4, authors: ['Ann'] }], 2);
    expect((await db.papers.get(A.id))?.updatedAt).toBe(1); // shown again unchanged: untouched
    expect(await db.papers.get(B.id)).toMatchObject({ upvotes: 4, updatedAt: 2, firstShownAt: 1 });
    await repo.recordShown(db, 'load-3', [{ ...B, authors: ['Ann', 'Bo'] }], 3);
    expect(await db.papers.get(B.id)).toMatchObject({ authors: ['Ann', 'Bo'], upvotes: 4, updatedAt: 3 });
  });

  it('a paper seen on trending is not new on the daily list', async () => {
    await repo.recordShown(db, 'trending', [A], 1);
    expect((await repo.recordShown(db, 'daily', [A], 2)).states[A.id]).toBe('unread');
  });

  it('read wins, and toggling back makes it unread', async () => {
    await repo.recordShown(db, 'l1', [A], 1);
    await repo.setRead(db, [A.id], true, 2);
    expect((await repo.recordShown(db, 'l2', [A], 3)).states[A.id]).toBe('read');
    await repo.setRead(db, [A.id], false, 4);
    expect((await repo.recordShown(db, 'l3', [A], 5)).states[A.id]).toBe('unread');
  });

  it('a paper only fetched by the API is new when first shown', async () => {
    await repo.storeFetchedPapers(db, [A], 1);
    expect((await repo.recordShown(db, 'l1', [A], 2)).states[A.id]).toBe('new');
  });

  it('merges metadata without erasing stored fields and returns stored meta for bare cards', async () => {
    await repo.recordShown(db, 'l1', [{ ...A, upvotes: 3 }], 1);
    const result = await repo.recordShown(db, 'l2', [{ id: A.id, title: 'Alpha v2' }], 2);
    const row = await db.papers.get(A.id);
    expect(row).toMatchObject({ title: 'Alpha v2', summary: 'About alpha', upvotes: 3, firstShownAt: 1 });
    expect(result.metas).toEqual([{ id: A.id, title: 'Alpha v2', summary: 'About alpha', upvotes: 3 }]);
  });
});

describe('getStates', () => {
  it('answers for exactly the ids asked, in their order, without a scan', async () => {
    const C = { id: '2502.00003', title: 'Gamma' };
    await repo.recordShown(db, 'l1', [A, B, C], 1);
    await repo.setRead(db, [C.id, A.id], true, 2);
    await repo.savePaper(db, B, 3);
    await repo.savePaper(db, C, 4);
    // 2502.09999 was never stored: neither read nor saved, and no error.
    const states = await repo.getStates(db, [C.id, '2502.09999', B.id, A.id]);
    expect(states).toEqual({ read: [C.id, A.id], saved: [C.id, B.id], shown: [C.id, B.id, A.id] });
  });

  it('an unread, unsaved paper is in neither list, and only shown once a page showed it', async () => {
    await repo.setRead(db, [B.id], false, 1); // a bare row, never shown by a page
    await repo.recordShown(db, 'l1', [A], 1);
    expect(await repo.getStates(db, [A.id, B.id])).toEqual({ read: [], saved: [], shown: [A.id] });
  });
});

describe('undo', () => {
  it('mark all read then undo restores the exact previous mixed states', async () => {
    await repo.recordShown(db, 'l1', [A, B], 1);
    await repo.setRead(db, [A.id], true, 5);
    const token = await repo.markAllRead(db, [A.id, B.id], 10);
    expect((await repo.getStates(db, [A.id, B.id])).read).toEqual([A.id, B.id]);
    expect(await repo.undo(db, token)).toBe(2);
    expect((await db.papers.get(A.id))?.readAt).toBe(5);
    expect((await db.papers.get(B.id))?.readAt).toBeUndefined();
    expect(await repo.undo(db, token)).toBe(0);
  });

  it('unsave then undo brings back tags and note; save then undo removes it', async () => {
    await repo.savePaper(db, A, 1);
    await repo.updateSaved(db, A.id, { tags: ['rl'], note: 'read later', status: 'done' }, 2);
    const token = await repo.unsavePaper(db, A.id, 3);
    expect(await db.saved.get(A.id)).toBeUndefined();
    await repo.undo(db, token);
    expect(await db.saved.get(A.id)).toMatchObject({ tags: ['rl'], note: 'read later', status: 'done', savedAt: 1 });
    const saveToken = await repo.savePaper(db, B, 4);
    expect((await db.papers.get(B.id))?.title).toBe('Beta');
    await repo.undo(db, saveToken);
    expect(await db.saved.get(B.id)).toBeUndefined();
  });

  it('prunes undo entries older than a day', async () => {
    await repo.setRead(db, [A.id], true, 0);
    const recent = await repo.setRead(db, [A.id], false, 90_000_000);
    expect(await repo.pruneUndo(db, 90_000_001)).toBe(1);
    expect(await db.undo.get(recent)).toBeDefined();
  });
});

describe('settings, filters, today', () => {
  it('settings default and patch', async () => {
    expect((await repo.getSettings(db)).badge).toBe('page');
    expect((await repo.updateSettings(db, { badge: 'today' })).badge).toBe('today');
    expect((await repo.getSettings(db)).readCards).toBe('subdued');
  });

  it('filters upsert, list and delete', async () => {
    const rule = { id: 'r1', pattern: 'diffusion', kind: 'keyword' as const, fields: ['title' as const], action: 'hide' as const, enabled: true, createdAt: 1, updatedAt: 1 };
    await repo.upsertFilter(db, rule);
    expect(await repo.listFilters(db)).toEqual([rule]);
    await repo.deleteFilter(db, 'r1');
    expect(await repo.listFilters(db)).toEqual([]);
  });

  it("today's unread count excludes read papers", async () => {
    await repo.setTodayList(db, { key: 'today', date: '2026-11-23', ids: [A.id, B.id], fetchedAt: 1 });
    await repo.setRead(db, [A.id], true, 2);
    expect(await repo.todayUnreadCount(db)).toBe(1);
  });
});
