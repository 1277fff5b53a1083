import { liveQuery } from 'dexie';
import { getDb } from '../lib/store/db';
import { computePageCounts, type PageCounts } from './page-counts';
import { tallyKey, type KeyedTally } from './page-tally';

/** Reads the ids' records and the rules in one transaction (one snapshot, one transaction to schedule). */
export async function loadPageCounts(ids: readonly string[], newIds: readonly string[]): Promise<KeyedTally<PageCounts>> {
  const db = getDb();
  const [records, rules] = await db.transaction('r', db.papers, db.filters, () =>
    Promise.all([db.papers.bulkGet([...ids]), db.filters.toArray()]),
  );
  return { key: tallyKey(ids, newIds), counts: computePageCounts(ids, newIds, records, rules, Date.now()) };
}

/**
 * Counts that follow the store: re-read whenever papers (read state) or filters change in any
 * context. Loaded by the popup after its first counts, so Dexie is not part of its first script.
 */
export function watchPageCounts(
  ids: readonly string[],
  newIds: readonly string[],
  onCounts: (counts: KeyedTally<PageCounts>) => void,
): { unsubscribe(): void } {
  return liveQuery(() => loadPageCounts(ids, newIds)).subscribe({
    next: onCounts,
    // A failed read keeps the counts shown (the background's); the next change re-reads.
    error: () => undefined,
  });
}
