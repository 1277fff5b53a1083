import { DAY_MS, type SyncSaved, type SyncState } from './state';

/** Reads of the last READ_WINDOW_DAYS days travel; older ones stay on the device that has them. */
export const READ_WINDOW_DAYS = 60;
/**
 * A removal (of a saved paper or a rule) is remembered this long, so the sync space does not
 * fill with them. A device that has not synced for longer may bring a removed paper back:
 * something reappears, nothing is lost.
 */
export const TOMBSTONE_DAYS = 90;

/**
 * What sync forgets: reads older than the window and removals older than TOMBSTONE_DAYS. Both
 * are measured from the newest record the state holds, not from today: two devices holding the
 * same state forget the same records whatever their clocks say, so one never removes what the
 * other writes back at a day boundary.
 */
export function forgetOld(state: SyncState): SyncState {
  return dropOldTombstones(dropOldReads(state));
}

export function dropOldReads(state: SyncState, windowDays = READ_WINDOW_DAYS): SyncState {
  let newest = Number.NEGATIVE_INFINITY;
  for (const read of Object.values(state.reads)) newest = Math.max(newest, read.day);
  const oldest = newest - windowDays + 1;
  return { ...state, reads: Object.fromEntries(Object.entries(state.reads).filter(([, read]) => read.day >= oldest)) };
}

/** The time of an entry's latest write, whichever field it was. */
const lastWrite = (s: SyncSaved): number => Math.max(s.on.t, s.status.t, s.tags.t, s.note.t);

export function dropOldTombstones(state: SyncState, days = TOMBSTONE_DAYS): SyncState {
  const times = [...Object.values(state.saved).map(lastWrite), ...Object.values(state.rules).map((r) => r.t)];
  const oldest = times.reduce((a, b) => Math.max(a, b), 0) - days * DAY_MS;
  const saved = Object.entries(state.saved).filter(([, s]) => s.on.v || lastWrite(s) >= oldest);
  const rules = Object.entries(state.rules).filter(([, r]) => r.v !== null || r.t >= oldest);
  return { ...state, saved: Object.fromEntries(saved), rules: Object.fromEntries(rules) };
}
