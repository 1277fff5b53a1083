import { SYNC_QUOTAS } from '../lib/sync/quotas';
import type { SyncStatus } from '../lib/sync/sync-row';

const count = (n: number) => n.toLocaleString('en-US');

/** "Synced: 4,200 read papers, 310 saved, 62 % of space used": what the last sync carried, against the browser's 100 KB. */
export function syncedLine(status: SyncStatus): string {
  const percent = Math.round((status.bytes / SYNC_QUOTAS.bytes) * 100);
  const papers = status.readCount === 1 ? 'paper' : 'papers';
  return `Synced: ${count(status.readCount)} read ${papers}, ${count(status.savedCount)} saved, ${percent} % of space used`;
}

/** The older reads the space had no room for; null when every read of the window fits. */
export function droppedLine(status: SyncStatus): string | null {
  if (status.droppedReads === 0) return null;
  const papers = status.droppedReads === 1 ? 'read paper' : 'read papers';
  return `${count(status.droppedReads)} older ${papers} did not fit: they stay on this device only.`;
}
