import { describe, expect, it } from 'vitest';
import { decodeItems, encodeState } from '../../../lib/sync/encode';
// States as sets of facts: the order of keys is not part of a state.
import { canonicalJson as canonical } from '../../../lib/sync/canonical';
import { merge } from '../../../lib/sync/merge';
import { SYNC_QUOTAS } from '../../../lib/sync/quotas';
import { isRead, type SyncSaved, type SyncState } from '../../../lib/sync/state';
import { MemorySyncArea } from '../../support/memory-sync-area';
import { prng, randomState } from './random-states';

const id = (n: number) => `25${String(10 + Math.floor(n / 20_000)).padStart(2, '0')}.${String(n % 20_000).padStart(5, '0')}`;
const savedEntry = (t: number, note = ''): SyncSaved => ({
  on: { v: true, t, d: 'a' }, status: { v: 'to-read', t, d: 'a' }, tags: { v: ['ml'], t, d: 'a' }, note: { v: note, t, d: 'a' }, at: t,
});

/** A realistic full store: `saved` reading-list entries and `reads` papers read over 60 days. */
function bigState(saved: number, reads: number): SyncState {
  const state: SyncState = { saved: {}, reads: {}, rules: {}, settings: { badge: { v: 'today', t: 5, d: 'a' } } };
  for (let i = 0; i < saved; i++) state.saved[id(i * 7)] = savedEntry(1_760_000_000_000 + i, i % 10 === 0 ? 'worth a second read' : '');
  for (let i = 0; i < reads; i++) state.reads[id(i * 3 + 1)] = { c: 1, day: 20_400 + Math.floor((i * 60) / reads) };
  return state;
}

/** A removed entry travels as its tombstone alone: its other fields come back as the tombstone's. */
function withBareTombstones(state: SyncState): SyncState {
  const saved = Object.fromEntries(Object.entries(state.saved).map(([paper, s]): [string, SyncSaved] => {
    if (s.on.v) return [paper, s];
    const { t, d } = s.on;
    return [paper, { on: s.on, status: { v: 'to-read', t, d }, tags: { v: [], t, d }, note: { v: '', t, d }, at: s.at }];
  }));
  return { ...state, saved };
}

describe('encodeState / decodeItems', () => {
  it('round-trips random states exactly (a removed entry as its bare tombstone)', () => {
    const rand = prng(99);
    for (let i = 0; i < 200; i++) {
      const state = randomState(rand);
      const encoded = encodeState(state);
      expect(encoded.fits).toBe(true);
      const { state: back, ignored } = decodeItems(JSON.parse(JSON.stringify(encoded.items)) as Record<string, unknown>);
      expect(ignored).toBe(0);
      expect(canonical(back)).toBe(canonical(withBareTombstones(state)));
    }
  });

  it('fits the real quotas, and when the space is full leaves out the oldest reads first', async () => {
    const state = bigState(310, 40_000);
    const encoded = encodeState(state);
    expect(encoded.fits).toBe(true);
    expect(encoded.savedCount).toBe(310);
    expect(encoded.droppedReads).toBeGreaterThan(0);
    expect(encoded.readCount + encoded.droppedReads).toBe(40_000);
    const area = new MemorySyncArea(() => 0);
    await area.set(encoded.items);
    expect(area.getBytesInUse()).toBeLessThanOrEqual(SYNC_QUOTAS.bytes);
    const back = decodeItems(await area.get()).state;
    const days = (s: SyncState) => Object.values(s.reads).map((r) => r.day);
    const keptOldest = Math.min(...days(back));
    const dropped = Object.entries(state.reads).filter(([paper]) => back.reads[paper] === undefined);
    // Every read left out is from a day no newer than the oldest day kept: the window shrank from its old end.
    for (const [, read] of dropped) expect(read.day).toBeLessThanOrEqual(keptOldest);
    expect(Object.keys(back.saved)).toHaveLength(310);
  });

  it('says it does not fit (and would write nothing) when the reading list alone is over the space', async () => {
    const state = bigState(2_000, 0);
    for (const entry of Object.values(state.saved)) entry.note = { v: 'x'.repeat(300), t: entry.on.t + 1, d: 'b' };
    const encoded = encodeState(state);
    expect(encoded.fits).toBe(false);
    await expect(new MemorySyncArea(() => 0).set(encoded.items)).rejects.toThrow('Resource::kQuotaBytes quota exceeded');
  });

  it('skips a corrupt or foreign item instead of trusting it', () => {
    const good = encodeState(bigState(3, 10)).items;
    const { state, ignored } = decodeItems({ ...good, 'pi:s9': [['not-an-id']], 'pi:rzz.0': '1,-1', other: 'kept out' });
    expect(ignored).toBe(2);
    expect(Object.keys(state.saved)).toHaveLength(3);
    expect(Object.keys(state.reads)).toHaveLength(10);
  });
});

describe('two devices through one in-memory sync area with the real quotas', () => {
  it('end up identical after saving, reading, unsaving and unreading in turns', async () => {
    let clock = 0;
    const area = new MemorySyncArea(() => clock);
    const push = async (state: SyncState) => {
      clock += 5_000;
      const mine = merge(state, decodeItems(await area.get()).state);
      await area.set(encodeState(mine).items);
      return mine;
    };
    let a: SyncState = { saved: { '2511.00001': savedEntry(10) }, reads: { '2511.00002': { c: 1, day: 1 } }, rules: {}, settings: {} };
    let b: SyncState = { saved: {}, reads: { '2511.00003': { c: 1, day: 1 } }, rules: {}, settings: {} };
    a = await push(a);
    b = await push(b);
    // B unsaves what A saved and unreads A's read; A, not having seen that yet, reads a third paper.
    b = { ...b, saved: { '2511.00001': { ...savedEntry(10), on: { v: false, t: 20, d: 'b' } } }, reads: { ...b.reads, '2511.00002': { c: 2, day: 2 } } };
    a = { ...a, reads: { ...a.reads, '2511.00004': { c: 1, day: 2 } } };
    b = await push(b);
    a = await push(a);
    b = await push(b);
    expect(canonical(a)).toBe(canonical(b));
    expect(a.saved['2511.00001']?.on.v).toBe(false);
    expect(Object.entries(a.reads).filter(([, r]) => isRead(r)).map(([paper]) => paper).sort()).toEqual(['2511.00003', '2511.00004']);
  });

  it('refuses writes past the per-minute rate, as the browser does', async () => {
    let clock = 0;
    const area = new MemorySyncArea(() => clock);
    for (let i = 0; i < SYNC_QUOTAS.writesPerMinute; i++) await area.set({ [`pi:x${i % 3}`]: i });
    await expect(area.set({ 'pi:x0': 'one too many' })).rejects.toThrow('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    clock += 61_000;
    await expect(area.set({ 'pi:x0': 'later' })).resolves.toBeUndefined();
  });
});
