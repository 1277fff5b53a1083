import { describe, expect, it } from 'vitest';
import { FilterEngine, keywordRegex, validateRule, type FilterResult } from '../../../lib/filters/match';
import { compileUserRegex } from '../../../lib/filters/compile';
import { fold } from '../../../lib/filters/text';
import type { FilterField, FilterRule, FilterVerdict } from '../../../lib/filters/rule';
import type { PaperMeta } from '../../../lib/paper';
import { randomPicker } from './random';

/** One engine for the file, as one per context in the extension. */
const filters = new FilterEngine();

/**
 * The matcher indexes keyword rules, caches compiled rules and searches user regexes through a
 * looser copy. This checks it against the rules as product.md states them, written the plain way:
 * every rule, every paper, its regex on every text of its fields.
 */

const NOW = 1_700_000_000_000;
const RANK = { hide: 3, dim: 2, highlight: 1 };

function texts(p: PaperMeta, field: FilterField): string[] {
  if (field === 'title') return p.title === undefined ? [] : [p.title];
  if (field === 'abstract') return [p.summary, p.aiSummary].filter((s): s is string => s !== undefined);
  return (field === 'keywords' ? p.keywords : p.authors) ?? [];
}

const compiled = new Map<string, RegExp>();
function regexOf(kind: 'regex' | 'keyword', src: string): RegExp {
  let re = compiled.get(kind + src);
  if (re === undefined) {
    const made = kind === 'regex' ? compileUserRegex(src) : keywordRegex(src);
    if (!(made instanceof RegExp)) throw new Error(`validated pattern did not compile: ${src}`);
    compiled.set(kind + src, (re = made));
  }
  return re;
}

function textMatches(kind: 'regex' | 'keyword', src: string, fields: readonly FilterField[], p: PaperMeta) {
  const re = regexOf(kind, src);
  return fields.some((f) => texts(p, f).some((s) => re.test(kind === 'regex' ? s : fold(s))));
}

function ruleMatches(r: FilterRule, p: PaperMeta): boolean {
  const fields = r.kind === 'author' ? (['authors'] as const) : r.fields;
  const kind = r.kind === 'regex' ? 'regex' : 'keyword';
  const n = Number(r.pattern.trim());
  const main =
    r.kind === 'min-upvotes'
      ? p.upvotes !== undefined && (r.action === 'highlight' ? p.upvotes >= n : p.upvotes < n)
      : textMatches(kind, r.pattern.trim(), fields, p);
  const unless = r.unless?.trim() ?? '';
  return main && (unless === '' || !textMatches(kind, unless, fields, p));
}

function reference(papers: PaperMeta[], rules: FilterRule[]): FilterResult {
  const failed = new Map<string, string>();
  const counts = new Map<string, number>();
  const verdicts = new Map<string, FilterVerdict>();
  const active = rules.filter((r) => r.enabled && !(r.snoozeUntil !== undefined && r.snoozeUntil > NOW));
  for (const r of active) {
    const v = validateRule(r);
    if (v.ok) counts.set(r.id, 0);
    else failed.set(r.id, v.error);
  }
  for (const p of papers)
    for (const r of active) {
      if (failed.has(r.id) || !ruleMatches(r, p)) continue;
      counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
      const prev = verdicts.get(p.id);
      if (!prev || RANK[r.action] > RANK[prev.action])
        verdicts.set(p.id, { action: r.action, reason: r.pattern, ruleId: r.id });
    }
  return { verdicts, counts, failed };
}

// Words that exercise folding, whole-word edges, punctuation inside keywords, CJK and shared prefixes.
const WORDS = ['diffusion', 'Diffusion', 'model', 'models', 'policy', 'naïve', 'NAIVE', 'Σ-Mem', 'σ', 'mem'];
WORDS.push('c++', 'C', '(x)', 'x', 'a.b', 'axb', '扩散', '模型', 'rl', 'RLHF', 'world', 'Müller', 'muller');
WORDS.push('agent', 'agents', 'agentic', 'reagent', '1', '12', 'ſtop', 'stop', 'İ', '𝐀bc', 'e\u0301t', 'ét');
WORDS.push('#tag');
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '-', ', ', '.', '_', '', '\u00a0', '/'];
const REGEXES = ['\\bdiffusions?\\b', 'diff', '^a', 'mem\\b', '\\Bgent', 'rl|world', '[a-z]+ model', '\\bC\\+\\+'];
REGEXES.push('(a+)+', '(ab', '\\b(?!agent)\\w+ic\\b', 'ſtop', '\\bnaïve\\b', '扩散', '(?<=\\b)x\\b');
const FIELDS: FilterField[] = ['title', 'abstract', 'keywords', 'authors'];
const ACTIONS = ['hide', 'dim', 'highlight'] as const;
const KINDS = ['keyword', 'keyword', 'keyword', 'regex', 'author', 'min-upvotes'] as const;

/**
 * Long abstracts (folded once and searched by where words start, text.ts): astral and lone
 * characters between words too, and mostly filler, so that a word missed in one place is not
 * found in another.
 */
const FILLER = Array.from({ length: 6 * WORDS.length }, (_, i) => ['lorem', 'ipsum', 'dolor', 'sit', 'amet'][i % 5] ?? '');
const LONG = {
  summaryWords: 120,
  separators: [...SEPARATORS, '\u{1F600}', '𝐀', '\ud800', '1', 'ø', '(', '"'],
  summaryPool: [...WORDS, ...FILLER],
};
const SHORT = { summaryWords: 30, separators: SEPARATORS, summaryPool: WORDS };

function generator(seed: number, { summaryWords, separators, summaryPool } = SHORT) {
  const { next, below, pick } = randomPicker(seed);
  const phrase = (max: number, pool = WORDS) =>
    Array.from({ length: 1 + below(max) }, (_, i) => (i === 0 ? '' : pick(separators)) + pick(pool)).join('');
  const pattern = (kind: FilterRule['kind']) => {
    if (kind === 'regex') return pick(REGEXES);
    if (kind === 'min-upvotes') return String(below(8));
    return Array.from({ length: 1 + below(2) }, () => phrase(kind === 'author' ? 2 : 3)).join(', ');
  };
  const rule = (i: number): FilterRule => {
    const kind = KINDS[below(KINDS.length)] ?? 'keyword';
    const fields = FIELDS.filter(() => next() < 0.6);
    return {
      id: `r${i}`,
      kind,
      pattern: pattern(kind),
      fields: fields.length > 0 ? fields : ['title'],
      action: ACTIONS[below(3)] ?? 'hide',
      unless: next() < 0.2 ? pattern(kind === 'regex' ? 'regex' : 'keyword') : undefined,
      enabled: next() < 0.9,
      createdAt: NOW,
      updatedAt: NOW,
    };
  };
  const maybe = (s: string) => (next() < 0.8 ? s : undefined);
  const paper = (i: number): PaperMeta => ({
    id: `2501.${String(i).padStart(5, '0')}`,
    title: maybe(phrase(6)),
    summary: maybe(phrase(summaryWords, summaryPool)),
    aiSummary: next() < 0.3 ? phrase(10) : undefined,
    keywords: Array.from({ length: below(3) }, () => phrase(2)),
    authors: Array.from({ length: below(3) }, () => phrase(2)),
    upvotes: next() < 0.8 ? below(10) : undefined,
  });
  return { rule, paper, below };
}

describe('the fast matcher agrees with the plain reading of the rules', () => {
  // Each seed compiles fresh regexes (Unicode classes are slow to compile): a generous timeout.
  it('on random rules and papers (same verdicts, counts and refusals)', { timeout: 30_000 }, () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = generator(seed);
      const rules = Array.from({ length: 1 + g.below(25) }, (_, i) => g.rule(i));
      const papers = Array.from({ length: 40 }, (_, i) => g.paper(i));
      // A frozen clock: this compares answers, not speed (no rule may run out of time).
      const actual = filters.applyTopicFilters(papers, rules, NOW, () => 0);
      expect(actual, `seed ${seed}`).toEqual(reference(papers, rules));
    }
  });

  it('on long abstracts (same verdicts, counts and refusals)', { timeout: 30_000 }, () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = generator(seed, LONG);
      const rules = Array.from({ length: 1 + g.below(25) }, (_, i) => g.rule(i));
      const papers = Array.from({ length: 40 }, (_, i) => g.paper(i));
      expect(filters.applyTopicFilters(papers, rules, NOW, () => 0), `seed ${seed}`).toEqual(reference(papers, rules));
    }
  });

  // Many regex rules at once, found together by their branches' first letters (regex-prefilter.ts).
  it('on many user regexes at once, led by overlapping words (same verdicts and counts)', { timeout: 30_000 }, () => {
    const { next, below, pick } = randomPicker(11);
    // Overlapping and prefix words, letters that fold across scripts (ſ/s, K/k, İ/i, ı), astral letters.
    const heads = ['ab', 'abc', 'a', 'b', 'bc', 'aab', 's', 'st', 'ſt', 'k', 'K', '\u212A', 'i', 'I', 'İ', 'ı', '𝐀', '𝐀b', '1', '_a'];
    const tails = ['', '', 's?', '\\b', '\\w*', 'c+', '(?=c)', '(?<=b)', '(x|y)?', '\\d', ' ?b', '.', '[|]', '\\|'];
    const whole = ['ab|abc', 'abc|ab', '\\bab|\\Bbc', 'a\\|b|c', '[|]a|b', '(a|b)c|ab', 'ab|', '(?<=a)b|c', '(a)\\1|b'];
    whole.push('\\bproteins?\\b|language\\w*', 'ſ|k', '\\u{1D400}b|a', 'ab\\-c', 'x{1,2}|\\Bx', 'İ|ı', '\\p{Lu}b|ab');
    const source = () =>
      next() < 0.3
        ? pick(whole)
        : Array.from({ length: 1 + below(3) }, () => pick(['', '\\b', '\\B']) + pick(heads) + pick(tails)).join('|');
    const chars = ['a', 'b', 'c', 'A', 'B', 'C', 'ab', 'abc', 'aabc', 's', 'S', 'ſ', 'k', 'K', '\u212A', 'i', 'I', 'İ', 'ı'];
    chars.push('𝐀', '𝐀b', '\u{1F600}', '1', '_', ' ', '-', '|', 'x', 'é', 'language', 'proteins');
    const text = () => Array.from({ length: below(14) }, () => pick(chars)).join('');
    for (let round = 0; round < 30; round++) {
      const rules = Array.from({ length: 1 + below(8) }, (_, i): FilterRule => {
        const fields = FIELDS.filter(() => next() < 0.6);
        return {
          id: `r${i}`,
          kind: 'regex',
          pattern: source(),
          fields: fields.length > 0 ? fields : ['abstract'],
          action: ACTIONS[below(3)] ?? 'hide',
          unless: next() < 0.2 ? source() : undefined,
          enabled: true,
          createdAt: NOW,
          updatedAt: NOW,
        };
      });
      const papers = Array.from({ length: 30 }, (_, i): PaperMeta => ({
        id: `2501.${String(i).padStart(5, '0')}`,
        title: text(),
        summary: text(),
        keywords: [text(), text()],
        authors: [text()],
      }));
      const actual = filters.applyTopicFilters(papers, rules, NOW, () => 0);
      expect(actual, `round ${round}: ${rules.map((r) => r.pattern).join(' ; ')}`).toEqual(reference(papers, rules));
    }
  });

  it('tells apart rules that share a first word, and keeps verdicts per rule', () => {
    const r = (id: string, pattern: string, action: FilterRule['action']): FilterRule => {
      return { id, pattern, kind: 'keyword', fields: ['title'], action, enabled: true, createdAt: NOW, updatedAt: NOW };
    };
    const rules = [r('a', 'diffusion policy', 'highlight'), r('b', 'diffusion model', 'dim')];
    rules.push(r('c', 'diffusion', 'hide'));
    const papers: PaperMeta[] = [
      { id: '2501.00001', title: 'A diffusion model, not a diffusion policy' },
      { id: '2501.00002', title: 'Diffusion-model distillation' },
      { id: '2501.00003', title: 'Diffusion policy' },
    ];
    const res = filters.applyTopicFilters(papers, rules.slice(0, 2), NOW);
    expect(res.verdicts.get('2501.00001')?.ruleId).toBe('b');
    expect(res.verdicts.has('2501.00002')).toBe(false);
    expect(res.verdicts.get('2501.00003')?.ruleId).toBe('a');
    expect(filters.applyTopicFilters(papers, rules, NOW)).toEqual(reference(papers, rules));
  });
});
