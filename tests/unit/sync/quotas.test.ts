import { afterEach, describe, expect, it } from 'vitest';
import type { PaperRecord, SavedRecord } from '../../../lib/store/records';
import * as repo from '../../../lib/store/repository';
import { decodeItems } from '../../../lib/sync/encode';
import { SYNC_QUOTAS } from '../../../lib/sync/quotas';
import { failureSentence } from '../../../lib/sync/sync-failure';
import { DAY_MS, dayOf } from '../../../lib/sync/state';
import { MemorySyncArea } from '../../support/memory-sync-area';
import { SyncDevice, storeView, syncStatus, turnSyncOn } from '../../support/sync-device';
import { VirtualClock } from '../../support/virtual-clock';

let devices: SyncDevice[] = [];
afterEach(async () => {
  await Promise.all(devices.map((d) => d.db.delete()));
  devices = [];
});
function device(id: string, area: MemorySyncArea, clock: VirtualClock): SyncDevice {
  const made = new SyncDevice(id, area, clock);
  devices.push(made);
  return made;
}

/** The n-th of many distinct arXiv ids, a few months' worth. */
const idOf = (n: number) => `25${String(1 + Math.floor(n / 30_000)).padStart(2, '0')}.${String(n % 30_000).padStart(5, '0')}`;
const savedRow = (id: string, at: number, note = ''): SavedRecord => ({ id, savedAt: at, tags: ['ml'], note, status: 'to-read', updatedAt: at });

describe('sync within the browser quotas', () => {
  it('sends nothing while the switch is off, and syncs at once when it is turned on', async () => {
    const clock = new VirtualClock();
    const area = new MemorySyncArea(clock.now);
    const a = device('a', area, clock);
    await repo.savePaper(a.db, { id: '2511.00001' }, clock.now());
    await clock.settle();
    expect(await area.get()).toEqual({});
    await turnSyncOn(a);
    await clock.advance(0);
    expect(Object.keys(decodeItems(await area.get()).state.saved)).toEqual(['2511.00001']);
    expect(await syncStatus(a.db)).toMatchObject({ savedCount: 1, readCount: 0, lastSyncAt: clock.now() });
  });

  it('a reading list too big for the space becomes a sentence, writes nothing and loses nothing', { timeout: 30_000 }, async () => {
    const clock = new VirtualClock();
    const area = new MemorySyncArea(clock.now);
    const a = device('a', area, clock);
    const rows = Array.from({ length: 2_000 }, (_, i) => savedRow(idOf(i), clock.now() - i, 'x'.repeat(300)));
    await a.db.saved.bulkPut(rows);
    await turnSyncOn(a);
    await clock.settle();
    expect(await area.get()).toEqual({});
    expect((await syncStatus(a.db))?.lastError).toBe(failureSentence('too-big'));
    expect(a.problems).toEqual([`background/sync: ${failureSentence('too-big')}`]);
    expect(await a.db.saved.count()).toBe(2_000);
  });

  it('a browser refusing a write (QUOTA_BYTES) becomes a sentence; nothing is lost, and the next sync that fits sends it all', async () => {
    const clock = new VirtualClock();
    // A browser that counts (or allows) less than ours does: our encoding fits our budget, not its space.
    const area = new MemorySyncArea(clock.now, { ...SYNC_QUOTAS, bytes: 20_000 });
    const a = device('a', area, clock);
    const b = device('b', area.otherDevice(), clock);
    await a.db.saved.bulkPut(Array.from({ length: 400 }, (_, i) => savedRow(idOf(i), clock.now() - i)));
    await Promise.all([turnSyncOn(a), turnSyncOn(b)]);
    await clock.settle();
    const sentence = failureSentence('full');
    expect((await syncStatus(a.db))?.lastError).toBe(sentence);
    expect(a.problems).toContain(`background/sync: ${sentence} (Resource::kQuotaBytes quota exceeded)`);
    expect(await a.db.saved.count()).toBe(400);
    // The user clears most of the list: the rest (and the removals) go out, and the sentence goes away.
    for (let i = 50; i < 400; i++) await repo.unsavePaper(a.db, idOf(i), clock.now());
    await clock.settle();
    expect((await syncStatus(a.db))?.lastError).toBeUndefined();
    expect((await storeView(b.db)).saved.map((s) => s.id)).toEqual((await storeView(a.db)).saved.map((s) => s.id));
    expect(await b.db.saved.count()).toBe(50);
  });

  it('when the window is full, the oldest read ids leave sync first and stay on the device', { timeout: 60_000 }, async () => {
    const clock = new VirtualClock();
    const area = new MemorySyncArea(clock.now);
    const a = device('a', area, clock);
    const b = device('b', area.otherDevice(), clock);
    const reads = 24_000;
    const papers: PaperRecord[] = Array.from({ length: reads }, (_, i) => ({ id: idOf(i), readAt: clock.now() - Math.floor((i * 59 * DAY_MS) / reads), updatedAt: 1 }));
    // And some read 70 days ago: outside the 60-day window whatever the space.
    papers.push(...Array.from({ length: 100 }, (_, i) => ({ id: idOf(reads + i), readAt: clock.now() - 70 * DAY_MS, updatedAt: 1 })));
    await a.db.papers.bulkPut(papers);
    await a.db.saved.bulkPut(Array.from({ length: 1_000 }, (_, i) => savedRow(idOf(100_000 + i), clock.now() - i)));
    await Promise.all([turnSyncOn(a), turnSyncOn(b)]);
    await clock.settle();
    const status = await syncStatus(a.db);
    expect(status).toMatchObject({ savedCount: 1_000, lastError: undefined });
    expect(status?.droppedReads).toBeGreaterThan(0);
    expect(area.getBytesInUse()).toBeLessThanOrEqual(SYNC_QUOTAS.bytes);
    const synced = decodeItems(await area.get()).state.reads;
    const keptOldest = Math.min(...Object.values(synced).map((r) => r.day));
    const left = papers.filter((p) => synced[p.id] === undefined);
    expect(left.length).toBe((status?.droppedReads ?? 0) + 100);
    for (const p of left) expect(dayOf(p.readAt ?? 0)).toBeLessThanOrEqual(keptOldest);
    // A keeps every read; B has the synced ones.
    expect(await a.db.papers.where('readAt').above(0).count()).toBe(reads + 100);
    expect(await b.db.papers.where('readAt').above(0).count()).toBe(Object.keys(synced).length);
    expect(Object.keys(synced).length).toBe(status?.readCount);
  });
});

describe('write rates', () => {
  it('a burst of edits becomes one write', { timeout: 30_000 }, async () => {
    const clock = new VirtualClock();
    const area = new MemorySyncArea(clock.now);
    const a = device('a', area, clock);
    await turnSyncOn(a);
    await clock.settle();
    const before = area.writeTimes().length;
    for (let i = 0; i < 50; i++) {
      await repo.setRead(a.db, [idOf(i)], true, clock.now());
      await clock.advance(200);
    }
    await clock.settle();
    expect(area.writeTimes().length - before).toBe(1);
    expect(Object.keys(decodeItems(await area.get()).state.reads)).toHaveLength(50);
  });

  it('a steady stream of edits still syncs every 30 s', { timeout: 60_000 }, async () => {
    const clock = new VirtualClock();
    const area = new MemorySyncArea(clock.now);
    const a = device('a', area, clock);
    await turnSyncOn(a);
    await clock.settle();
    const start = clock.now();
    for (let i = 0; i < 240; i++) {
      await repo.setRead(a.db, [idOf(i)], true, clock.now());
      await clock.advance(500);
    }
    const writes = area.writeTimes().filter((t) => t > start);
    expect(writes.length).toBeGreaterThanOrEqual(3);
    expect(writes.length).toBeLessThanOrEqual(5);
  });

  it('more triggers than the rate allows: writes wait their turn, none is refused, and all of it arrives', { timeout: 120_000 }, async () => {
    const clock = new VirtualClock();
    const area = new MemorySyncArea(clock.now);
    const a = device('a', area, clock);
    const b = device('b', area.otherDevice(), clock);
    await Promise.all([turnSyncOn(a), turnSyncOn(b)]);
    await clock.settle();
    // Three minutes of an edit and a storage.onChanged (the browser's own sync, say) every 0.4 s:
    // 150 pushes a minute wanted, 120 allowed.
    for (let i = 0; i < 450; i++) {
      await repo.setRead(a.db, [idOf(i)], true, clock.now());
      a.engine.noticeRemoteChange();
      await clock.advance(400);
    }
    await clock.settle();
    const times = area.writeTimes();
    const busiestMinute = Math.max(...times.map((t) => times.filter((u) => u > t - 60_000 && u <= t).length));
    // The rate bound (some minute used all of it) and was kept.
    expect(busiestMinute).toBe(SYNC_QUOTAS.writesPerMinute);
    expect(a.problems).toEqual([]);
    expect((await storeView(b.db)).read).toHaveLength(450);
  });
});
