import { afterEach, describe, expect, it } from 'vitest';
import type { FilterRule } from '../../../lib/filters/rule';
import * as repo from '../../../lib/store/repository';
import { MemorySyncArea } from '../../support/memory-sync-area';
import { SyncDevice, storeView, turnSyncOn } from '../../support/sync-device';
import { DAY_MS } from '../../../lib/sync/state';
import { VirtualClock } from '../../support/virtual-clock';

/** Two browsers signed in to one account, each with its store and engine, and the clock they share. */
function twoDevices() {
  const clock = new VirtualClock();
  const area = new MemorySyncArea(clock.now);
  const a = new SyncDevice('a', area, clock);
  const b = new SyncDevice('b', area.otherDevice(), clock);
  return { clock, area, a, b };
}

let open: SyncDevice[] = [];
afterEach(async () => {
  await Promise.all(open.map((d) => d.db.delete()));
  open = [];
});
const setup = () => {
  const pair = twoDevices();
  open.push(pair.a, pair.b);
  return pair;
};

const paper = (id: string) => ({ id, title: `Paper ${id}` });
const rule = (id: string, pattern: string, updatedAt: number): FilterRule => ({ id, pattern, kind: 'keyword', fields: ['title'], action: 'hide', enabled: true, createdAt: 1, updatedAt });

describe('two devices syncing through one storage.sync', () => {
  it('a first sync on a second device merges with what the first one sent, and overwrites nothing', async () => {
    const { clock, a, b } = setup();
    await repo.savePaper(a.db, paper('2511.00001'), clock.now());
    await repo.updateSaved(a.db, '2511.00001', { tags: ['ml'] }, clock.now());
    await repo.setRead(a.db, ['2511.00002'], true, clock.now());
    await repo.upsertFilter(a.db, rule('r1', 'diffusion', clock.now()));
    await repo.updateSettings(a.db, { badge: 'today' });
    await turnSyncOn(a);
    await clock.settle();
    // B has used the extension for a while without sync: its own list and reads must survive.
    await repo.savePaper(b.db, paper('2511.00003'), clock.now());
    await repo.setRead(b.db, ['2511.00004'], true, clock.now());
    await turnSyncOn(b);
    await clock.settle();
    const onA = await storeView(a.db);
    expect(await storeView(b.db)).toEqual(onA);
    expect(onA.saved.map((s) => [s.id, s.tags])).toEqual([['2511.00001', ['ml']], ['2511.00003', []]]);
    expect(onA.read).toEqual(['2511.00002', '2511.00004']);
    expect(onA.rules.map((r) => r.pattern)).toEqual(['diffusion']);
    // B's badge was the untouched default: A's choice wins over it.
    expect(onA.settings.badge).toBe('today');
    expect([...a.problems, ...b.problems]).toEqual([]);
  });

  it('a read is sticky: the other device never having read it does not undo it, only an unread made after seeing it', async () => {
    const { clock, a, b } = setup();
    await Promise.all([turnSyncOn(a), turnSyncOn(b)]);
    await clock.settle();
    // B shows both papers as unread (never opened) while A reads them.
    await repo.recordShown(b.db, 'load-1', [paper('2511.00001'), paper('2511.00002')], clock.now());
    await repo.setRead(a.db, ['2511.00001', '2511.00002'], true, clock.now());
    await clock.settle();
    expect((await storeView(b.db)).read).toEqual(['2511.00001', '2511.00002']);
    // B unreads one after seeing it read; A meanwhile reads a third paper without having seen that.
    await repo.setRead(b.db, ['2511.00002'], false, clock.now());
    await repo.setRead(a.db, ['2511.00003'], true, clock.now());
    await clock.settle();
    for (const device of [a, b]) expect((await storeView(device.db)).read).toEqual(['2511.00001', '2511.00003']);
  });

  it('a delete is a tombstone: the device that still has the paper does not bring it back, a later save does', async () => {
    const { clock, a, b } = setup();
    await Promise.all([turnSyncOn(a), turnSyncOn(b)]);
    await repo.savePaper(a.db, paper('2511.00001'), clock.now());
    await clock.settle();
    expect((await storeView(b.db)).saved.map((s) => s.id)).toEqual(['2511.00001']);
    // A removes it while B, not having seen that yet, edits its tags.
    await repo.unsavePaper(a.db, '2511.00001', clock.now());
    await repo.updateSaved(b.db, '2511.00001', { tags: ['later'] }, clock.now());
    await clock.settle();
    for (const device of [a, b]) expect((await storeView(device.db)).saved).toEqual([]);
    await repo.savePaper(b.db, paper('2511.00001'), clock.now());
    await clock.settle();
    for (const device of [a, b]) expect((await storeView(device.db)).saved.map((s) => s.id)).toEqual(['2511.00001']);
  });

  it('keeps both sides of concurrent edits to different fields, and clips a long note with a marker', async () => {
    const { clock, a, b } = setup();
    await Promise.all([turnSyncOn(a), turnSyncOn(b)]);
    await repo.savePaper(a.db, paper('2511.00001'), clock.now());
    await clock.settle();
    await repo.updateSaved(a.db, '2511.00001', { tags: ['cv'] }, clock.now());
    await repo.updateSaved(b.db, '2511.00001', { note: 'n'.repeat(400), status: 'done' }, clock.now());
    await clock.settle();
    const [onA] = (await storeView(a.db)).saved;
    expect(onA).toMatchObject({ tags: ['cv'], status: 'done', note: `${'n'.repeat(300)} […]` });
    // B keeps its whole note: the clipped copy it sent says nothing new to it.
    expect((await storeView(b.db)).saved[0]).toMatchObject({ tags: ['cv'], status: 'done', note: 'n'.repeat(400) });
  });

  it('a removal is forgotten after 90 days of other edits, and the paper does not come back', async () => {
    const { clock, area, a, b } = setup();
    await Promise.all([turnSyncOn(a), turnSyncOn(b)]);
    await repo.savePaper(a.db, paper('2511.00001'), clock.now());
    await repo.savePaper(a.db, paper('2511.00002'), clock.now());
    await clock.settle();
    await repo.unsavePaper(b.db, '2511.00001', clock.now());
    await clock.settle();
    const tombstones = async () => (await area.get())['pi:s0'];
    expect(await tombstones()).toEqual([expect.arrayContaining(['2511.00001', 0]), expect.arrayContaining(['2511.00002', 1])]);
    await clock.advance(91 * DAY_MS);
    await repo.updateSaved(a.db, '2511.00002', { tags: ['kept'] }, clock.now());
    await clock.settle();
    expect(await tombstones()).toEqual([expect.arrayContaining(['2511.00002', 1])]);
    for (const device of [a, b]) expect((await storeView(device.db)).saved.map((s) => s.id)).toEqual(['2511.00002']);
  });
});

