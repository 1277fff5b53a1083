import type { PapersInboxDb } from '../store/db';
import type { PaperRecord } from '../store/records';
import { getSettings } from '../store/repository';
import { DEFAULT_SETTINGS, SettingsPatch, type Settings } from '../settings';
import type { LocalSnapshot, LocalWrites } from './local';
import { READ_WINDOW_DAYS } from './forget';
import { DAY_MS, isRead, type SettingValue, type SyncState } from './state';

/** The settings that travel: every one but the per-device sync switch itself. */
function syncedSettings(settings: Settings): Record<string, SettingValue> {
  const { sync: _sync, ...rest } = settings;
  return rest;
}

/**
 * What the sync layer needs of the store: the reading list, rules, settings, and the reads of
 * the window or known to the state. The window's reads come from the `readAt` index's keys
 * alone (no paper row, abstract and all, is loaded for them); rows are read only for the reads
 * the state does not hold yet (their day is needed) and for what it knows outside the window.
 */
export async function readSnapshot(db: PapersInboxDb, state: SyncState, now: number): Promise<LocalSnapshot> {
  const [saved, rules, settings, inWindow] = await Promise.all([
    db.saved.toArray(),
    db.filters.toArray(),
    getSettings(db),
    db.papers.where('readAt').above(now - READ_WINDOW_DAYS * DAY_MS).primaryKeys(),
  ]);
  const readAt: LocalSnapshot['readAt'] = {};
  const windowIds = new Set(inWindow);
  for (const id of windowIds) {
    const known = state.reads[id];
    // Read here and read in the state: the sync layer only asks whether it is read, not when.
    if (known !== undefined && isRead(known)) readAt[id] = known.day * DAY_MS;
  }
  const needRows = [...[...windowIds].filter((id) => !(id in readAt)), ...Object.keys(state.reads).filter((id) => !windowIds.has(id))];
  const rows = await db.papers.bulkGet(needRows);
  needRows.forEach((id, i) => (readAt[id] = rows[i]?.readAt));
  return { saved, readAt, rules, settings: syncedSettings(settings), settingDefaults: syncedSettings(DEFAULT_SETTINGS) };
}

export const writeCount = (w: LocalWrites): number =>
  w.savedPut.length + w.savedDelete.length + w.readSet.length + w.readClear.length + w.rulePut.length + w.ruleDelete.length + Object.keys(w.settings).length;

/** Brings the store to the merged state in one transaction (joins the caller's when there is one). */
export async function applyWrites(db: PapersInboxDb, w: LocalWrites, now: number): Promise<void> {
  if (writeCount(w) === 0) return;
  await db.transaction('rw', [db.saved, db.papers, db.filters, db.settings], async () => {
    await db.saved.bulkDelete(w.savedDelete);
    await db.saved.bulkPut(w.savedPut);
    await db.filters.bulkDelete(w.ruleDelete);
    await db.filters.bulkPut(w.rulePut);
    await applyReads(db, w, now);
    if (Object.keys(w.settings).length > 0) {
      const current = await getSettings(db);
      await db.settings.put({ key: 'settings', value: { ...current, ...validSettings(w.settings) } });
    }
  });
}

/** readAt set or cleared; a paper read elsewhere and never seen here gets a bare row. */
async function applyReads(db: PapersInboxDb, w: LocalWrites, now: number): Promise<void> {
  const reads = new Map<string, number | undefined>([...w.readSet.map(({ id, readAt }) => [id, readAt] as const), ...w.readClear.map((id) => [id, undefined] as const)]);
  const ids = [...reads.keys()];
  if (ids.length === 0) return;
  const rows = await db.papers.bulkGet(ids);
  const next = ids.map((id, i): PaperRecord => {
    const row: PaperRecord = { ...(rows[i] ?? { id, updatedAt: now }) };
    const readAt = reads.get(id);
    if (readAt === undefined) delete row.readAt;
    else row.readAt = readAt;
    return row;
  });
  await db.papers.bulkPut(next);
}

/**
 * Only known settings with a valid value (a newer version's setting or value is left out, never
 * stored wrong), and never the sync switch: it is this device's own choice.
 */
function validSettings(values: Record<string, SettingValue>): SettingsPatch {
  let out: SettingsPatch = {};
  for (const [key, value] of Object.entries(values)) {
    const parsed = SettingsPatch.safeParse({ [key]: value });
    if (key !== 'sync' && parsed.success) out = { ...out, ...parsed.data };
  }
  return out;
}
