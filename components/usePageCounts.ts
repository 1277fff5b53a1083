import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../lib/store/db';
import { computePageCounts, type PageCounts } from './page-counts';

/**
 * Live counts for a set of ids: re-runs whenever papers (read state) or filters change in any
 * context. Undefined until counts for exactly these ids are known (never the previous tab's).
 */
export function usePageCounts(ids: readonly string[], newIds: readonly string[]): PageCounts | undefined {
  // A stable key so a new array with the same ids doesn't restart the live query.
  const key = `${ids.join(',')}|${newIds.join(',')}`;
  const result = useLiveQuery(async () => {
    const db = getDb();
    const [records, rules] = await Promise.all([db.papers.bulkGet([...ids]), db.filters.toArray()]);
    return { key, counts: computePageCounts(ids, newIds, records, rules, Date.now()) };
  }, [key]);
  // useLiveQuery keeps the last result while a new query runs; stale counts are worse than none.
  return result?.key === key ? result.counts : undefined;
}
