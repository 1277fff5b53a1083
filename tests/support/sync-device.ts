import { createSyncEngine, type SyncEngine } from '../../lib/background/sync-engine';
import type { FilterRule } from '../../lib/filters/rule';
import { PapersInboxDb } from '../../lib/store/db';
import { getSettings, updateSettings } from '../../lib/store/repository';
import { SyncRow, type SyncStatus } from '../../lib/sync/sync-row';
import { writeWatchMiddleware } from '../../lib/sync/write-watch';
import type { MemorySyncArea } from './memory-sync-area';
import type { VirtualClock } from './virtual-clock';

/** One browser profile: its own database, its own engine, wired as lib/background/main.ts wires them. */
export class SyncDevice {
  readonly db: PapersInboxDb;
  readonly engine: SyncEngine;
  /** What the engine reported (reportError), as "scope: message". */
  readonly problems: string[] = [];
  /** Times the engine told the tabs to re-read. */
  tabNotices = 0;

  /**
   * `db`: an existing database (the one the popup reads, in component tests). It may be open
   * already, when a middleware can no longer be added: its local writes are then not watched,
   * so that device only receives.
   */
  constructor(readonly id: string, readonly area: MemorySyncArea, clock: VirtualClock, db?: PapersInboxDb) {
    this.db = db ?? new PapersInboxDb(`sync-device-${id}-${Math.random()}`);
    this.engine = createSyncEngine({
      db: this.db,
      area,
      now: clock.now,
      schedule: clock.schedule,
      newDeviceId: () => id,
      notifyTabs: () => void (this.tabNotices += 1),
      reportError: (scope, error) => void this.problems.push(`${scope}: ${error instanceof Error ? error.message : String(error)}`),
    });
    const engine = this.engine;
    if (db === undefined) this.db.use(writeWatchMiddleware((table) => engine.noticeLocalWrite(table)));
    area.onChanged.addListener((changes) => engine.noticeRemoteChange(changes));
  }
}

export const turnSyncOn = (device: SyncDevice) => updateSettings(device.db, { sync: true });

/** What a user of the device sees: reading list (without local edit times), read papers, rules, synced settings. */
export async function storeView(db: PapersInboxDb) {
  const saved = (await db.saved.toArray()).map(({ updatedAt: _updated, ...entry }) => entry).sort((x, y) => x.id.localeCompare(y.id));
  const read = (await db.papers.where('readAt').above(0).primaryKeys()).sort();
  const rules: FilterRule[] = (await db.filters.toArray()).sort((x, y) => x.id.localeCompare(y.id));
  const { sync: _sync, ...settings } = await getSettings(db);
  return { saved, read, rules, settings };
}

export async function syncStatus(db: PapersInboxDb): Promise<SyncStatus | undefined> {
  const parsed = SyncRow.safeParse(await db.sync.get('device'));
  return parsed.success ? parsed.data.status : undefined;
}
