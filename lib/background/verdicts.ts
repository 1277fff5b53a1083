import type { FilterEngine } from '../filters/match';
import type { FilterRule, FilterVerdict } from '../filters/rule';
import type { PaperMeta } from '../paper';

type Verdicts = Record<string, FilterVerdict>;

export const filtersOn = (rules: readonly FilterRule[]) => rules.some((rule) => rule.enabled);

/**
 * Topic filters run here, not in the page: the page's main thread stays free, the content script
 * stays small, and one compiled-rule cache (the background's one FilterEngine) serves every tab. The page's data (`onTop`) wins over
 * what is stored, field by field, as it does when the page is recorded. Only `ids` get a verdict.
 */
export function verdictsFor(
  filters: FilterEngine,
  rules: readonly FilterRule[],
  ids: readonly string[],
  stored: readonly PaperMeta[],
  onTop: readonly PaperMeta[],
  now: number,
): Verdicts {
  if (!filtersOn(rules) || ids.length === 0) return {};
  return Object.fromEntries(filters.applyTopicFilters(pageMetas(ids, stored, onTop), [...rules], now).verdicts);
}

/** The metadata of `ids`: the page's own (`onTop`) over the stored, field by field. */
export function pageMetas(ids: readonly string[], stored: readonly PaperMeta[], onTop: readonly PaperMeta[]): PaperMeta[] {
  const papers = new Map(stored.map((meta) => [meta.id, meta]));
  for (const meta of onTop) papers.set(meta.id, { ...papers.get(meta.id), ...meta });
  const wanted = new Set(ids);
  return [...papers.values()].filter((meta) => wanted.has(meta.id));
}
