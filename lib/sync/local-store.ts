import type { PapersInboxDb } from '../store/db';
import type { PaperRecord } from '../store/records';
import { getSettings } from '../store/repository';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { LocalSnapshot, LocalWrites } from './local';
import { DAY_MS, type SettingValue, type SyncState } from './state';

/** Reads of the last READ_WINDOW_DAYS days are offered to sync; older ones stay on the device only. */
export const READ_WINDOW_DAYS = 60;

/** The settings that travel: every one but the per-device switch itself. */
function syncedSettings(settings: Settings): Record<string, SettingValue> {
  const { sync: _sync, ...rest } = settings;
  return rest;
}

/** What the sync layer needs of the store: the reading list, rules, settings, and reads in the window or known to the state. */
export async function readSnapshot(db: PapersInboxDb, state: SyncState, now: number): Promise<LocalSnapshot> {
  const [saved, rules, settings, recent] = await Promise.all([
    db.saved.toArray(),
    db.filters.toArray(),
    getSettings(db),
    db.papers.where('readAt').above(now - READ_WINDOW_DAYS * DAY_MS).toArray(),
  ]);
  const readAt: LocalSnapshot['readAt'] = {};
  for (const row of recent) readAt[row.id] = row.readAt;
  const known = Object.keys(state.reads).filter((id) => !(id in readAt));
  const rows = await db.papers.bulkGet(known);
  known.forEach((id, i) => (readAt[id] = rows[i]?.readAt));
  return { saved, readAt, rules, settings: syncedSettings(settings), settingDefaults: syncedSettings(DEFAULT_SETTINGS) };
}

export const writeCount = (w: LocalWrites): number =>
  w.savedPut.length + w.savedDelete.length + w.readSet.length + w.readClear.length + w.rulePut.length + w.ruleDelete.length + Object.keys(w.settings).length;

/** Brings the store to the merged state in one transaction (a paper read elsewhere and never seen here gets a bare row). */
export async function applyWrites(db: PapersInboxDb, w: LocalWrites, now: number): Promise<void> {
  if (writeCount(w) === 0) return;
  await db.transaction('rw', [db.saved, db.papers, db.filters, db.settings], async () => {
    await db.saved.bulkDelete(w.savedDelete);
    await db.saved.bulkPut(w.savedPut);
    await db.filters.bulkDelete(w.ruleDelete);
    await db.filters.bulkPut(w.rulePut);
    const reads = new Map<string, number | undefined>([...w.readSet.map(({ id, readAt }) => [id, readAt] as const), ...w.readClear.map((id) => [id, undefined] as const)]);
    const ids = [...reads.keys()];
    const rows = await db.papers.bulkGet(ids);
    const next = ids.map((id, i): PaperRecord => {
      const row: PaperRecord = { ...(rows[i] ?? { id, updatedAt: now }) };
      const readAt = reads.get(id);
      if (readAt === undefined) delete row.readAt;
      else row.readAt = readAt;
      return row;
    });
    await db.papers.bulkPut(next);
    if (Object.keys(w.settings).length > 0) {
      const current = await getSettings(db);
      const parsed = { ...current, ...w.settings };
      await db.settings.put({ key: 'settings', value: { ...current, ...pickKnown(parsed, current) } });
    }
  });
}

/** Only values of the right type for a known setting (a newer version's setting is ignored, never stored wrong). */
function pickKnown(next: Record<string, unknown>, current: Settings): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(current) as (keyof Settings)[]) {
    if (key !== 'sync' && typeof next[key] === typeof current[key]) out[key] = next[key];
  }
  return out as Partial<Settings>;
}
