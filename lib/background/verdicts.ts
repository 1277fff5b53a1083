import { applyTopicFilters } from '../filters/match';
import type { FilterRule, FilterVerdict } from '../filters/rule';
import type { PaperMeta } from '../paper';
import type { PapersInboxDb } from '../store/db';
import { getMetas } from '../store/repository';

type Verdicts = Record<string, FilterVerdict>;

/**
 * Topic filters run here, not in the page: the page's main thread stays free, the content script
 * stays small, and one compiled-rule cache serves every tab. The page's data (`onTop`) wins over
 * what is stored, field by field, as it does when the page is recorded.
 */
export async function verdictsFor(
  db: PapersInboxDb,
  rules: readonly FilterRule[],
  ids: string[],
  onTop: readonly PaperMeta[],
  now: number,
): Promise<Verdicts> {
  if (!rules.some((rule) => rule.enabled) || ids.length === 0) return {};
  const papers = new Map((await getMetas(db, ids)).map((meta) => [meta.id, meta]));
  for (const meta of onTop) papers.set(meta.id, { ...papers.get(meta.id), ...meta });
  const wanted = new Set(ids);
  const metas = [...papers.values()].filter((meta) => wanted.has(meta.id));
  return Object.fromEntries(applyTopicFilters(metas, [...rules], now).verdicts);
}
