import type { PaperMeta } from '../lib/paper';
import type { FilterRule } from '../lib/filters/rule';
import type { PaperRecord } from '../lib/store/records';
import type { FilterEngine } from '../lib/filters/match';
import { tallyPage, type PageTally } from './page-tally';

export interface PageCounts extends PageTally {
  /** Per rule: how many papers of these ids it caught. */
  ruleCounts: Map<string, number>;
  /** Per rule: why it could not run (e.g. a regex that timed out). */
  ruleErrors: Map<string, string>;
  /** Metadata of the ids (stored record, or just the id), for filter previews. */
  metas: PaperMeta[];
}

/**
 * Counts computed from the store instead of trusting the tab's last report, so they follow
 * reads made in other tabs and rule edits at once (product.md §4: never show stale counts).
 * "Unread" = not read and not hidden, new included; "new" = the part of those never shown before.
 */
export function computePageCounts(
  filters: FilterEngine,
  ids: readonly string[],
  newIds: readonly string[],
  records: readonly (PaperRecord | undefined)[],
  rules: readonly FilterRule[],
  now: number,
): PageCounts {
  const metas: PaperMeta[] = ids.map((id, i) => records[i] ?? { id });
  const readIds = new Set(records.flatMap((r) => (r?.readAt !== undefined ? [r.id] : [])));
  const { verdicts, counts, failed } = filters.applyTopicFilters(metas, [...rules], now);
  const hiddenIds = new Set(ids.filter((id) => verdicts.get(id)?.action === 'hide'));
  return {
    ...tallyPage(ids, newIds, (id) => readIds.has(id), (id) => hiddenIds.has(id)),
    ruleCounts: counts,
    ruleErrors: failed,
    metas,
  };
}
