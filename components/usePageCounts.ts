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

type Settled<T> = { settled: false } | { settled: true; value: T | undefined };

/** A promise's outcome once it settles (a failure settles with no value: the live query reports it). */
function useSettled<T>(promise: Promise<T> | undefined): Settled<T> {
  const [state, setState] = useState<Settled<T>>({ settled: promise === undefined, value: undefined });
  useEffect(() => {
    let live = true;
    promise?.then(
      (value) => live && setState({ settled: true, value }),
      () => live && setState({ settled: true, value: undefined }),
    );
    return () => {
      live = false;
    };
  }, [promise]);
  return state;
}

/**
 * Live counts for a set of ids: re-runs whenever papers (read state) or filters change in any
 * context. Undefined until counts for exactly these ids are known (never the previous tab's), and
 * while `ids` is null (no page to count: nothing is read). `started` is the same read begun before
 * React rendered: shown first; the live query starts once it has settled (run side by side, the
 * two identical reads slowed each other down) and its answers replace it.
 */
export function usePageCounts(
  ids: readonly string[] | null,
  newIds: readonly string[],
  started?: Promise<KeyedCounts | null>,
): PageCounts | undefined {
  // A stable key so a new array with the same ids doesn't restart the live query.
  const key = ids === null ? null : keyOf(ids, newIds);
  const early = useSettled(started);
  const live = useLiveQuery(
    () => (ids === null || !early.settled ? undefined : loadPageCounts(ids, newIds)),
    [key, early.settled],
  );
  // useLiveQuery keeps the last result while a new query runs; stale counts are worse than none.
  if (live !== undefined && live.key === key) return live.counts;
  return early.settled && early.value?.key === key ? early.value.counts : undefined;
}
