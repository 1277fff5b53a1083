import { z } from 'zod';
import { FilterRule } from '../filters/rule';
import { ArxivId } from '../paper';
import type { SavedStatus } from '../store/records';
import type { Register } from './clock';
import { packIds, unpackIds } from './pack-ids';
import { SYNC_BUDGET, itemBytes } from './quotas';
import { mergeInto } from './merge';
import { SettingValue, SyncSaved, emptySyncState, isRead, type SyncState } from './state';

/**
 * The sync area's layout. Keys start with `pi:`; values are compact tuples (a JSON object's
 * field names would cost more than the data):
 * - `pi:set`: settings, `{ name: [value, t, device] }`;
 * - `pi:f<k>`: filter rules, `[id, rule | null, t, device]` (null: deleted);
 * - `pi:s<k>`: the reading list, `[id, savedAt, 1, t, device, status, stamp, tags, stamp, note, stamp]`
 *   where savedAt is "" when it equals t, and a field's stamp is "" when it equals the entry's
 *   own (both the common case: an entry never edited since it was saved) or "t.device";
 *   a removed entry is only its tombstone, `[id, savedAt, 0, t, device]`;
 * - `pi:c<k>`: reads toggled more than once, `[id, count, day]`;
 * - `pi:r<day>.<k>`: the ids first read that day, packed (pack-ids.ts).
 * Numbers that are times or days are base 36.
 */
export const SYNC_PREFIX = 'pi:';

export interface Encoded {
  items: Record<string, unknown>;
  bytes: number;
  /** Read papers the items carry. */
  readCount: number;
  savedCount: number;
  /** Read papers left out because the space was full (oldest days first); this device keeps them. */
  droppedReads: number;
  /** False when even the reading list, rules and settings alone don't fit: nothing may be written. */
  fits: boolean;
}

type Budget = { bytes: number; bytesPerItem: number; maxItems: number };

const b36 = (n: number) => n.toString(36);
const B36 = z.string().regex(/^[0-9a-z]{1,11}$/).transform((s) => parseInt(s, 36));
const Device = z.string().regex(/^[0-9a-z]{1,16}$/);
const STATUS_CODE: Record<SavedStatus, 'r' | 'd'> = { 'to-read': 'r', done: 'd' };
const STATUS_OF = { r: 'to-read', d: 'done' } as const;

export function encodeState(state: SyncState, budget: Budget = SYNC_BUDGET): Encoded {
  const items: Record<string, unknown> = {};
  if (Object.keys(state.settings).length > 0) items[`${SYNC_PREFIX}set`] = encodeSettings(state);
  Object.assign(items, chunk('f', sortedById(state.rules).map(([id, r]) => [id, r.v, b36(r.t), r.d]), budget));
  Object.assign(items, chunk('s', sortedById(state.saved).map(([id, s]) => encodeSaved(id, s)), budget));
  const counted = sortedById(state.reads).filter(([, r]) => r.c !== 1);
  Object.assign(items, chunk('c', counted.map(([id, r]) => [id, r.c, b36(r.day)]), budget));
  let bytes = totalBytes(items);
  const fits = bytes <= budget.bytes && Object.keys(items).length <= budget.maxItems;
  let readCount = counted.filter(([, r]) => isRead(r)).length;
  let droppedReads = 0;
  for (const [day, ids] of readDaysNewestFirst(state)) {
    const dayItems = packDay(day, ids, budget);
    const dayBytes = totalBytes(dayItems);
    const room = fits && bytes + dayBytes <= budget.bytes && Object.keys(items).length + Object.keys(dayItems).length <= budget.maxItems;
    // Once one day is left out, every older one is too: the window shrinks from its old end.
    if (!room || droppedReads > 0) {
      droppedReads += ids.length;
      continue;
    }
    Object.assign(items, dayItems);
    bytes += dayBytes;
    readCount += ids.length;
  }
  const savedCount = Object.values(state.saved).filter((s) => s.on.v).length;
  return { items, bytes, readCount, savedCount, droppedReads, fits };
}

function encodeSettings(state: SyncState): Record<string, unknown> {
  return Object.fromEntries(sortedById(state.settings).map(([key, r]) => [key, [r.v, b36(r.t), r.d]]));
}

function encodeSaved(id: string, s: SyncSaved): unknown[] {
  // A removed entry's fields say nothing anyone will see again (a new save stamps every field anew).
  if (!s.on.v) return [id, b36(s.at), 0, b36(s.on.t), s.on.d];
  const own = (r: Register<unknown>) => (r.t === s.on.t && r.d === s.on.d ? '' : `${b36(r.t)}.${r.d}`);
  return [id, s.at === s.on.t ? '' : b36(s.at), 1, b36(s.on.t), s.on.d, STATUS_CODE[s.status.v], own(s.status), s.tags.v, own(s.tags), s.note.v, own(s.note)];
}

function sortedById<T>(records: Record<string, T>): [string, T][] {
  return Object.entries(records).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function totalBytes(items: Record<string, unknown>): number {
  return Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
}

/** Records into items of at most bytesPerItem each, in order (the same state gives the same items). */
function chunk(kind: string, records: unknown[], budget: Budget): Record<string, unknown[]> {
  const items: Record<string, unknown[]> = {};
  let current: unknown[] = [];
  let size = 2;
  const flush = () => {
    if (current.length > 0) items[`${SYNC_PREFIX}${kind}${Object.keys(items).length}`] = current;
    current = [];
    size = 2;
  };
  for (const record of records) {
    const recordBytes = new TextEncoder().encode(JSON.stringify(record)).length + 1;
    if (size + recordBytes + 8 > budget.bytesPerItem) flush();
    current.push(record);
    size += recordBytes;
  }
  flush();
  return items;
}

/** Read (count 1) ids grouped by day, newest day first. */
function readDaysNewestFirst(state: SyncState): [number, string[]][] {
  const days = new Map<number, string[]>();
  for (const [id, read] of Object.entries(state.reads)) {
    if (read.c !== 1) continue;
    const ids = days.get(read.day) ?? [];
    ids.push(id);
    days.set(read.day, ids);
  }
  return [...days.entries()].sort(([a], [b]) => b - a);
}

/** One day's ids in as few items as fit (halving a list until each half packs small enough). */
function packDay(day: number, ids: string[], budget: Budget): Record<string, string> {
  const parts: string[] = [];
  const split = (list: string[]) => {
    const packed = packIds(list);
    if (list.length > 1 && packed.length + 40 > budget.bytesPerItem) {
      const sorted = [...list].sort();
      const half = Math.ceil(sorted.length / 2);
      split(sorted.slice(0, half));
      split(sorted.slice(half));
    } else parts.push(packed);
  };
  split(ids);
  return Object.fromEntries(parts.map((packed, k) => [`${SYNC_PREFIX}r${b36(day)}.${k}`, packed]));
}

const Stamp36 = z.tuple([B36, Device]);
const RuleTuple = z.tuple([z.string().min(1).max(64), FilterRule.nullable(), B36, Device]);
const CountTuple = z.tuple([ArxivId, z.number().int().min(1), B36]);
const FieldStamp = z.union([z.literal(''), z.string().regex(/^[0-9a-z]{1,11}\.[0-9a-z]{1,16}$/)]);
const SavedTuple = z.tuple([
  ArxivId, z.union([z.literal(''), B36]), z.literal(1), B36, Device,
  z.enum(['r', 'd']), FieldStamp, SyncSaved.shape.tags.shape.v, FieldStamp, SyncSaved.shape.note.shape.v, FieldStamp,
]);
const TombstoneTuple = z.tuple([ArxivId, B36, z.literal(0), B36, Device]);
const SettingTuple = z.tuple([SettingValue, B36, Device]);

export interface Decoded {
  state: SyncState;
  /** Items that were not valid (written by a newer version, or corrupt): left out of the merge. */
  ignored: number;
}

/** Reads the sync area's items back into a state, validating each one; a bad item is skipped, never trusted. */
export function decodeItems(items: Record<string, unknown>): Decoded {
  const state = emptySyncState();
  let ignored = 0;
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(SYNC_PREFIX)) continue;
    const itemState = emptySyncState();
    if (!decodeItem(itemState, key.slice(SYNC_PREFIX.length), value)) ignored++;
    // Merged, not assigned: two devices writing at once can leave the same record in two items.
    mergeInto(state, itemState);
  }
  return { state, ignored };
}

function decodeItem(state: SyncState, key: string, value: unknown): boolean {
  if (key === 'set') return decodeSettings(state, value);
  const kind = key[0];
  if (kind === 'r') return decodeDay(state, key.slice(1), value);
  const list = z.array(z.unknown()).safeParse(value);
  if (!list.success || !/^[fsc]\d+$/.test(key)) return false;
  let ok = true;
  for (const record of list.data) {
    if (kind === 'f') ok = decodeRule(state, record) && ok;
    else if (kind === 's') ok = decodeSaved(state, record) && ok;
    else ok = decodeCount(state, record) && ok;
  }
  return ok;
}

function decodeSettings(state: SyncState, value: unknown): boolean {
  const parsed = z.record(z.string().min(1).max(60), SettingTuple).safeParse(value);
  if (!parsed.success) return false;
  for (const [key, [v, t, d]] of Object.entries(parsed.data)) state.settings[key] = { v, t, d };
  return true;
}

function decodeRule(state: SyncState, record: unknown): boolean {
  const parsed = RuleTuple.safeParse(record);
  if (!parsed.success) return false;
  const [id, v, t, d] = parsed.data;
  if (v !== null && v.id !== id) return false;
  state.rules[id] = { v, t, d };
  return true;
}

function decodeSaved(state: SyncState, record: unknown): boolean {
  const tombstone = TombstoneTuple.safeParse(record);
  if (tombstone.success) {
    const [id, at, , t, d] = tombstone.data;
    state.saved[id] = { on: { v: false, t, d }, status: { v: 'to-read', t, d }, tags: { v: [], t, d }, note: { v: '', t, d }, at };
    return true;
  }
  const parsed = SavedTuple.safeParse(record);
  if (!parsed.success) return false;
  const [id, savedAt, , t, d, status, statusStamp, tags, tagsStamp, note, noteStamp] = parsed.data;
  const at = savedAt === '' ? t : savedAt;
  const stampOf = (text: string) => {
    if (text === '') return { t, d };
    const [time = '', device = ''] = text.split('.');
    return { t: parseInt(time, 36), d: device };
  };
  state.saved[id] = {
    on: { v: true, t, d },
    status: { v: STATUS_OF[status], ...stampOf(statusStamp) },
    tags: { v: tags, ...stampOf(tagsStamp) },
    note: { v: note, ...stampOf(noteStamp) },
    at,
  };
  return true;
}

function decodeCount(state: SyncState, record: unknown): boolean {
  const parsed = CountTuple.safeParse(record);
  if (!parsed.success) return false;
  const [id, c, day] = parsed.data;
  state.reads[id] = { c, day };
  return true;
}

function decodeDay(state: SyncState, key: string, value: unknown): boolean {
  const match = /^([0-9a-z]{1,8})\.\d+$/.exec(key);
  if (!match?.[1] || typeof value !== 'string') return false;
  const ids = unpackIds(value);
  if (ids === null) return false;
  const day = parseInt(match[1], 36);
  for (const id of ids) state.reads[id] = { c: 1, day };
  return true;
}
