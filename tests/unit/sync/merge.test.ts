import { describe, expect, it } from 'vitest';
// States as sets of facts: the order of keys is not part of a state.
import { canonicalJson as canonical } from '../../../lib/sync/canonical';
import { merge } from '../../../lib/sync/merge';
import { isRead, type SyncState } from '../../../lib/sync/state';
import { prng, randomState } from './random-states';

const CASES = 400;

describe('merge', () => {
  it('is commutative, associative and idempotent', () => {
    const rand = prng(17);
    for (let i = 0; i < CASES; i++) {
      const [a, b, c] = [randomState(rand), randomState(rand), randomState(rand)];
      expect(canonical(merge(a, b))).toBe(canonical(merge(b, a)));
      expect(canonical(merge(merge(a, b), c))).toBe(canonical(merge(a, merge(b, c))));
      expect(canonical(merge(a, a))).toBe(canonical(a));
      expect(canonical(merge(merge(a, b), b))).toBe(canonical(merge(a, b)));
    }
  });

  it('converges and loses no record whatever order devices exchange their states in', () => {
    const rand = prng(4242);
    for (let i = 0; i < 100; i++) {
      const devices = [randomState(rand), randomState(rand), randomState(rand), randomState(rand)];
      const everything = devices.reduce(merge);
      // Gossip: every device pulls from every other once, in a random order. States only grow,
      // so one such round brings everything to everyone, whatever the order.
      const pairs = devices.flatMap((_, to) => devices.map((__, from) => [to, from] as const)).filter(([to, from]) => to !== from);
      for (let k = pairs.length - 1; k > 0; k--) {
        const j = Math.floor(rand() * (k + 1));
        [pairs[k], pairs[j]] = [pairs[j] ?? [0, 0], pairs[k] ?? [0, 0]];
      }
      const final = [...devices];
      for (const [to, from] of pairs) {
        const [mine, theirs] = [final[to], final[from]];
        if (mine && theirs) final[to] = merge(mine, theirs);
      }
      for (const state of final) {
        expect(canonical(state)).toBe(canonical(everything));
        for (const device of devices) {
          for (const id of Object.keys(device.saved)) expect(state.saved[id]).toBeDefined();
          for (const id of Object.keys(device.reads)) expect(state.reads[id]).toBeDefined();
          for (const id of Object.keys(device.rules)) expect(state.rules[id]).toBeDefined();
        }
      }
    }
  });

  it('keeps a read unless an unread came after it, and an unsave as a tombstone', () => {
    const empty = { saved: {}, rules: {}, settings: {} };
    const readOnA: SyncState = { ...empty, reads: { '2511.00001': { c: 1, day: 3 } } };
    const unreadOnB: SyncState = { ...empty, reads: { '2511.00001': { c: 2, day: 4 } } };
    const rereadOnA: SyncState = { ...empty, reads: { '2511.00001': { c: 3, day: 4 } } };
    const neverSeen: SyncState = { ...empty, reads: {} };
    expect(isRead(merge(readOnA, neverSeen).reads['2511.00001'] ?? { c: 0, day: 0 })).toBe(true);
    expect(isRead(merge(readOnA, unreadOnB).reads['2511.00001'] ?? { c: 1, day: 0 })).toBe(false);
    expect(isRead(merge(unreadOnB, rereadOnA).reads['2511.00001'] ?? { c: 0, day: 0 })).toBe(true);

    const reg = <T>(v: T, t: number, d: string) => ({ v, t, d });
    const saved = { on: reg(true, 10, 'a'), status: reg('to-read' as const, 10, 'a'), tags: reg(['ml'], 10, 'a'), note: reg('', 10, 'a'), at: 10 };
    const unsavedLater = { ...saved, on: reg(false, 20, 'b') };
    const taggedMeanwhile = { ...saved, tags: reg(['ml', 'cv'], 15, 'a') };
    const merged = merge({ ...neverSeen, saved: { '2511.00001': unsavedLater } }, { ...neverSeen, saved: { '2511.00001': taggedMeanwhile } });
    expect(merged.saved['2511.00001']).toEqual({ ...saved, on: reg(false, 20, 'b'), tags: reg(['ml', 'cv'], 15, 'a') });
  });
});
