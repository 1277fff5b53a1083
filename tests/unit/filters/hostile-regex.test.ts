import { describe, expect, it } from 'vitest';
import { compileUserRegex, validateRule } from '../../../lib/filters/compile';
import { linearRegex } from '../../../lib/filters/linear/linear-regex';
import type { FilterRule } from '../../../lib/filters/rule';

/** Patterns that freeze a backtracking engine, each with the 20,000-character text worst for it. */
const HOSTILE: [string, string][] = [
  ['(a|A)+$', `${'a'.repeat(19_999)}!`],
  ['(LLM|llm)+$', `${'llm'.repeat(6_666)}!`],
  ['(a|aa)+$', `${'a'.repeat(19_999)}!`],
  ['(a+)+$', `${'a'.repeat(19_999)}!`],
  ['(a*)*$', `${'a'.repeat(19_999)}!`],
  ['(a|a?)+$', `${'a'.repeat(19_999)}!`],
  ['(.*a){12}', 'a'.repeat(20_000)],
  ['.*.*.*.*.*.*x', 'a'.repeat(20_000)],
  ['a*a*a*a*a*a*b', 'a'.repeat(20_000)],
  ['\\w*\\w*\\w*\\w*!', 'w'.repeat(20_000)],
  ['\\s*\\s*\\s*x', ' '.repeat(20_000)],
  ['(\\w+\\s?)+$', `${'word '.repeat(3_999)}word!`],
  ['^(\\d+)*$', `${'1'.repeat(19_999)}x`],
  ['(x+x+)+y', 'x'.repeat(20_000)],
  ['([a-z]+)*=', 'a'.repeat(20_000)],
  ['(a|b|ab)*c', 'ab'.repeat(10_000)],
  ['(?:a|A|\\w)+!', 'a'.repeat(20_000)],
  ['(.|\\s)*\\$', `${'a '.repeat(10_000)}`],
  ['\\b\\w+\\b\\w*x', 'a'.repeat(20_000)],
  ['(a{1,20}){1,9}b', 'a'.repeat(20_000)],
  ['[\\s\\S]*[\\s\\S]*z', 'q'.repeat(20_000)],
  ['(ab|a)*(ba|b)*c', 'ab'.repeat(10_000)],
  ['(?:diffusion\\w*\\s*)+!', 'diffusion '.repeat(2_000)],
  ['(.*)*\\d', 'x'.repeat(20_000)],
  ['((a+)+)+b', 'a'.repeat(20_000)],
];

/** Patterns with no linear-time form, or too large once expanded: refused with a sentence. */
const REFUSED: string[] = [
  '(a)\\1',
  '(\\w+)\\s+\\1',
  '(?<w>\\w+) \\k<w>',
  '(a+)+\\1',
  '(?=a)a',
  '(?!x)\\w+',
  '(?<=a)b',
  '(?<!\\ba)b',
  'x(?=(a+)+$)',
  '(a{1000}){1000}',
  'a{100000}',
  '(a{1,100}){1,90}b',
];

const rule = (pattern: string): FilterRule => ({
  id: 'r', pattern, kind: 'regex', fields: ['abstract'], action: 'hide', enabled: true, createdAt: 0, updatedAt: 0,
});

describe('hostile user regexes', () => {
  it('has a table of at least 30 patterns', () => {
    expect(HOSTILE.length + REFUSED.length).toBeGreaterThanOrEqual(30);
  });

  it('runs each accepted one in work bounded by text length times pattern size, with the native answer on short texts', () => {
    for (const [src, text] of HOSTILE) {
      expect(text.length, src).toBeLessThanOrEqual(20_000);
      const re = compileUserRegex(src);
      if (!(re instanceof RegExp)) throw new Error(re.error);
      const linear = linearRegex(re.source, re.flags);
      if ('error' in linear) throw new Error(`${src}: ${linear.error}`);
      linear.test(text);
      linear.testFrom(text, 1);
      // Two runs of at most (length + 1) × (states + 1) visits each: no backtracking.
      expect(linear.work(), src).toBeLessThanOrEqual(2 * (text.length + 1) * (linear.states + 1));
      // On a short piece the native engine is still quick: both give the same answer.
      const short = text.slice(0, 8) + text.slice(-1);
      const fresh = linearRegex(re.source, re.flags);
      if ('error' in fresh) throw new Error(fresh.error);
      expect(fresh.test(short), `${src} on ${short}`).toBe(re.test(short));
    }
  });

  it('refuses back-references, lookarounds and over-large counts with a sentence, when saved and when applied', () => {
    for (const src of REFUSED) {
      const v = validateRule(rule(src));
      expect(v.ok, src).toBe(false);
      if (!v.ok) expect(v.error, src).toMatch(/^This regular expression .+\.$/);
    }
    const backRef = validateRule(rule('(a)\\1'));
    expect(backRef.ok ? '' : backRef.error).toMatch(/back-reference/);
    const look = validateRule(rule('(?=a)a'));
    expect(look.ok ? '' : look.error).toMatch(/lookahead or lookbehind/);
  });
});
