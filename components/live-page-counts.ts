import { liveQuery } from 'dexie';
import { getDb } from '../lib/store/db';
import type { FilterEngine } from '../lib/filters/match';
import { filterEngineOf } from './filter-engine';
import { computePageCounts, type PageCounts } from './page-counts';
import type { FilterSlot } from './page-services';
import { tallyKey, type KeyedTally } from './page-tally';

/** Reads the ids' records and the rules in one transaction (one snapshot, one transaction to schedule). */
export async function loadPageCounts(
  filters: FilterEngine,
  ids: readonly string[],
  newIds: readonly string[],
): Promise<KeyedTally<PageCounts>> {
  const db = getDb();
  const [records, rules] = await db.transaction('r', db.papers, db.filters, () =>
    Promise.all([db.papers.bulkGet([...ids]), db.filters.toArray()]),
  );
  return { key: tallyKey(ids, newIds), counts: computePageCounts(filters, ids, newIds, records, rules, Date.now()) };
}

/**
 * Counts that follow the store: re-read whenever papers (read state) or filters change in any
 * context. Loaded by the popup after its first counts, so Dexie (and the filters: the page's
 * engine is made here, see FilterSlot) is not part of its first script.
 */
export function watchPageCounts(
  filters: FilterSlot,
  ids: readonly string[],
  newIds: readonly string[],
  onCounts: (counts: KeyedTally<PageCounts>) => void,
): { unsubscribe(): void } {
  const engine = filterEngineOf(filters);
  return liveQuery(() => loadPageCounts(engine, ids, newIds)).subscribe({
    next: onCounts,
    // A failed read keeps the counts shown (the background's); the next change re-reads.
    error: () => undefined,
  });
}
