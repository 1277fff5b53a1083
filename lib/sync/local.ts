import type { FilterRule } from '../filters/rule';
import type { SavedRecord } from '../store/records';
import { canonicalJson } from './canonical';
import { nextStamp, type Register, type Stamp } from './clock';
import { DAY_MS, clipNote, dayOf, isRead, type SettingValue, type SyncSaved, type SyncState } from './state';

/** What the sync layer needs of a device's store (the background reads it from Dexie). */
export interface LocalSnapshot {
  saved: SavedRecord[];
  /**
   * readAt (undefined = not read) of the papers read in the window and of every paper the state
   * knows; for a paper the state already holds as read, its day there (only "read or not" is asked).
   */
  readAt: Record<string, number | undefined>;
  rules: FilterRule[];
  /** The synced settings (every setting but the per-device sync switch). */
  settings: Record<string, SettingValue>;
  /** Their defaults: on a first sync a chosen value (stamp 1) beats an untouched default (stamp 0). */
  settingDefaults: Record<string, SettingValue>;
}

/** Writes that bring a store to a merged state. */
export interface LocalWrites {
  savedPut: SavedRecord[];
  savedDelete: string[];
  readSet: { id: string; readAt: number }[];
  readClear: string[];
  rulePut: FilterRule[];
  ruleDelete: string[];
  settings: Record<string, SettingValue>;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * The state with this device's changes since it was last stamped: every field whose local value
 * differs from the state's gets a new stamp (after `now` and after the old one). A record the state
 * has never seen is stamped with its own time (a setting: 0 when default, else 1), so a first sync on a second device
 * merges with what the first one already sent instead of overwriting it.
 */
export function stampLocal(state: SyncState, local: LocalSnapshot, now: number, device: string): SyncState {
  return {
    saved: stampSaved(state.saved, local.saved, now, device),
    reads: stampReads(state, local.readAt, now),
    rules: stampRules(state.rules, local.rules, now, device),
    settings: stampSettings(state.settings, local, now, device),
  };
}

function restamp<T>(register: Register<T>, value: T, now: number, device: string): Register<T> {
  return same(register.v, value) ? register : { v: value, ...nextStamp(register, now, device) };
}

function stampSaved(synced: SyncState['saved'], saved: SavedRecord[], now: number, device: string): SyncState['saved'] {
  const out = { ...synced };
  const present = new Set<string>();
  for (const record of saved) {
    present.add(record.id);
    const entry = out[record.id];
    if (entry === undefined) {
      out[record.id] = freshEntry(record, { t: record.updatedAt, d: device }, record.savedAt);
      continue;
    }
    if (!entry.on.v) {
      // Saved again after a removal: a new entry, every field newer than anything the old one had.
      out[record.id] = freshEntry(record, nextStamp(latestStamp(entry), now, device), Math.min(entry.at, record.savedAt));
      continue;
    }
    out[record.id] = {
      on: restamp(entry.on, true, now, device),
      status: restamp(entry.status, record.status, now, device),
      tags: restamp(entry.tags, record.tags, now, device),
      note: restamp(entry.note, clipNote(record.note), now, device),
      at: Math.min(entry.at, record.savedAt),
    };
  }
  for (const [id, entry] of Object.entries(out)) {
    if (!present.has(id) && entry.on.v) out[id] = { ...entry, on: restamp(entry.on, false, now, device) };
  }
  return out;
}

function freshEntry(record: SavedRecord, stamp: Stamp, at: number): SyncSaved {
  return { on: { v: true, ...stamp }, status: { v: record.status, ...stamp }, tags: { v: record.tags, ...stamp }, note: { v: clipNote(record.note), ...stamp }, at };
}

function latestStamp(entry: SyncSaved): Stamp {
  const latest = [entry.status, entry.tags, entry.note].reduce<Stamp>((a, r) => (r.t > a.t ? r : a), entry.on);
  return { t: latest.t, d: latest.d };
}

function stampReads(state: SyncState, readAt: LocalSnapshot['readAt'], now: number): SyncState['reads'] {
  const out = { ...state.reads };
  for (const [id, at] of Object.entries(readAt)) {
    const known = out[id];
    const readHere = at !== undefined;
    if (known === undefined) {
      if (readHere) out[id] = { c: 1, day: dayOf(at) };
    } else if (isRead(known) !== readHere) {
      out[id] = { c: known.c + 1, day: dayOf(at ?? now) };
    }
  }
  return out;
}

function stampRules(synced: SyncState['rules'], rules: FilterRule[], now: number, device: string): SyncState['rules'] {
  const out = { ...synced };
  const present = new Set<string>();
  for (const rule of rules) {
    present.add(rule.id);
    const known = out[rule.id];
    out[rule.id] = known === undefined ? { v: rule, t: rule.updatedAt, d: device } : restamp<FilterRule | null>(known, rule, now, device);
  }
  for (const [id, known] of Object.entries(out)) {
    if (!present.has(id) && known.v !== null) out[id] = restamp<FilterRule | null>(known, null, now, device);
  }
  return out;
}

function stampSettings(synced: SyncState['settings'], local: LocalSnapshot, now: number, device: string): SyncState['settings'] {
  const out = { ...synced };
  for (const [key, value] of Object.entries(local.settings)) {
    const known = out[key];
    const firstStamp = local.settingDefaults[key] === value ? 0 : 1;
    out[key] = known === undefined ? { v: value, t: firstStamp, d: device } : restamp(known, value, now, device);
  }
  return out;
}

/**
 * The writes that make the store say what the (merged) state says. Run right after `stampLocal`
 * on the same snapshot, so a local change the state has not seen can never be overwritten: it is
 * in the state with a fresh stamp, and only a later write elsewhere beats it. A note that differs
 * only past the clip is left alone (the full text stays on the device that has it).
 */
export function planApply(state: SyncState, local: LocalSnapshot, now: number): LocalWrites {
  const writes: LocalWrites = { savedPut: [], savedDelete: [], readSet: [], readClear: [], rulePut: [], ruleDelete: [], settings: {} };
  const saved = new Map(local.saved.map((s) => [s.id, s]));
  for (const [id, entry] of Object.entries(state.saved)) planSaved(writes, id, entry, saved.get(id), now);
  for (const [id, read] of Object.entries(state.reads)) {
    const at = local.readAt[id];
    if (isRead(read) && at === undefined) writes.readSet.push({ id, readAt: read.day * DAY_MS });
    if (!isRead(read) && at !== undefined) writes.readClear.push(id);
  }
  const rules = new Map(local.rules.map((r) => [r.id, r]));
  for (const [id, { v }] of Object.entries(state.rules)) {
    if (v === null) {
      if (rules.has(id)) writes.ruleDelete.push(id);
    } else if (!same(rules.get(id), v)) writes.rulePut.push(v);
  }
  for (const [key, { v }] of Object.entries(state.settings)) if (key in local.settings && local.settings[key] !== v) writes.settings[key] = v;
  return writes;
}

function planSaved(writes: LocalWrites, id: string, entry: SyncSaved, record: SavedRecord | undefined, now: number): void {
  if (!entry.on.v) {
    if (record) writes.savedDelete.push(id);
    return;
  }
  const note = record && clipNote(record.note) === entry.note.v ? record.note : entry.note.v;
  const next: SavedRecord = { id, savedAt: entry.at, status: entry.status.v, tags: entry.tags.v, note, updatedAt: record?.updatedAt ?? now };
  if (record && same({ ...record, updatedAt: 0 }, { ...next, updatedAt: 0 })) return;
  writes.savedPut.push({ ...next, updatedAt: now });
}
