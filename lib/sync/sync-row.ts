import { z } from 'zod';
import { Stamp } from './clock';
import { SyncState, emptySyncState } from './state';

/** What the engine last measured and met, for the settings' status line. */
export const SyncStatus = z.object({
  readCount: z.number().int().min(0),
  savedCount: z.number().int().min(0),
  bytes: z.number().int().min(0),
  /** Read papers this device keeps that the sync space had no room for (oldest days). */
  droppedReads: z.number().int().min(0),
  lastSyncAt: z.number().int().optional(),
  /** A sentence for the user; cleared by the next good sync. */
  lastError: z.string().optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** The one row of the `sync` table (Dexie v5): this device's id, the state it last synced, its write log. */
export const SyncRow = z.object({
  key: z.literal('device'),
  device: Stamp.shape.d,
  state: SyncState,
  /** Times of this device's storage.sync writes in the last hour (write-rate.ts). */
  writeLog: z.array(z.number()),
  status: SyncStatus,
});
export type SyncRow = z.infer<typeof SyncRow>;

export const emptyStatus = (): SyncStatus => ({ readCount: 0, savedCount: 0, bytes: 0, droppedReads: 0 });

/** A device that has never synced: nothing known yet, so its first sync merges with what the area holds. */
export const newSyncRow = (device: string): SyncRow => ({ key: 'device', device, state: emptySyncState(), writeLog: [], status: emptyStatus() });
