import { canonicalJson } from './canonical';
import { SYNC_PREFIX } from './encode';

/** The writes that turn the area's items into ours: removes first, so a set never counts old and new items at once. */
export interface PushPlan {
  /** Our keys the area holds differently or not at all. */
  set: Record<string, unknown>;
  /** The area's keys of ours that our items no longer have (a day gone from the window, a shorter list). */
  remove: string[];
}

export function planPush(remote: Record<string, unknown>, items: Record<string, unknown>): PushPlan {
  const set = Object.fromEntries(Object.entries(items).filter(([key, value]) => canonicalJson(remote[key]) !== canonicalJson(value)));
  const remove = Object.keys(remote).filter((key) => key.startsWith(SYNC_PREFIX) && !(key in items));
  return { set, remove };
}

/** Write operations the plan costs against the browser's rates: one `remove` and one `set` call at most. */
export const pushOps = (plan: PushPlan): number => (plan.remove.length > 0 ? 1 : 0) + (Object.keys(plan.set).length > 0 ? 1 : 0);

/**
 * A value as compared with a storage.onChanged `newValue`; a removed key (no newValue) is a
 * word JSON never writes bare, so it cannot be mistaken for any value.
 */
export const echoOf = (value: unknown): string => (value === undefined ? 'removed' : canonicalJson(value));

/** What the area will say after the plan, key by key, to know our own writes when they come back. */
export function pushedValues(plan: PushPlan): Map<string, string> {
  const values = new Map<string, string>();
  for (const key of plan.remove) values.set(key, echoOf(undefined));
  for (const [key, value] of Object.entries(plan.set)) values.set(key, echoOf(value));
  return values;
}
