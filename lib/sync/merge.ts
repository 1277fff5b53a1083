import { mergeRegister } from './clock';
import type { SyncRead, SyncSaved, SyncState } from './state';

/**
 * Merges two sync states. Every record merges on its own and by a join (register: the later
 * write; read: the higher toggle count; savedAt: the earlier), so `merge` is commutative,
 * associative and idempotent, and a record in either input is in the output: devices that
 * exchange states in any order end up equal and lose nothing (tests/unit/sync/merge.test.ts).
 */
export function merge(a: SyncState, b: SyncState): SyncState {
  return {
    saved: mergeRecords(a.saved, b.saved, mergeSaved),
    reads: mergeRecords(a.reads, b.reads, mergeRead),
    rules: mergeRecords(a.rules, b.rules, mergeRegister),
    settings: mergeRecords(a.settings, b.settings, mergeRegister),
  };
}

function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, join: (x: T, y: T) => T): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [key, theirs] of Object.entries(b)) {
    const ours = out[key];
    out[key] = ours === undefined ? theirs : join(ours, theirs);
  }
  return out;
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
