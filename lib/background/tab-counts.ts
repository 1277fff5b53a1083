import type { FilterEngine } from '../filters/match';
import type { FilterRule } from '../filters/rule';
import type { ResponseMap } from '../messages';
import type { PageSummary } from '../page-summary';
import type { PapersInboxDb } from '../store/db';
import { getStates } from '../store/repository';
import { filtersOn, verdictsFor } from './verdicts';

type TabCounts = ResponseMap['get-tab-counts'];

/**
 * Read and hidden ids among a tab's reported papers: read from the state index (a few rows for
 * any number of ids), hidden from the filters over the stored papers (records are read only when
 * a rule is on). A page we don't recognize gets no ids: its counts are never shown.
 */
export async function tabCounts(
  db: PapersInboxDb,
  filters: FilterEngine,
  summary: PageSummary | null,
  rules: readonly FilterRule[],
  savedIds: ReadonlySet<string>,
  now: number,
): Promise<TabCounts> {
  if (!summary?.recognized) return { summary, read: [], hidden: [] };
  const { stored = [], read } = await getStates(db, summary.ids, savedIds, filtersOn(rules));
  const verdicts = verdictsFor(filters, rules, summary.ids, stored, [], now);
  return { summary, read, hidden: summary.ids.filter((id) => verdicts[id]?.action === 'hide') };
}
