import { describe, expect, it } from 'vitest';
import { linearRegex, type LinearRegex } from '../../../lib/filters/linear/linear-regex';
import { compileUserRegex } from '../../../lib/filters/compile';
import { FilterEngine } from '../../../lib/filters/match';
import { randomPicker } from './random';

/** One engine for the file, as one per context in the extension. */
const filters = new FilterEngine();

const userRegex = (src: string): RegExp => {
  const re = compileUserRegex(src);
  if (!(re instanceof RegExp)) throw new Error(re.error);
  return re;
};

/**
 * The native answer as the spec's search loop gives it: a sticky try at each start, stepping by
 * code points under `u`. V8's own `test` also tries between the halves of a surrogate pair, where
 * only an empty match can be found (`\\B` inside an emoji): the spec never looks there, nor do we.
 */
function specTest(re: RegExp, text: string): boolean {
  const sticky = new RegExp(re.source, `${re.flags}y`);
  for (let i = 0; i <= text.length; i += re.unicode && (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1) {
    sticky.lastIndex = i;
    if (sticky.test(text)) return true;
  }
  return false;
}

/** The rule's matcher for a source, or null when it is refused (back-references, lookarounds). */
function linearOf(re: RegExp): LinearRegex | null {
  const made = linearRegex(re.source, re.flags);
  return 'error' in made ? null : made;
}

/** Which texts a regex rule matches in a pass (led by a word, it is found by its first letters). */
function passMatches(src: string, texts: string[]): boolean[] {
  const papers = texts.map((summary, i) => ({ id: `2501.${String(i).padStart(5, '0')}`, summary }));
  const rule = { id: 'r', pattern: src, kind: 'regex' as const, fields: ['abstract' as const], action: 'hide' as const };
  const res = filters.applyTopicFilters(papers, [{ ...rule, enabled: true, createdAt: 0, updatedAt: 0 }], 0, () => 0);
  return papers.map((p) => res.verdicts.has(p.id));
}

describe('user regexes (linear matcher; in a pass, found by the first letters of their branches)', () => {
  it('gives the same answers as the plain regex on tricky sources', () => {
    const cases: [string, string, boolean][] = [
      ['\\bdiffusions?\\b', 'Latent Diffusion models', true],
      ['\\bdiffusions?\\b', 'nondiffusion models', false],
      ['\\bdiffusions?\\b', 'nondiffusion and diffusionsx, then diffusion.', true],
      ['\\bdiffusion|flow', 'overflow', true],
      ['\\bab+c', 'xab abbbc', true],
      ['\\bab{2}c', 'abbc', true],
      ['\\bab*c', 'ac', true],
      ['\\bk\\b', 'the \u212A constant', true],
      ['\\bstop', 'ſtop', true],
      ['\\Bent\\b', 'agent', true],
      ['\\Bent\\b', 'ent', false],
      ['\\baa', 'baaaa aaa', true],
      ['\\b𝐀x', 'y𝐀x 𝐀x', true],
      ['\\b𝐀x', '𝐀y 𝐀', false],
      ['\\b𝐀', '𝐀𝐀', false],
      ['\\b_x', 'a_x', false],
      // Branches led by words overlapping in the text, or prefixes of one another.
      ['ab\\d|bc', 'abc', true],
      ['abc\\d|ab', 'xabcx', true],
      ['ab|abc', 'aabc', true],
      ['\\bab\\b|\\Bbc', 'abc', true],
      ['\\bab\\b|\\Bbc', 'bcab', false],
      ['ſt|k\\b', 'STOP', true],
      ['ſt|k\\b', '\u212A', true],
      ['ı|x', 'I', false],
      // Not led by words in every branch: run as a whole.
      ['a\\|b', 'a|b', true],
      ['a\\|b', 'ab', false],
      ['[|]x|y', '|x', true],
      ['(a|b)c|d', 'bc', true],
      ['foo|', 'zzz', true],
    ];
    for (const [src, text, expected] of cases) {
      const re = userRegex(src);
      expect(re.test(text), `${src} plain on ${text}`).toBe(expected);
      expect(linearOf(re)?.test(text), `${src} on ${text}`).toBe(expected);
      expect(passMatches(src, [text]), `${src} in a pass on ${text}`).toEqual([expected]);
    }
  });

  it('agrees with the plain regex on random patterns and texts', () => {
    const { pick, below } = randomPicker(6);
    const atoms = ['a', 'b', 'ab', 'k', 's', '_', '𝐀', '\\b', '\\B', '\\w', '.', ' ', '-', '[ab]', '(?:a|b)', 'i', 'å', 'ß'];
    atoms.push('a|', '\\u{1F600}', '(?:ab|c)', '[^a]', '\\W', '\\s', '^', '$');
    const quants = ['', '', '', '?', '+', '*', '{1,2}', '{0}'];
    // ı, İ, Å (U+212B), ß/ẞ: where plain `i` and Unicode `iu` fold differently (the plain twin must not run on them).
    const chars = ['a', 'b', 'A', 'B', 'k', 'K', 's', 'ſ', '\u212A', ' ', '-', '_', 'é', '𝐀', '\u{1F600}', '1', 'ı', 'I', 'i', 'İ', '\u212B', 'å', 'ß', 'ẞ'];
    for (let i = 0; i < 400; i++) {
      const parts = Array.from({ length: 1 + below(4) }, () => {
        const atom = pick(atoms);
        return /^(\\[bB]|\^|\$|.*\|$)/.test(atom) ? atom : atom + pick(quants);
      });
      // As a rule stores it: patterns are trimmed.
      const src = (pick(['\\b', '\\B']) + parts.join('')).trim();
      const re = userRegex(src);
      const linear = linearOf(re);
      if (linear === null) throw new Error(`refused: ${src}`);
      const test = (t: string) => linear.test(t);
      const texts = Array.from({ length: 20 }, () => Array.from({ length: below(12) }, () => pick(chars)).join(''));
      for (const text of texts) expect(test(text), `${src} on ${JSON.stringify(text)}`).toBe(specTest(re, text));
      expect(passMatches(src, texts), src).toEqual(texts.map((t) => specTest(re, t)));
    }
  });

  it('does work bounded by the text length times the pattern size (no boundary is ever dropped)', () => {
    const cases: [string, string][] = [['\\b\\w+\\b\\w*x', 'a'], ['\\bab\\w+\\b\\s', 'ab'], ['\\bab\\W*\\b\\d', 'ab ']];
    for (const [src, unit] of cases) {
      const linear = linearOf(userRegex(src));
      if (linear === null) throw new Error(`refused: ${src}`);
      const text = unit.repeat(5_000 / unit.length);
      expect(linear.test(text)).toBe(false);
      expect(linear.work(), src).toBeLessThanOrEqual((text.length + 1) * (linear.states + 1));
    }
  });
});
