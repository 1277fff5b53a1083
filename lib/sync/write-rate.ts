import type { SyncQuotas } from './quotas';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * How long a push of `ops` write operations (a `set`, maybe a `remove`) must wait so that the
 * writes of the last minute and the last hour, `log` (their times), stay under the browser's
 * rates. 0 = now. A debounced pusher waits max(debounce, this): a burst of edits becomes one push,
 * and a long busy session slows down instead of being refused.
 */
export function writeDelay(log: readonly number[], now: number, ops: number, quotas: Pick<SyncQuotas, 'writesPerMinute' | 'writesPerHour'>): number {
  return Math.max(waitFor(log, now, ops, MINUTE, quotas.writesPerMinute), waitFor(log, now, ops, HOUR, quotas.writesPerHour));
}

/** Until enough of the window's writes have aged out of it for `ops` more to fit. */
function waitFor(log: readonly number[], now: number, ops: number, window: number, limit: number): number {
  const recent = log.filter((t) => t > now - window).sort((a, b) => a - b);
  const excess = recent.length + ops - limit;
  if (excess <= 0) return 0;
  const freeing = recent[excess - 1];
  return freeing === undefined ? Number.POSITIVE_INFINITY : freeing + window - now;
}

/** The log with the writes older than an hour forgotten (kept small enough to store). */
export function pruneWriteLog(log: readonly number[], now: number): number[] {
  return log.filter((t) => t > now - HOUR);
}
