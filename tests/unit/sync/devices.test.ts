import { describe, expect, it } from 'vitest';
import type { FilterRule } from '../../../lib/filters/rule';
import type { SavedRecord } from '../../../lib/store/records';
import { decodeItems, encodeState } from '../../../lib/sync/encode';
import { planApply, stampLocal, type LocalSnapshot, type LocalWrites } from '../../../lib/sync/local';
import { merge } from '../../../lib/sync/merge';
import { CLIP_MARKER, emptySyncState, type SyncState } from '../../../lib/sync/state';
import { MemorySyncArea } from '../../support/memory-sync-area';
import { prng } from './random-states';

/** A device: its own store (as the sync layer sees it) and its sync state, syncing through one area. */
class Device {
  state: SyncState = emptySyncState();
  store: LocalSnapshot = { saved: [], readAt: {}, rules: [], settings: { badge: 'page' }, settingDefaults: { badge: 'page' } };
  constructor(readonly id: string, private readonly area: MemorySyncArea, private readonly clock: () => number) {}

  save(id: string, patch: Partial<SavedRecord> = {}) {
    const now = this.clock();
    const rest = this.store.saved.filter((s) => s.id !== id);
    const before = this.store.saved.find((s) => s.id === id);
    this.store.saved = [...rest, { id, savedAt: now, tags: [], note: '', status: 'to-read', ...before, ...patch, updatedAt: now }];
  }
  unsave(id: string) { this.store.saved = this.store.saved.filter((s) => s.id !== id); }
  read(id: string, read: boolean) { this.store.readAt = { ...this.store.readAt, [id]: read ? this.clock() : undefined }; }
  rule(rule: FilterRule | string) {
    this.store.rules = typeof rule === 'string' ? this.store.rules.filter((r) => r.id !== rule) : [...this.store.rules.filter((r) => r.id !== rule.id), rule];
  }

  /** One sync cycle: stamp local changes, merge what the area holds, bring the store in line, push. */
  async sync() {
    const now = this.clock();
    const readAt = { ...this.store.readAt };
    for (const id of Object.keys(this.state.reads)) if (!(id in readAt)) readAt[id] = undefined;
    this.store.readAt = readAt;
    const stamped = stampLocal(this.state, this.store, now, this.id);
    this.state = merge(stamped, decodeItems(await this.area.get()).state);
    this.apply(planApply(this.state, this.store, now));
    const encoded = encodeState(this.state);
    expect(encoded.fits).toBe(true);
    await this.area.set(encoded.items);
  }

  private apply(w: LocalWrites) {
    const gone = new Set([...w.savedDelete, ...w.savedPut.map((s) => s.id)]);
    this.store.saved = [...this.store.saved.filter((s) => !gone.has(s.id)), ...w.savedPut];
    for (const { id, readAt } of w.readSet) this.store.readAt[id] = readAt;
    for (const id of w.readClear) this.store.readAt[id] = undefined;
    const rulesGone = new Set([...w.ruleDelete, ...w.rulePut.map((r) => r.id)]);
    this.store.rules = [...this.store.rules.filter((r) => !rulesGone.has(r.id)), ...w.rulePut];
    this.store.settings = { ...this.store.settings, ...w.settings };
  }

  view() {
    return {
      saved: [...this.store.saved].map(({ updatedAt: _u, ...s }) => s).sort((a, b) => a.id.localeCompare(b.id)),
      read: Object.entries(this.store.readAt).filter(([, at]) => at !== undefined).map(([id]) => id).sort(),
      rules: [...this.store.rules].sort((a, b) => a.id.localeCompare(b.id)),
      settings: this.store.settings,
    };
  }
}

const rule = (id: string, pattern: string, updatedAt: number): FilterRule => ({ id, pattern, kind: 'keyword', fields: ['title'], action: 'hide', enabled: true, createdAt: 1, updatedAt });
const IDS = ['2511.00001', '2511.00002', '2511.00003', '2511.00004', '2511.00005'];

function pair() {
  let clock = 1_765_000_000_000;
  const tick = () => (clock += 5_000);
  const area = new MemorySyncArea(() => clock);
  return { a: new Device('a', area, tick), b: new Device('b', area, tick) };
}

describe('two devices syncing through storage.sync', () => {
  it('a first sync on a second device merges instead of overwriting', async () => {
    const { a, b } = pair();
    a.save('2511.00001', { tags: ['ml'] });
    a.read('2511.00002', true);
    a.rule(rule('r1', 'diffusion', 10));
    a.store.settings = { badge: 'today' };
    // B's badge is the untouched default: A's choice must win over it, whichever device id is larger.
    await a.sync();
    b.save('2511.00003');
    b.read('2511.00004', true);
    await b.sync();
    await a.sync();
    expect(b.view()).toEqual(a.view());
    expect(a.view().saved.map((s) => s.id)).toEqual(['2511.00001', '2511.00003']);
    expect(a.view().read).toEqual(['2511.00002', '2511.00004']);
    expect(b.view().settings).toEqual({ badge: 'today' });
    expect(b.view().rules.map((r) => r.id)).toEqual(['r1']);
  });

  it('keeps both sides of concurrent edits to different fields, and clips a long note with a marker', async () => {
    const { a, b } = pair();
    a.save('2511.00001');
    await a.sync();
    await b.sync();
    a.save('2511.00001', { tags: ['cv'] });
    b.save('2511.00001', { note: 'n'.repeat(400) });
    await a.sync();
    await b.sync();
    await a.sync();
    const onA = a.view().saved[0];
    expect(onA?.tags).toEqual(['cv']);
    expect(onA?.note).toBe('n'.repeat(300) + CLIP_MARKER);
    // B keeps its full note: the clipped copy it synced says nothing new.
    expect(b.view().saved[0]?.note).toBe('n'.repeat(400));
  });

  it('end up identical with nothing lost after random saves, reads, unsaves and rule edits in any order', async () => {
    const rand = prng(1717);
    for (let round = 0; round < 30; round++) {
      const { a, b } = pair();
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
      for (let step = 0; step < 25; step++) {
        const device = rand() < 0.5 ? a : b;
        const id = pick(IDS);
        const action = Math.floor(rand() * 7);
        if (action === 0) device.save(id, { tags: [pick(['ml', 'cv'])] });
        else if (action === 1) device.unsave(id);
        else if (action === 2) device.read(id, true);
        else if (action === 3) device.read(id, false);
        else if (action === 4) device.rule(rule(pick(['r1', 'r2']), pick(['llm', 'gan']), step));
        else if (action === 5) device.rule(pick(['r1', 'r2']));
        else await device.sync();
      }
      await a.sync();
      await b.sync();
      await a.sync();
      expect(b.view()).toEqual(a.view());
    }
  });
});
