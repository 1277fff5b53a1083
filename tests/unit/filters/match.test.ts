import { describe, expect, it } from 'vitest';
import { FilterEngine, hasCatastrophicBacktracking, validateRule } from '../../../lib/filters/match';
import { makeRule } from '../../../lib/filters/make-rule';
import { DEFAULT_FILTER_FIELDS, type FilterRule } from '../../../lib/filters/rule';
import type { PaperMeta } from '../../../lib/paper';

/** One engine for the file, as one per context in the extension. */
const filters = new FilterEngine();

const NOW = 1_700_000_000_000;
let seq = 0;
function rule(p: Partial<FilterRule> & Pick<FilterRule, 'pattern'>): FilterRule {
  seq++;
  return {
    id: `r${seq}`,
    kind: 'keyword',
    fields: [...DEFAULT_FILTER_FIELDS],
    action: 'hide',
    enabled: true,
    createdAt: NOW,
    updatedAt: NOW,
    ...p,
  };
}
const paper = (id: string, p: Partial<PaperMeta> = {}): PaperMeta => ({ id, ...p });
const hits = (r: FilterRule, p: PaperMeta) => filters.applyTopicFilters([p], [r], NOW).verdicts.has(p.id);

describe('keyword', () => {
  it('matches whole words only, case-insensitively', () => {
    const r = rule({ pattern: 'RL' });
    expect(hits(r, paper('2501.00001', { title: 'Hello world' }))).toBe(false);
    expect(hits(r, paper('2501.00001', { title: 'RLHF at scale' }))).toBe(false);
    expect(hits(r, paper('2501.00001', { title: 'Scaling rl for agents' }))).toBe(true);
    expect(hits(r, paper('2501.00001', { title: 'Offline-RL, revisited' }))).toBe(true);
  });
  it('matches phrases across any whitespace, no plural folding', () => {
    const r = rule({ pattern: 'diffusion model' });
    expect(hits(r, paper('2501.00001', { title: 'A Diffusion \n model' }))).toBe(true);
    expect(hits(r, paper('2501.00001', { title: 'Diffusion models' }))).toBe(false);
  });
  it('allows comma-separated alternatives', () => {
    const r = rule({ pattern: 'diffusion, flow matching' });
    expect(hits(r, paper('2501.00001', { title: 'Flow Matching for X' }))).toBe(true);
    expect(hits(r, paper('2501.00001', { title: 'Diffusion' }))).toBe(true);
    expect(hits(r, paper('2501.00001', { title: 'Flow' }))).toBe(false);
  });
  it('is unicode-aware: accents, Greek, CJK', () => {
    expect(hits(rule({ pattern: 'naïve' }), paper('2501.00001', { title: 'A naive baseline' }))).toBe(true);
    expect(hits(rule({ pattern: 'naive' }), paper('2501.00001', { title: 'Naïve Bayes' }))).toBe(true);
    expect(hits(rule({ pattern: 'Σ-Mem' }), paper('2501.00001', { title: 'σ-mem: memory' }))).toBe(true);
    expect(hits(rule({ pattern: 'Σ' }), paper('2501.00001', { title: 'ΣΦ models' }))).toBe(false);
    expect(hits(rule({ pattern: '扩散' }), paper('2501.00001', { title: '基于扩散模型的方法' }))).toBe(true);
    expect(hits(rule({ pattern: 'é' }), paper('2501.00001', { title: 'café' }))).toBe(false);
  });
  it('escapes special characters', () => {
    expect(hits(rule({ pattern: 'C++' }), paper('2501.00001', { title: 'Fast C++ kernels' }))).toBe(true);
    expect(hits(rule({ pattern: 'a.b' }), paper('2501.00001', { title: 'axb' }))).toBe(false);
    expect(hits(rule({ pattern: '(x)' }), paper('2501.00001', { title: 'see (x) here' }))).toBe(true);
  });
  it('looks only at the selected fields; abstract includes the AI summary', () => {
    const p = paper('2501.00001', { title: 't', aiSummary: 'about robots', authors: ['Robot Smith'] });
    expect(hits(rule({ pattern: 'robots' }), p)).toBe(true);
    expect(hits(rule({ pattern: 'robots', fields: ['title'] }), p)).toBe(false);
    expect(hits(rule({ pattern: 'robot' }), p)).toBe(false);
    expect(hits(rule({ pattern: 'robot', fields: ['authors'] }), p)).toBe(true);
    expect(hits(rule({ pattern: 'agents', fields: ['keywords'] }), paper('2501.00001', { keywords: ['agents'] }))).toBe(true);
  });
});

describe('author', () => {
  const p = paper('2501.00001', { authors: ['Yann LeCun', 'José Müller'] });
  it('matches whole names or words, case- and diacritics-insensitive', () => {
    expect(hits(rule({ pattern: 'Yann LeCun', kind: 'author' }), p)).toBe(true);
    expect(hits(rule({ pattern: 'lecun', kind: 'author' }), p)).toBe(true);
    expect(hits(rule({ pattern: 'Le', kind: 'author' }), p)).toBe(false);
    expect(hits(rule({ pattern: 'jose muller', kind: 'author' }), p)).toBe(true);
  });
  it('ignores the title even when fields include it', () => {
    expect(hits(rule({ pattern: 'lecun', kind: 'author' }), paper('2501.00001', { title: 'LeCun' }))).toBe(false);
  });
});

describe('unless, enabled, snooze', () => {
  const p = paper('2501.00001', { title: 'Diffusion for protein design' });
  it('unless stops the rule', () => {
    expect(hits(rule({ pattern: 'diffusion', unless: 'protein' }), p)).toBe(false);
    expect(hits(rule({ pattern: 'diffusion', unless: 'video' }), p)).toBe(true);
    expect(hits(rule({ pattern: 'diff', kind: 'regex', unless: 'prot.in' }), p)).toBe(false);
  });
  it('disabled and snoozed rules do nothing; an expired snooze does', () => {
    expect(hits(rule({ pattern: 'diffusion', enabled: false }), p)).toBe(false);
    expect(hits(rule({ pattern: 'diffusion', snoozeUntil: NOW + 1 }), p)).toBe(false);
    expect(hits(rule({ pattern: 'diffusion', snoozeUntil: NOW }), p)).toBe(true);
    expect(hits(rule({ pattern: 'diffusion', snoozeUntil: NOW - 1000 }), p)).toBe(true);
  });
});

describe('min-upvotes', () => {
  const low = paper('2501.00001', { upvotes: 4 });
  const at = paper('2501.00002', { upvotes: 5 });
  const unknown = paper('2501.00003');
  it('hide/dim catch papers below N', () => {
    const r = rule({ pattern: '5', kind: 'min-upvotes', action: 'dim' });
    const res = filters.applyTopicFilters([low, at, unknown], [r], NOW);
    expect([...res.verdicts.keys()]).toEqual(['2501.00001']);
  });
  it('highlight catches papers at or above N; unknown never matches', () => {
    const r = rule({ pattern: '5', kind: 'min-upvotes', action: 'highlight' });
    const res = filters.applyTopicFilters([low, at, unknown], [r], NOW);
    expect([...res.verdicts.keys()]).toEqual(['2501.00002']);
  });
  it('refuses a non-integer', () => {
    expect(validateRule(rule({ pattern: '-1', kind: 'min-upvotes' })).ok).toBe(false);
    expect(validateRule(rule({ pattern: '2.5', kind: 'min-upvotes' })).ok).toBe(false);
    expect(validateRule(rule({ pattern: '0', kind: 'min-upvotes' })).ok).toBe(true);
  });
});

describe('precedence and counts', () => {
  it('hide > dim > highlight, first in list among equals; counts every catch', () => {
    const p = paper('2501.00001', { title: 'diffusion agents' });
    const hl = rule({ pattern: 'agents', action: 'highlight' });
    const dim1 = rule({ pattern: 'diffusion', action: 'dim' });
    const dim2 = rule({ pattern: 'agents', action: 'dim' });
    const res = filters.applyTopicFilters([p], [hl, dim1, dim2], NOW);
    expect(res.verdicts.get(p.id)).toEqual({ action: 'dim', reason: 'diffusion', ruleId: dim1.id });
    const hide = rule({ pattern: 'agents', action: 'hide' });
    expect(filters.applyTopicFilters([p], [hl, dim1, hide], NOW).verdicts.get(p.id)?.action).toBe('hide');
    expect(res.counts.get(hl.id)).toBe(1);
    expect(res.counts.get(dim2.id)).toBe(1);
    // Whichever word the text shows first.
    const q = paper('2501.00002', { title: 'agents for diffusion' });
    expect(filters.applyTopicFilters([q], [hl, dim2, dim1], NOW).verdicts.get(q.id)?.ruleId).toBe(dim2.id);
    expect(filters.applyTopicFilters([q], [hl, dim1, dim2], NOW).verdicts.get(q.id)?.ruleId).toBe(dim1.id);
  });
});

describe('validation', () => {
  it('refuses empty, invalid, too long and catastrophic regexes with a sentence', () => {
    expect(validateRule(rule({ pattern: '  ' }))).toEqual({ ok: false, error: 'The pattern is empty.' });
    const bad = validateRule(rule({ pattern: '(ab', kind: 'regex' }));
    expect(bad.ok ? '' : bad.error).toMatch(/^This regular expression is not valid: .+\.$/);
    const long = validateRule(rule({ pattern: 'a'.repeat(201), kind: 'regex' }));
    expect(long.ok ? '' : long.error).toMatch(/too long/);
    for (const src of ['(a+)+', '(a*)*', '(a|a)*', '(.*a){20}', '(a+)+$', '((ab)*)+', '(\\w+\\s?)*$']) {
      const v = validateRule(rule({ pattern: src, kind: 'regex' }));
      expect(v.ok ? '' : v.error, src).toMatch(/could take too long on long abstracts/);
    }
    const badUnless = validateRule(rule({ pattern: 'x', kind: 'regex', unless: '(a+)+' }));
    expect(badUnless.ok).toBe(false);
  });
  it('accepts ordinary regexes', () => {
    for (const src of ['diffusion|flow', '^llm', '\\bgpt-?4\\b', '(foo|bar)+', 'a{2,3}', '[a-z]+ model', '(ab)+'])
      expect(hasCatastrophicBacktracking(src), src).toBe(false);
    expect(hits(rule({ pattern: 'GPT-?4', kind: 'regex' }), paper('2501.00001', { title: 'gpt4 eval' }))).toBe(true);
  });
});

describe('bounded matching', () => {
  it('refuses a catastrophic rule at apply time without running it', () => {
    const evil = rule({ pattern: '(a+)+$', kind: 'regex' });
    const p = paper('2501.00001', { summary: `${'a'.repeat(30)}!` });
    let calls = 0;
    const res = filters.applyTopicFilters([p], [evil], NOW, () => ++calls);
    expect(res.failed.get(evil.id)).toMatch(/could take too long/);
    expect(res.verdicts.size).toBe(0);
    expect(calls).toBe(0);
  });
  it('skips a rule whose cumulated time exceeds the budget', () => {
    const r = rule({ pattern: 'x', kind: 'regex' });
    const other = rule({ pattern: 'y', kind: 'regex' });
    let t = 0;
    const clock = () => (t += 30);
    const papers = [1, 2, 3].map((i) => paper(`2501.0000${i}`, { title: 'x y' }));
    const res = filters.applyTopicFilters(papers, [r, other], NOW, clock);
    expect(res.failed.get(r.id)).toMatch(/took too long/);
    expect(res.failed.has(other.id)).toBe(true);
    expect(res.counts.get(r.id)).toBe(1); // caught the first paper before the budget tripped
  });
  it('charges a regex tried where its first letters are to its own rule', () => {
    // `a\d` is tried at every "a" and never matches; `b` matches where its "b" is.
    const slow = rule({ pattern: 'a\\d', kind: 'regex' });
    const fast = rule({ pattern: 'b', kind: 'regex' });
    let t = 0;
    const clock = () => (t += 20);
    const papers = [1, 2].map((i) => paper(`2501.0000${i}`, { title: 'a a a b' }));
    const res = filters.applyTopicFilters(papers, [slow, fast], NOW, clock);
    expect(res.failed.get(slow.id)).toMatch(/took too long/);
    expect(res.failed.has(fast.id)).toBe(false);
    expect(res.counts.get(fast.id)).toBe(2);
  });
  it('tries a regex where its first letters are with no more work than the regex alone does there', () => {
    const cases: [string, string][] = [['\\bab\\w+\\b\\s', 'ab'], ['\\bab\\W*\\b\\d', 'ab '], ['a\\d', 'a']];
    for (const [src, unit] of cases) {
      const summary = unit.repeat(5_000 / unit.length);
      const t0 = performance.now();
      new RegExp(src, 'iu').test(summary);
      const plain = performance.now() - t0;
      const t1 = performance.now();
      const res = filters.applyTopicFilters([paper('2501.00001', { summary })], [rule({ pattern: src, kind: 'regex' })], NOW, () => 0);
      expect(res.verdicts.size).toBe(0);
      // Generous: the point is "not quadratic", which would take seconds here.
      expect(performance.now() - t1, src).toBeLessThan(10 * plain + 50);
    }
  });
  it('searches the rest of a text with the regexes themselves once their words are found too often', () => {
    const late = rule({ pattern: 'a\\d', kind: 'regex' });
    const never = rule({ pattern: 'a\\d{2}', kind: 'regex' });
    const last = rule({ pattern: 'b\\d', kind: 'regex' });
    const p = paper('2501.00001', { summary: `${'a '.repeat(40)}a1 b2` });
    const res = filters.applyTopicFilters([p], [late, never, last], NOW, () => 0);
    expect([...res.counts.values()]).toEqual([1, 0, 1]);
  });
  it('100 rules over 1,000 papers complete', () => {
    const rules = Array.from({ length: 100 }, (_, i) =>
      rule({ pattern: i % 2 ? `topic${i}` : `t(opic)?${i}\\b`, kind: i % 2 ? 'keyword' : 'regex' }),
    );
    const papers = Array.from({ length: 1000 }, (_, i) =>
      paper(`2501.${String(i).padStart(5, '0')}`, {
        title: `Paper about topic${i % 150}`,
        summary: 'lorem ipsum dolor sit amet '.repeat(60),
        keywords: ['a', 'b'],
      }),
    );
    // A frozen clock: this checks the work completes, not timing (the machine may be loaded).
    const res = filters.applyTopicFilters(papers, rules, NOW, () => 0);
    expect(res.failed.size).toBe(0);
    expect(res.verdicts.size).toBeGreaterThan(0);
  });
});

describe('preview and makeRule', () => {
  it('previews a draft rule', () => {
    const papers = [paper('2501.00001', { title: 'agents' }), paper('2501.00002', { title: 'x' })];
    expect(filters.previewRule(rule({ pattern: 'agents', enabled: false }), papers, NOW)).toEqual({ matched: 1, total: 2 });
    expect(filters.previewRule(rule({ pattern: '(a', kind: 'regex' }), papers, NOW).error).toMatch(/not valid/);
  });
  it('fills defaults and validates', () => {
    const ok = makeRule({ pattern: ' diffusion ', kind: 'keyword', action: 'hide', unless: ' ' }, NOW);
    expect(ok.ok && ok.rule).toMatchObject({
      pattern: 'diffusion',
      fields: DEFAULT_FILTER_FIELDS,
      enabled: true,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(ok.ok && ok.rule.unless).toBeUndefined();
    expect(makeRule({ pattern: '', kind: 'keyword', action: 'hide' }, NOW)).toEqual({ ok: false, error: 'The pattern is empty.' });
    expect(makeRule({ pattern: '(a+)+', kind: 'regex', action: 'hide' }, NOW).ok).toBe(false);
  });
});
