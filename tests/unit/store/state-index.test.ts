import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PapersInboxDb } from '../../../lib/store/db';
import * as repo from '../../../lib/store/repository';
import { createBackup, restoreBackup } from '../../../lib/export/backup';
import { slotOf, statesFromRows, type StateBitsRow } from '../../../lib/store/state-bits';
import type { PaperRecord } from '../../../lib/store/records';

let db: PapersInboxDb;
beforeEach(() => {
  db = new PapersInboxDb(`test-bits-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

/** What the index says for `ids`, next to what the paper rows say (the reference). */
async function indexAndRows(ids: readonly string[]) {
  const [bits, papers] = await Promise.all([db.stateBits.toArray(), db.papers.bulkGet([...ids])]);
  const fromIndex = statesFromRows(ids, new Map(bits.map((row: StateBitsRow) => [row.key, row])));
  const present = papers.flatMap((row) => (row ? [row] : []));
  const fromRows = {
    read: present.filter((row) => row.readAt !== undefined).map((row) => row.id),
    shown: present.filter((row) => row.firstShownAt !== undefined).map((row) => row.id),
  };
  return { fromIndex, fromRows };
}

const row = (id: string, extra: Partial<PaperRecord> = {}): PaperRecord => ({ id, title: `T ${id}`, updatedAt: 1, ...extra });

describe('slots', () => {
  it('keeps four- and five-digit suffixes of a month apart', () => {
    expect(slotOf('0704.0001')).toEqual({ key: '0704.4', index: 1, bytes: 1250 });
    expect(slotOf('0704.00001')).toEqual({ key: '0704.5', index: 1, bytes: 12500 });
    expect(slotOf('2502.99999')).toMatchObject({ key: '2502.5', index: 99999 });
    expect(slotOf('not-an-id')).toBeNull();
  });
});

describe('the state index follows every write to papers', () => {
  // Ids at the edges of a byte and of a row, in two months and both suffix lengths.
  const ids = ['2502.00000', '2502.00007', '2502.00008', '2502.99999', '2503.12345', '0704.0001', '0704.9999'];

  it('repository writes: shown, read, unread, mark all read, undo', async () => {
    await repo.recordShown(db, 'l1', ids.slice(0, 5).map((id) => ({ id, title: id })), 10);
    expect(await indexAndRows(ids)).toMatchObject({ fromIndex: { shown: ids.slice(0, 5), read: [] } });
    await repo.setRead(db, [ids[1] ?? '', ids[5] ?? ''], true, 11);
    const token = await repo.markAllRead(db, ids.slice(2, 4), 12);
    await repo.setRead(db, [ids[1] ?? ''], false, 13);
    let both = await indexAndRows(ids);
    expect(both.fromIndex).toEqual(both.fromRows);
    expect(both.fromIndex.read).toEqual([ids[2], ids[3], ids[5]]);
    await repo.undo(db, token);
    both = await indexAndRows(ids);
    expect(both.fromIndex).toEqual(both.fromRows);
    expect(both.fromIndex.read).toEqual([ids[5]]);
  });

  it('plain table writes: put, bulkPut, update, modify, delete, bulkDelete, clear', async () => {
    await db.papers.bulkPut(ids.map((id, i) => row(id, i % 2 ? { firstShownAt: 1 } : { readAt: 2 })));
    let both = await indexAndRows(ids);
    expect(both.fromIndex).toEqual(both.fromRows);
    await db.papers.put(row(ids[0] ?? '', { firstShownAt: 3 })); // read dropped, shown set
    await db.papers.update(ids[1] ?? '', { readAt: 4 });
    await db.papers.where('id').startsWith('0704').modify((r) => {
      delete r.firstShownAt;
      r.readAt = 5;
    });
    both = await indexAndRows(ids);
    expect(both.fromIndex).toEqual(both.fromRows);
    expect(both.fromIndex.read).toEqual([ids[1], ids[2], ids[4], ids[5], ids[6]]);
    await db.papers.delete(ids[2] ?? '');
    await db.papers.bulkDelete([ids[4] ?? '', ids[5] ?? '']);
    both = await indexAndRows(ids);
    expect(both.fromIndex).toEqual(both.fromRows);
    expect(both.fromIndex.read).toEqual([ids[1], ids[6]]);
    await db.papers.clear();
    expect((await indexAndRows(ids)).fromIndex).toEqual({ read: [], shown: [] });
  });

  it('side-by-side writes in one transaction all land, and an aborted one leaves the index as it was', async () => {
    await db.transaction('rw', db.papers, () =>
      Promise.all([
        db.papers.bulkPut(ids.slice(0, 3).map((id) => row(id, { readAt: 1 }))),
        db.papers.bulkPut(ids.slice(3).map((id) => row(id, { firstShownAt: 1 }))),
      ]),
    );
    let both = await indexAndRows(ids);
    expect(both.fromIndex).toEqual({ read: ids.slice(0, 3), shown: ids.slice(3) });
    await expect(
      db.transaction('rw', db.papers, async () => {
        await db.papers.bulkPut(ids.map((id) => row(id, { readAt: 9, firstShownAt: 9 })));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    both = await indexAndRows(ids);
    expect(both.fromIndex).toEqual({ read: ids.slice(0, 3), shown: ids.slice(3) });
  });

  it('a backup restore', async () => {
    const source = new PapersInboxDb(`test-bits-source-${Math.random()}`);
    await source.papers.bulkPut([row(ids[0] ?? '', { readAt: 3, firstShownAt: 2, updatedAt: 3 }), row(ids[6] ?? '', { firstShownAt: 2, updatedAt: 3 })]);
    const backup = await createBackup(source, 5);
    await source.delete();
    await restoreBackup(db, backup);
    const both = await indexAndRows(ids);
    expect(both.fromIndex).toEqual({ read: [ids[0]], shown: [ids[0], ids[6]] });
  });

  it('getStates answers from the index the same as from the rows, on random histories', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pool = Array.from({ length: 300 }, (_, i) => `25${String(10 + (i % 3)).padStart(2, '0')}.${String(Math.floor(random() * 100_000)).padStart(5, '0')}`);
    for (let step = 0; step < 20; step++) {
      const pick = pool.filter(() => random() < 0.2);
      const action = Math.floor(random() * 3);
      if (action === 0) await repo.recordShown(db, `load-${step}`, pick.map((id) => ({ id, title: id })), step);
      else await repo.setRead(db, pick, action === 1, step);
    }
    const rows = await db.papers.bulkGet(pool);
    const states = await repo.getStates(db, pool);
    expect(states.read).toEqual(pool.filter((_, i) => rows[i]?.readAt !== undefined));
    expect(states.shown).toEqual(pool.filter((_, i) => rows[i]?.firstShownAt !== undefined));
    expect(states.read.length).toBeGreaterThan(0);
    expect(states.shown.length).toBeGreaterThan(states.read.length / 2);
  });
});
