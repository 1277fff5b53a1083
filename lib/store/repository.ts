import type { PaperMeta, PaperState } from '../paper';
import type { FilterRule } from '../filters/rule';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../settings';
import type { Table } from 'dexie';
import type { PapersInboxDb } from './db';
import type { PaperRecord, SavedRecord, TodayList, UndoEntry } from './records';
import { idsOfRow, rowKeysFor, statesFromRows } from './state-bits';
import { asBitsRow } from './state-index';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ShownResult {
  states: Record<string, PaperState>;
  saved: string[];
  metas: PaperMeta[];
  /** Every shown paper as now known (the page's data over the stored row): what the filters read. */
  papers: PaperMeta[];
}

/** Merges page data over stored data: present fields win, absent (undefined) ones never erase. */
export function mergeMeta(stored: PaperRecord | undefined, meta: PaperMeta, now: number): PaperRecord {
  const merged: PaperRecord = { ...(stored ?? { id: meta.id }), updatedAt: now };
  for (const [key, value] of Object.entries(meta)) {
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  return merged;
}

/** The state this page load shows, decided from the row as it was before this load touched it. */
function stateFor(stored: PaperRecord | undefined, loadId: string): PaperState {
  if (stored?.readAt !== undefined) return 'read';
  if (stored?.firstShownAt === undefined || stored.firstShownLoad === loadId) return 'new';
  return 'unread';
}

const lacksText = (meta: PaperMeta) => !meta.title || !meta.summary;

const sameValue = (a: unknown, b: unknown) =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/** Whether the page told us anything the stored row doesn't already say. */
function addsNews(stored: PaperRecord, meta: PaperMeta): boolean {
  return Object.entries(meta).some(([key, value]) => value !== undefined && !sameValue(value, stored[key as keyof PaperRecord]));
}

/**
 * Records that a page load rendered these cards and returns what that load must show.
 * Idempotent per loadId: a retry of the same load still gets "new" for what it first showed.
 */
export async function recordShown(
  db: PapersInboxDb,
  loadId: string,
  papers: PaperMeta[],
  now: number,
): Promise<ShownResult> {
  const ids = papers.map((p) => p.id);
  return db.transaction('rw', db.papers, db.saved, async () => {
    const [stored, saved] = await Promise.all([db.papers.bulkGet(ids), db.saved.bulkGet(ids)]);
    const states: Record<string, PaperState> = {};
    const metas: PaperMeta[] = [];
    const known: PaperMeta[] = [];
    const rows: PaperRecord[] = [];
    papers.forEach((meta, i) => {
      const before = stored[i];
      states[meta.id] = stateFor(before, loadId);
      const merged = mergeMeta(before, meta, now);
      const view = before ? withoutRecordFields(merged) : meta;
      known.push(view);
      if (before && lacksText(meta)) metas.push(view);
      // A revisit mostly shows papers exactly as stored: writing them again would cost the most
      // of this call (IndexedDB writes), change nothing and bump updatedAt for no reason.
      if (before?.firstShownAt !== undefined && !addsNews(before, meta)) return;
      const row = merged;
      if (row.firstShownAt === undefined) {
        row.firstShownAt = now;
        row.firstShownLoad = loadId;
      }
      rows.push(row);
    });
    if (rows.length > 0) await db.papers.bulkPut(rows);
    return { states, saved: saved.flatMap((s) => (s ? [s.id] : [])), metas, papers: known };
  });
}

/** The PaperMeta part of a stored row (records carry bookkeeping fields the page doesn't need). */
export function withoutRecordFields(row: PaperRecord): PaperMeta {
  const { firstShownAt: _f, readAt: _r, updatedAt: _u, firstShownLoad: _l, ...meta } = row;
  return meta;
}

export interface StatesResult {
  read: string[];
  saved: string[];
  /** Ids some earlier page load already showed. */
  shown: string[];
}

/**
 * Read and saved ids among `ids`, in one read-only transaction (one snapshot). Read and shown come
 * from the state index (`stateBits`: a few rows per page, however many ids; lib/store/state-bits.ts),
 * not from the paper records: in Chromium each IndexedDB request costs about the same whatever its
 * size, so 1,000 record gets cost 40-60 ms and the few index rows under 5 ms.
 */
export function getStates(
  db: PapersInboxDb,
  ids: string[],
  savedSet?: ReadonlySet<string>,
  /** Also return the stored metadata of these rows (for the filters): then the records are read. */
  withStored = false,
): Promise<StatesResult & { stored?: PaperMeta[] }> {
  return db.transaction('r', db.papers, db.saved, db.stateBits, async () => {
    const keys = rowKeysFor(ids);
    // With the saved ids at hand (the background keeps them), the saved table is not read.
    const [bitRows, saved, papers] = await Promise.all([
      db.stateBits.bulkGet(keys),
      savedSet ? ids.map((id) => (savedSet.has(id) ? id : undefined)) : db.saved.bulkGet(ids),
      withStored ? db.papers.bulkGet(ids) : [],
    ]);
    const rows = new Map(keys.flatMap((key, i) => {
      const row = asBitsRow(bitRows[i]);
      return row ? [[key, row] as const] : [];
    }));
    const { read, shown } = statesFromRows(ids, rows);
    const savedIds = ids.filter((_, i) => saved[i] !== undefined);
    if (!withStored) return { read, saved: savedIds, shown };
    const stored = papers.flatMap((row) => (row ? [withoutRecordFields(row)] : []));
    return { read, saved: savedIds, shown, stored };
  });
}

/** The read and shown ids of one state-index row (`2301.5`), in one key read; none when it is absent. */
export async function getMonthStates(db: PapersInboxDb, month: string): Promise<{ read: string[]; shown: string[] }> {
  const row = asBitsRow(await db.stateBits.get(month));
  return row ? idsOfRow(row) : { read: [], shown: [] };
}

/** Every saved id, in one key read. */
export async function getSavedIds(db: PapersInboxDb): Promise<Set<string>> {
  return new Set(await db.saved.toCollection().primaryKeys());
}

function newToken(now: number): string {
  return `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** What undo restores: the write returns it, the undo log keeps it under the write's token. */
type UndoRestore = Pick<UndoEntry, 'previous' | 'saved' | 'rules'>;

/**
 * One undoable write: `write` and its undo entry in one transaction with the undo log. A
 * caller-chosen token makes a retry idempotent: if its entry exists, the first attempt committed.
 */
async function undoableWrite(
  db: PapersInboxDb,
  tables: Table[],
  entry: { token: string; now: number; label: string },
  write: () => Promise<UndoRestore>,
): Promise<string> {
  const { token, now, label } = entry;
  await db.transaction('rw', [...tables, db.undo], async () => {
    if ((await db.undo.get(token)) !== undefined) return;
    const restore = await write();
    await db.undo.put({ token, createdAt: now, label, ...restore });
  });
  return token;
}

/** Sets readAt on ids (creating bare rows for unknown ids) and logs exact previous values for undo. */
function writeRead(db: PapersInboxDb, ids: string[], read: boolean, now: number, label: string, token = newToken(now)): Promise<string> {
  const unique = [...new Set(ids)];
  return undoableWrite(db, [db.papers], { token, now, label }, async () => {
    const stored = await db.papers.bulkGet(unique);
    const previous = unique.map((id, i) => ({ id, readAt: stored[i]?.readAt }));
    const rows = unique.map((id, i): PaperRecord => {
      const row: PaperRecord = { ...(stored[i] ?? { id }), updatedAt: now };
      if (read) row.readAt = row.readAt ?? now;
      else delete row.readAt;
      return row;
    });
    await db.papers.bulkPut(rows);
    return { previous };
  });
}

export function setRead(db: PapersInboxDb, ids: string[], read: boolean, now: number, token?: string): Promise<string> {
  return writeRead(db, ids, read, now, read ? 'Marked read' : 'Marked unread', token);
}

export function markAllRead(db: PapersInboxDb, ids: string[], now: number, token?: string): Promise<string> {
  return writeRead(db, ids, true, now, `Marked ${new Set(ids).size} read`, token);
}

/** Restores exactly what the entry recorded; returns how many papers/saved entries it touched. */
export async function undo(db: PapersInboxDb, token: string): Promise<number> {
  return db.transaction('rw', [db.papers, db.saved, db.filters, db.undo], async () => {
    const entry = await db.undo.get(token);
    if (!entry) return 0;
    await restoreReadAt(db, entry);
    for (const { id, before } of entry.saved ?? []) {
      if (before) await db.saved.put(before);
      else await db.saved.delete(id);
    }
    for (const { id, before } of entry.rules ?? []) {
      if (before) await db.filters.put(before);
      else await db.filters.delete(id);
    }
    await db.undo.delete(token);
    return entry.previous.length + (entry.saved?.length ?? 0) + (entry.rules?.length ?? 0);
  });
}

async function restoreReadAt(db: PapersInboxDb, entry: UndoEntry): Promise<void> {
  const ids = entry.previous.map((p) => p.id);
  const stored = await db.papers.bulkGet(ids);
  const rows = entry.previous.flatMap(({ id, readAt }, i): PaperRecord[] => {
    const row = stored[i];
    if (!row) return [];
    const next: PaperRecord = { ...row };
    if (readAt === undefined) delete next.readAt;
    else next.readAt = readAt;
    return [next];
  });
  await db.papers.bulkPut(rows);
}

/**
 * Saves (or re-saves, keeping tags/note) and stores the metadata so the list works offline.
 * A caller-chosen token makes a retry idempotent (see undoableWrite).
 */
export function savePaper(db: PapersInboxDb, meta: PaperMeta, now: number, token = newToken(now)): Promise<string> {
  return undoableWrite(db, [db.papers, db.saved], { token, now, label: 'Saved' }, async () => {
    const [stored, before] = await Promise.all([db.papers.get(meta.id), db.saved.get(meta.id)]);
    await db.papers.put(mergeMeta(stored, meta, now));
    const entry: SavedRecord = before ?? { id: meta.id, savedAt: now, tags: [], note: '', status: 'to-read', updatedAt: now };
    await db.saved.put(entry);
    return { previous: [], saved: [{ id: meta.id, before }] };
  });
}

export function unsavePaper(db: PapersInboxDb, id: string, now: number, token = newToken(now)): Promise<string> {
  return undoableWrite(db, [db.saved], { token, now, label: 'Removed from reading list' }, async () => {
    const before = await db.saved.get(id);
    await db.saved.delete(id);
    return { previous: [], saved: [{ id, before }] };
  });
}

export type SavedPatch = Partial<Pick<SavedRecord, 'tags' | 'note' | 'status'>>;

/** Returns false when the paper is not on the reading list (nothing to update). */
export async function updateSaved(db: PapersInboxDb, id: string, patch: SavedPatch, now: number): Promise<boolean> {
  return db.transaction('rw', db.saved, async () => {
    const entry = await db.saved.get(id);
    if (!entry) return false;
    const next: SavedRecord = { ...entry, updatedAt: now };
    if (patch.tags !== undefined) next.tags = [...new Set(patch.tags.map((t) => t.trim()))];
    if (patch.note !== undefined) next.note = patch.note;
    if (patch.status !== undefined) next.status = patch.status;
    await db.saved.put(next);
    return true;
  });
}

export async function upsertFilter(db: PapersInboxDb, rule: FilterRule): Promise<void> {
  await db.filters.put(rule);
}

/**
 * A one-click mute from a page: the rule and its undo entry in one transaction. A retry with the
 * same token adds nothing (the rule's id is new on every call, so without it a retry adds a twin).
 */
export function muteWithUndo(db: PapersInboxDb, rule: FilterRule, now: number, token = newToken(now)): Promise<string> {
  return undoableWrite(db, [db.filters], { token, now, label: 'Muted' }, async () => {
    await db.filters.put(rule);
    return { previous: [], rules: [{ id: rule.id }] };
  });
}

export async function deleteFilter(db: PapersInboxDb, id: string): Promise<void> {
  await db.filters.delete(id);
}

export function listFilters(db: PapersInboxDb): Promise<FilterRule[]> {
  return db.filters.orderBy('createdAt').toArray();
}

/** Stored settings, with defaults for anything missing or invalid (an old or hand-edited row). */
export async function getSettings(db: PapersInboxDb): Promise<Settings> {
  const row = await db.settings.get('settings');
  const parsed = Settings.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(db: PapersInboxDb, patch: SettingsPatch): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getSettings(db);
    const next: Settings = { ...current };
    if (patch.badge !== undefined) next.badge = patch.badge;
    if (patch.readCards !== undefined) next.readCards = patch.readCards;
    if (patch.cardOrder !== undefined) next.cardOrder = patch.cardOrder;
    if (patch.markReadOnScrollPast !== undefined) next.markReadOnScrollPast = patch.markReadOnScrollPast;
    if (patch.sync !== undefined) next.sync = patch.sync;
    await db.settings.put({ key: 'settings', value: next });
    return next;
  });
}

export async function getTodayList(db: PapersInboxDb): Promise<TodayList | undefined> {
  return db.meta.get('today');
}

export async function setTodayList(db: PapersInboxDb, list: TodayList): Promise<void> {
  await db.meta.put(list);
}

/** Ids of today's list that are not read (new included). */
export async function todayUnreadIds(db: PapersInboxDb): Promise<string[]> {
  const list = await getTodayList(db);
  if (!list) return [];
  const rows = await db.papers.bulkGet(list.ids);
  return list.ids.filter((_, i) => rows[i]?.readAt === undefined);
}

export async function todayUnreadCount(db: PapersInboxDb): Promise<number> {
  return (await todayUnreadIds(db)).length;
}

/**
 * Stores papers that arrived through the API without marking them shown (so they are new when
 * first rendered); existing rows keep their states.
 */
export async function storeFetchedPapers(db: PapersInboxDb, papers: PaperMeta[], now: number): Promise<void> {
  const ids = papers.map((p) => p.id);
  await db.transaction('rw', db.papers, async () => {
    const stored = await db.papers.bulkGet(ids);
    await db.papers.bulkPut(papers.map((meta, i) => mergeMeta(stored[i], meta, now)));
  });
}

/** Undo entries older than a day are dropped (the toast is long gone). */
export async function pruneUndo(db: PapersInboxDb, now: number): Promise<number> {
  return db.undo.where('createdAt').below(now - DAY_MS).delete();
}
