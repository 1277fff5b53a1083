import type { FilterAction, FilterRule, FilterVerdict } from './rule';
import { compileRule, validateRule, type CompiledRule, type ValidateResult } from './compile';
import { paperTexts, type PaperTexts } from './text';
import type { PaperMeta } from '../paper';

// No Zod here: the content script bundles this file. Rule creation (schema checks) is in make-rule.ts.

export { validateRule, type ValidateResult, type CompiledRule };
export { keywordRegex } from './keyword';
export { hasCatastrophicBacktracking } from './safe-regex';

/** Total time one rule may spend on one pass before we give up on it (a bad regex must not freeze the page). */
export const RULE_TIME_BUDGET_MS = 50;

const RANK: Record<FilterAction, number> = { hide: 3, dim: 2, highlight: 1 };

export interface CompiledRules {
  active: CompiledRule[];
  /** Rules refused without running them: ruleId → sentence. */
  failed: Map<string, string>;
}

/** Inactive when disabled or snoozed; invalid rules (e.g. from an imported backup) are never run. */
export function compileRules(rules: readonly FilterRule[], now: number): CompiledRules {
  const active: CompiledRule[] = [];
  const failed = new Map<string, string>();
  for (const rule of rules) {
    if (!rule.enabled || (rule.snoozeUntil !== undefined && rule.snoozeUntil > now)) continue;
    const v = validateRule(rule);
    const compiled = v.ok ? compileRule(rule) : null;
    if (compiled) active.push(compiled);
    else failed.set(rule.id, v.ok ? 'This rule could not be prepared.' : v.error);
  }
  return { active, failed };
}

export interface FilterResult {
  verdicts: Map<string, FilterVerdict>;
  counts: Map<string, number>;
  failed: Map<string, string>;
}

const defaultClock = (): number => performance.now();

/** Run compiled rules; strongest action wins (hide > dim > highlight), then list order. */
export function runCompiled(
  papers: readonly PaperMeta[],
  compiled: CompiledRules,
  clock: () => number = defaultClock,
): FilterResult {
  const failed = new Map(compiled.failed);
  const counts = new Map<string, number>(compiled.active.map((c) => [c.rule.id, 0]));
  const spent = new Map<string, number>();
  const verdicts = new Map<string, FilterVerdict>();
  for (const paper of papers) {
    const texts = paperTexts(paper);
    for (const c of compiled.active) {
      if (failed.has(c.rule.id) || !timedTest(c, paper, texts, spent, failed, clock)) continue;
      counts.set(c.rule.id, (counts.get(c.rule.id) ?? 0) + 1);
      const prev = verdicts.get(paper.id);
      if (!prev || RANK[c.rule.action] > RANK[prev.action])
        verdicts.set(paper.id, { action: c.rule.action, reason: c.rule.pattern, ruleId: c.rule.id });
    }
  }
  return { verdicts, counts, failed };
}

/** Test one rule and charge its time; a rule over budget is marked failed and skipped for the pass. */
function timedTest(
  c: CompiledRule,
  paper: PaperMeta,
  texts: PaperTexts,
  spent: Map<string, number>,
  failed: Map<string, string>,
  clock: () => number,
): boolean {
  if (!c.timed) return c.test(paper, texts);
  const start = clock();
  const hit = c.test(paper, texts);
  const total = (spent.get(c.rule.id) ?? 0) + (clock() - start);
  spent.set(c.rule.id, total);
  if (total <= RULE_TIME_BUDGET_MS) return hit;
  failed.set(c.rule.id, 'This rule took too long on this page and was skipped. Simplify its pattern.');
  return false;
}

export function applyTopicFilters(
  papers: readonly PaperMeta[],
  rules: readonly FilterRule[],
  now: number,
  clock?: () => number,
): FilterResult {
  return runCompiled(papers, compileRules(rules, now), clock);
}

/** For the editor's live preview: "would hide 7 of 52 papers". Ignores enabled/snooze (it's a draft). */
export function previewRule(
  rule: FilterRule,
  papers: readonly PaperMeta[],
  now: number,
): { matched: number; total: number; error?: string } {
  const draft = { ...rule, enabled: true, snoozeUntil: undefined };
  const res = applyTopicFilters(papers, [draft], now);
  const error = res.failed.get(rule.id);
  const matched = res.counts.get(rule.id) ?? 0;
  return error === undefined ? { matched, total: papers.length } : { matched, total: papers.length, error };
}
