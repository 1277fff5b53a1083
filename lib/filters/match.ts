import type { FilterAction, FilterRule, FilterVerdict } from './rule';
import { compileRule, validateRule, type CompiledRule, type PassTest, type ValidateResult } from './compile';
import { keywordMatcher } from './keyword';
import { listAt } from '../list-at';
import { regexMatcher, type RuleClock } from './regex-prefilter';
import { createTextCaches, paperTexts, type PaperTexts } from './text';
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

export interface FilterResult {
  verdicts: Map<string, FilterVerdict>;
  counts: Map<string, number>;
  failed: Map<string, string>;
}

/** What a pass over these rules builds before looking at papers. */
function buildMatchers(active: readonly CompiledRule[]) {
  return {
    keywordHits: keywordMatcher(active.flatMap((c) => c.keywords)),
    regexHits: regexMatcher(active.flatMap((c) => c.regexes.map((test) => ({ test, ruleId: c.rule.id })))),
    byOwn: rulesByOwn(active),
    // Rules that run a user regex in their own test are timed per call, from a reading per paper.
    timesRules: active.some((c) => c.runsRegex),
  };
}

/**
 * The rules worth looking at for a paper: those without an own pattern, then those whose own
 * pattern it matched (most rules are keyword rules, and a paper matches few of them). Not in
 * list order: `stronger` breaks ties by it, and a rule's time is charged to it in any order.
 */
function rulesByOwn(active: readonly CompiledRule[]) {
  const always: number[] = [];
  const byOwn = new Map<PassTest, number[]>();
  active.forEach((c, i) => {
    if (c.own === undefined) always.push(i);
    else listAt(byOwn, c.own).push(i);
  });
  return {
    candidates(hits: ReadonlySet<PassTest>): number[] {
      const rules = [...always];
      for (const test of hits) for (const i of byOwn.get(test) ?? []) rules.push(i);
      return rules;
    },
  };
}

/** The rule matches the paper (its own pattern, if any, already did). */
function ruleMatches(
  c: CompiledRule,
  paper: PaperMeta,
  texts: PaperTexts,
  hits: ReadonlySet<PassTest>,
  failed: ReadonlyMap<string, string>,
  budget: RuleClock,
): boolean {
  // Only timed rules can fail during a pass (the others were sorted out by compileRules).
  if (c.timed && failed.has(c.rule.id)) return false;
  if (c.test === null) return true;
  const hit = c.test(paper, texts, hits);
  // Charged whether it matched or not; once over budget, even this last answer is dropped.
  return (!c.runsRegex || budget.charge(c.rule.id)) && hit;
}

/** Rule `a` (at index i of the list) beats `b` (at j): a stronger action, or the same one earlier. */
function stronger(a: FilterRule, i: number, b: FilterRule, j: number): boolean {
  return RANK[a.action] > RANK[b.action] || (a.action === b.action && i < j);
}

/** A paper's verdict; the same paper given twice keeps the strongest, the first among equals. */
function record(rule: FilterRule, paperId: string, verdicts: Map<string, FilterVerdict>) {
  const prev = verdicts.get(paperId);
  if (!prev || RANK[rule.action] > RANK[prev.action])
    verdicts.set(paperId, { action: rule.action, reason: rule.pattern, ruleId: rule.id });
}

/** Counts per rule id, in rule order (two active rules with one id share a count). */
function countsById(active: readonly CompiledRule[], counts: readonly number[]): Map<string, number> {
  const byId = new Map<string, number>();
  active.forEach((c, i) => byId.set(c.rule.id, (byId.get(c.rule.id) ?? 0) + (counts[i] ?? 0)));
  return byId;
}

/**
 * Time spent by user-regex rules in one pass: each is charged the time since the previous reading
 * (one clock read per test, not two). Untimed tests in between are set lookups, a few ns.
 */
function timeBudget(clock: () => number, failed: Map<string, string>): RuleClock {
  const spent = new Map<string, number>();
  let last = 0;
  return {
    start(): void {
      last = clock();
    },
    /** False once the rule is over budget: it is marked failed and skipped for the rest of the pass. */
    charge(id: string): boolean {
      const now = clock();
      const total = (spent.get(id) ?? 0) + (now - last);
      last = now;
      spent.set(id, total);
      if (total <= RULE_TIME_BUDGET_MS) return true;
      failed.set(id, 'This rule took too long on this page and was skipped. Simplify its pattern.');
      return false;
    },
  };
}

/** What a pass over compiled rules reuses from the last one (see FilterEngine's `lastPass`). */
type Matchers = ReturnType<typeof buildMatchers>;

/**
 * The filters with what they keep between passes: compiled rules, the last pass's matchers and
 * the texts' folds. Each context that filters makes one and keeps it (the background's
 * startBackground, the popup's start); tests make their own. Passes never share state otherwise.
 */
export class FilterEngine {
  /**
   * Compiled rules by everything a pass reads from them, so a pass after a pass (every batch of
   * cards, every rule edit in any tab) neither re-validates nor rebuilds regexes. Keyed on the
   * content, not on updatedAt: a draft in the editor keeps its id and updatedAt while its pattern changes.
   */
  private readonly prepared = new Map<string, CompiledRule | string>();

  /**
   * The last pass's matchers, for a pass over the same compiled rules (kept by `prepare`): the next
   * pass usually has them (the next batch of cards, the next message), and building the searches
   * costs as much as filtering a few dozen papers. They keep no state between papers.
   */
  private lastPass: { active: readonly CompiledRule[]; matchers: Matchers } | undefined;

  /** Folded long texts and plain-text checks (text.ts). */
  private readonly texts = createTextCaches();

  private prepare(rule: FilterRule): CompiledRule | string {
    const key = JSON.stringify([rule.id, rule.kind, rule.action, rule.pattern, rule.unless, rule.fields]);
    let c = this.prepared.get(key);
    if (c === undefined) {
      // The editor's preview makes a rule per keystroke: forget them all now and then.
      if (this.prepared.size >= 500) this.prepared.clear();
      this.prepared.set(key, (c = compileRule(rule)));
    }
    return c;
  }

  private passMatchers(active: readonly CompiledRule[]): Matchers {
    const last = this.lastPass;
    const same = last?.active.length === active.length && active.every((c, i) => last.active[i] === c);
    if (same && last !== undefined) return last.matchers;
    const matchers = buildMatchers(active);
    this.lastPass = { active: [...active], matchers };
    return matchers;
  }

  /** Inactive when disabled or snoozed; invalid rules (e.g. from an imported backup) are never run. */
  compileRules(rules: readonly FilterRule[], now: number): CompiledRules {
    const active: CompiledRule[] = [];
    const failed = new Map<string, string>();
    for (const rule of rules) {
      if (!rule.enabled || (rule.snoozeUntil ?? 0) > now) continue;
      const c = this.prepare(rule);
      if (typeof c === 'string') failed.set(rule.id, c);
      else active.push(c);
    }
    return { active, failed };
  }

  /** Run compiled rules; strongest action wins (hide > dim > highlight), then list order. */
  runCompiled(papers: readonly PaperMeta[], compiled: CompiledRules, clock: () => number = () => performance.now()): FilterResult {
    const { active } = compiled;
    const failed = new Map(compiled.failed);
    const counts = active.map(() => 0);
    const verdicts = new Map<string, FilterVerdict>();
    const { keywordHits, regexHits, byOwn, timesRules } = this.passMatchers(active);
    const budget = timeBudget(clock, failed);
    for (const paper of papers) {
      const texts = paperTexts(paper, this.texts);
      const hits = new Set<PassTest>();
      keywordHits(texts, hits);
      regexHits({ texts, hits, failed, clock: budget });
      if (timesRules) budget.start();
      let strongest: FilterRule | undefined;
      let strongestAt = -1;
      for (const i of byOwn.candidates(hits)) {
        const c = active[i];
        if (c === undefined || !ruleMatches(c, paper, texts, hits, failed, budget)) continue;
        counts[i] = (counts[i] ?? 0) + 1;
        if (strongest === undefined || stronger(c.rule, i, strongest, strongestAt)) {
          strongest = c.rule;
          strongestAt = i;
        }
      }
      if (strongest) record(strongest, paper.id, verdicts);
    }
    return { verdicts, counts: countsById(active, counts), failed };
  }

  applyTopicFilters(papers: readonly PaperMeta[], rules: readonly FilterRule[], now: number, clock?: () => number): FilterResult {
    return this.runCompiled(papers, this.compileRules(rules, now), clock);
  }

  /** For the editor's live preview: "would hide 7 of 52 papers". Ignores enabled/snooze (it's a draft). */
  previewRule(rule: FilterRule, papers: readonly PaperMeta[], now: number): { matched: number; total: number; error?: string } {
    const draft = { ...rule, enabled: true, snoozeUntil: undefined };
    const res = this.applyTopicFilters(papers, [draft], now);
    const error = res.failed.get(rule.id);
    const matched = res.counts.get(rule.id) ?? 0;
    return error === undefined ? { matched, total: papers.length } : { matched, total: papers.length, error };
  }
}
