import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { PaperRecord, SavedRecord, TodayList, UndoEntry } from './records';
import type { FilterRule } from '../filters/rule';
import type { Settings } from '../settings';
import type { RankingModel } from '../ranking/model';
import type { StateBitsRow } from './state-bits';
import type { SyncRow } from '../sync/sync-row';
import { bitsRowsFor, STATE_BITS_TABLE, stateIndexMiddleware } from './state-index';

export const DB_NAME = 'papers-inbox';

export interface SettingsRow {
  key: 'settings';
  value: Settings;
}

/**
 * Schema history. Never edit a released version: add a new one with an upgrade and a test that
 * opens a database of the previous version (tests/unit/store/upgrade.test.ts).
 * - v1: papers (states; a saved paper carried `savedAt` on its row), today's list, undo log, settings.
 * - v2: the reading list moves to its own table `saved` (tags, note, status; the upgrade moves each
 *   v1 `savedAt` there), topic filters (`filters`); papers index `submittedOnDailyAt`.
 * - v3: `stateBits`, read/shown as two bits per paper, one row per arXiv month (lib/store/state-bits.ts),
 *   so `get-states` reads a few rows instead of every paper record; kept in step with `papers`
 *   by a middleware (lib/store/state-index.ts); the upgrade builds it from the stored papers.
 *   Lists only its own table: Dexie carries the others forward.
 * - v4: `ranking`, the trained "for you" model (one row, key 'model').
 *   Nothing to move: the model is trained from the other tables, so a new database simply has none.
 * - v5: `sync`, this device's sync id, last synced state and status (lib/sync/sync-row.ts). Nothing
 *   to move: a database without it has never synced, and its first sync merges.
 */
export const SCHEMA_V1 = {
  papers: 'id, firstShownAt, readAt',
  meta: 'key',
  undo: 'token, createdAt',
  settings: 'key',
};
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  papers: 'id, firstShownAt, readAt, submittedOnDailyAt',
  saved: 'id, savedAt, status, *tags',
  filters: 'id, createdAt',
};
export const SCHEMA_V3 = { [STATE_BITS_TABLE]: 'key' };
/** Only the table v4 adds: Dexie carries the others forward (and any other version's changes). */
export const SCHEMA_V4 = { ranking: 'key' };
export const SCHEMA_V5 = { sync: 'key' };

export class PapersInboxDb extends Dexie {
  papers!: EntityTable<PaperRecord, 'id'>;
  saved!: EntityTable<SavedRecord, 'id'>;
  filters!: EntityTable<FilterRule, 'id'>;
  meta!: EntityTable<TodayList, 'key'>;
  undo!: EntityTable<UndoEntry, 'token'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  ranking!: EntityTable<RankingModel, 'key'>;
  stateBits!: EntityTable<StateBitsRow, 'key'>;
  sync!: EntityTable<SyncRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.use(stateIndexMiddleware);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(moveSavedToOwnTable);
    this.version(3).stores(SCHEMA_V3).upgrade(buildStateBits);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
  }
}

/** v3: the state index for the papers already stored (later writes keep it in step themselves). */
async function buildStateBits(tx: Transaction): Promise<void> {
  const rows: Pick<PaperRecord, 'id' | 'readAt' | 'firstShownAt'>[] = [];
  await tx.table<PaperRecord, string>('papers').each(({ id, readAt, firstShownAt }) => {
    rows.push({ id, readAt, firstShownAt });
  });
  const bits = tx.table<StateBitsRow, string>(STATE_BITS_TABLE);
  await bits.clear();
  await bits.bulkPut(bitsRowsFor(rows));
}

/** v1 kept a saved paper's `savedAt` on its papers row; v2 gives the reading list its own table. */
async function moveSavedToOwnTable(tx: Transaction): Promise<void> {
  const papers = tx.table<PaperRecord & { savedAt?: number }, string>('papers');
  const rows = await papers.filter((row) => typeof row.savedAt === 'number').toArray();
  const entries: SavedRecord[] = [];
  for (const row of rows) {
    const savedAt = row.savedAt;
    if (typeof savedAt !== 'number') continue;
    entries.push({ id: row.id, savedAt, tags: [], note: '', status: 'to-read', updatedAt: savedAt });
    delete row.savedAt;
  }
  await tx.table<SavedRecord, string>('saved').bulkPut(entries);
  await papers.bulkPut(rows);
}

let shared: PapersInboxDb | undefined;
/** The extension's database (one per origin: background, popup and reading list share it). */
export function getDb(): PapersInboxDb {
  shared ??= new PapersInboxDb();
  return shared;
}
