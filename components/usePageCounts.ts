import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../lib/store/db';
import { computePageCounts, type PageCounts } from './page-counts';

/** Counts and the ids they are for (so counts for another page are never shown). */
export interface KeyedCounts {
  key: string;
  counts: PageCounts;
}

const keyOf = (ids: readonly string[], newIds: readonly string[]) => `${ids.join(',')}|${newIds.join(',')}`;

/** Reads the ids' states and the rules in one transaction (one snapshot, one transaction to schedule). */
export async function loadPageCounts(ids: readonly string[], newIds: readonly string[]): Promise<KeyedCounts> {
  const db = getDb();
  const [records, rules] = await db.transaction('r', db.papers, db.filters, () =>
    Promise.all([db.papers.bulkGet([...ids]), db.filters.toArray()]),
  );
  return { key: keyOf(ids, newIds), counts: computePageCounts(ids, newIds, records, rules, Date.now()) };
}

/** The result of a promise once it settles (undefined before, and if it fails: the live query reports). */
function useSettled<T>(promise: Promise<T> | undefined): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    promise?.then(
      (v) => live && setValue(v),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [promise]);
  return value;
}

/**
 * Live counts for a set of ids: re-runs whenever papers (read state) or filters change in any
 * context. Undefined until counts for exactly these ids are known (never the previous tab's), and
 * while `ids` is null (no page to count: nothing is read). `started` is the same read begun before
 * React rendered: shown until the live query's first answer, which replaces it.
 */
export function usePageCounts(
  ids: readonly string[] | null,
  newIds: readonly string[],
  started?: Promise<KeyedCounts | null>,
): PageCounts | undefined {
  // A stable key so a new array with the same ids doesn't restart the live query.
  const key = ids === null ? null : keyOf(ids, newIds);
  const live = useLiveQuery(() => (ids === null ? undefined : loadPageCounts(ids, newIds)), [key]);
  const early = useSettled(started);
  // useLiveQuery keeps the last result while a new query runs; stale counts are worse than none.
  if (live !== undefined && live.key === key) return live.counts;
  return early?.key === key ? early.counts : undefined;
}
