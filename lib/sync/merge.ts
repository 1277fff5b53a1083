import { mergeRegister } from './clock';
import type { SyncRead, SyncSaved, SyncState } from './state';

/**
 * Merges two sync states. Every record merges on its own and by a join (register: the later
 * write; read: the higher toggle count; savedAt: the earlier), so `merge` is commutative,
 * associative and idempotent, and a record in either input is in the output: devices that
 * exchange states in any order end up equal and lose nothing (tests/unit/sync/merge.test.ts).
 */
export function merge(a: SyncState, b: SyncState): SyncState {
  const out: SyncState = { saved: { ...a.saved }, reads: { ...a.reads }, rules: { ...a.rules }, settings: { ...a.settings } };
  mergeInto(out, b);
  return out;
}

/**
 * `merge` into `target` in place (records are replaced, never mutated): decoding a sync area of
 * a hundred items would otherwise copy the whole state once per item.
 */
export function mergeInto(target: SyncState, source: SyncState): void {
  joinRecords(target.saved, source.saved, mergeSaved);
  joinRecords(target.reads, source.reads, mergeRead);
  joinRecords(target.rules, source.rules, mergeRegister);
  joinRecords(target.settings, source.settings, mergeRegister);
}

function joinRecords<T>(target: Record<string, T>, source: Record<string, T>, join: (x: T, y: T) => T): void {
  for (const [key, theirs] of Object.entries(source)) {
    // Synced keys come from other devices: one named __proto__ would set the target's prototype.
    if (key === '__proto__') continue;
    const ours = target[key];
    target[key] = ours === undefined ? theirs : join(ours, theirs);
  }
}

function mergeSaved(a: SyncSaved, b: SyncSaved): SyncSaved {
  return {
    on: mergeRegister(a.on, b.on),
    status: mergeRegister(a.status, b.status),
    tags: mergeRegister<string[]>(a.tags, b.tags),
    note: mergeRegister(a.note, b.note),
    at: Math.min(a.at, b.at),
  };
}

/** The higher toggle count wins; the same count (the same toggle seen twice) keeps the later day. */
function mergeRead(a: SyncRead, b: SyncRead): SyncRead {
  if (a.c !== b.c) return a.c > b.c ? a : b;
  return a.day >= b.day ? a : b;
}
