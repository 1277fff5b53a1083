import { describe, expect, it } from 'vitest';
import { FilterEngine } from '../../../lib/filters/match';
import { DEFAULT_FILTER_FIELDS, type FilterRule } from '../../../lib/filters/rule';
import type { PaperMeta } from '../../../lib/paper';

/** One engine for the file, as one per context in the extension. */
const filters = new FilterEngine();

/** Rules are compiled once and reused across passes; these are the ways that could go stale. */

const NOW = 1_700_000_000_000;
const base: FilterRule = {
  id: 'r1',
  pattern: 'diffusion',
  kind: 'keyword',
  fields: [...DEFAULT_FILTER_FIELDS],
  action: 'hide',
  enabled: true,
  createdAt: NOW,
  updatedAt: NOW,
};
const paper: PaperMeta = { id: '2501.00001', title: 'Flow matching for video', summary: 'Fast.', upvotes: 3 };
const verdict = (r: FilterRule) => filters.applyTopicFilters([paper], [r], NOW).verdicts.get(paper.id);

describe('compiled rules across passes', () => {
  it('a rule edited without a new id or updatedAt (the editor draft) gets fresh results', () => {
    expect(verdict(base)).toBeUndefined();
    expect(verdict({ ...base, pattern: 'flow matching' })?.reason).toBe('flow matching');
    expect(verdict({ ...base, pattern: 'flow matching', unless: 'video' })).toBeUndefined();
    expect(verdict({ ...base, pattern: 'flow matching', fields: ['abstract'] })).toBeUndefined();
    expect(verdict({ ...base, pattern: 'fast', fields: ['abstract'] })?.ruleId).toBe('r1');
    expect(verdict({ ...base, pattern: 'fast', kind: 'regex', fields: ['title'] })).toBeUndefined();
    expect(verdict({ ...base, pattern: '(ab', kind: 'regex' })).toBeUndefined();
    expect(filters.applyTopicFilters([paper], [{ ...base, pattern: '(ab', kind: 'regex' }], NOW).failed.has('r1')).toBe(true);
  });

  it('a pass over other rules, then over the first ones again, answers for the rules it is given', () => {
    const rx = { ...base, id: 'x', kind: 'regex' as const, pattern: '\\bvideo' };
    const kw = { ...base, id: 'k', pattern: 'flow matching' };
    const ids = (rules: FilterRule[]) => [...filters.applyTopicFilters([paper], rules, NOW).counts].filter(([, n]) => n > 0);
    expect(ids([rx, kw])).toEqual([['x', 1], ['k', 1]]);
    expect(ids([base])).toEqual([]);
    expect(ids([kw])).toEqual([['k', 1]]);
    expect(ids([rx, kw])).toEqual([['x', 1], ['k', 1]]);
    expect(ids([kw, rx])).toEqual([['k', 1], ['x', 1]]);
    expect(filters.applyTopicFilters([paper], [{ ...kw, action: 'dim' }, rx], NOW).verdicts.get(paper.id)?.ruleId).toBe('x');
  });

  it('min-upvotes follows the action it has now (below N to hide, at or above N to highlight)', () => {
    const r: FilterRule = { ...base, kind: 'min-upvotes', pattern: '3' };
    expect(verdict({ ...r, action: 'dim' })).toBeUndefined();
    expect(verdict({ ...r, action: 'highlight' })?.action).toBe('highlight');
    expect(verdict({ ...r, action: 'hide', pattern: '4' })?.action).toBe('hide');
  });

  it('two rules with the same content keep their own ids, counts and verdicts', () => {
    const a = { ...base, id: 'a', pattern: 'video', action: 'dim' as const };
    const b = { ...a, id: 'b' };
    const res = filters.applyTopicFilters([paper], [a, b], NOW);
    expect(res.verdicts.get(paper.id)?.ruleId).toBe('a');
    expect([...res.counts]).toEqual([['a', 1], ['b', 1]]);
    expect(filters.applyTopicFilters([paper], [b, a], NOW).verdicts.get(paper.id)?.ruleId).toBe('b');
  });

  it('reads the clock once per regex test and once before a run of them, and never without regex rules', () => {
    const rx = (id: string, pattern: string): FilterRule => ({ ...base, id, pattern, kind: 'regex' });
    const papers = [paper, { ...paper, id: '2501.00002' }, { ...paper, id: '2501.00003' }];
    let calls = 0;
    // Regexes led by words are tried where their words are: 'flow', then 'video' (a reading at each, one per test).
    filters.applyTopicFilters(papers, [rx('x', 'flow'), base, rx('y', 'video')], NOW, () => (calls++, 0));
    expect(calls).toBe(3 * (2 + 2));
    calls = 0;
    // Other regexes are tried on every paper: a reading per paper, one per test.
    filters.applyTopicFilters(papers, [rx('x', '^flow'), base, rx('y', '.ideo')], NOW, () => (calls++, 0));
    expect(calls).toBe(3 * (1 + 2));
    calls = 0;
    filters.applyTopicFilters(papers, [base, { ...base, id: 'u', kind: 'min-upvotes', pattern: '5' }], NOW, () => (calls++, 0));
    expect(calls).toBe(0);
  });
});
