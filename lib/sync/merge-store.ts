import type { PapersInboxDb } from '../store/db';
import { planApply, stampLocal } from './local';
import { applyWrites, readSnapshot, writeCount } from './local-store';
import { merge } from './merge';
import { forgetOld } from './forget';
import type { SyncState } from './state';
import { SyncRow, newSyncRow, type SyncStatus } from './sync-row';

/** This device's sync row; a missing or unreadable one starts afresh under a new device id. */
export async function loadSyncRow(db: PapersInboxDb, newDeviceId: () => string): Promise<SyncRow> {
  const parsed = SyncRow.safeParse(await db.sync.get('device'));
  return parsed.success ? parsed.data : newSyncRow(newDeviceId());
}

export interface MergedStore {
  /** The row as stored: its state is what both this store and the area should now say. */
  row: SyncRow;
  /** How many local writes the merge made (0: nothing here changed). */
  applied: number;
}

/**
 * One transaction: read the store, stamp this device's changes into its last state, merge the
 * area's state in, write what changed here, keep the merged state. Nothing else can write the
 * store between the read and the write, so a local change made meanwhile is never overwritten;
 * a failure anywhere leaves both the store and the row as they were.
 */
export function mergeIntoStore(db: PapersInboxDb, remote: SyncState, now: number, newDeviceId: () => string): Promise<MergedStore> {
  return db.transaction('rw', [db.saved, db.papers, db.filters, db.settings, db.sync], async () => {
    const row = await loadSyncRow(db, newDeviceId);
    const local = await readSnapshot(db, row.state, now);
    const state = forgetOld(merge(stampLocal(row.state, local, now, row.device), remote));
    const writes = planApply(state, local, now);
    await applyWrites(db, writes, now);
    const next = { ...row, state };
    await db.sync.put(next);
    return { row: next, applied: writeCount(writes) };
  });
}

/** Keeps the status line's figures and error (the state and write log are left as they are). */
export function saveSyncStatus(db: PapersInboxDb, patch: Partial<SyncStatus>, newDeviceId: () => string, writeLog?: number[]): Promise<void> {
  return db.transaction('rw', db.sync, async () => {
    const row = await loadSyncRow(db, newDeviceId);
    await db.sync.put({ ...row, status: { ...row.status, ...patch }, writeLog: writeLog ?? row.writeLog });
  });
}
