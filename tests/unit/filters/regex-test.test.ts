import { describe, expect, it } from 'vitest';
import { userRegexTest } from '../../../lib/filters/regex-test';
import { compileUserRegex } from '../../../lib/filters/compile';
import { randomPicker } from './random';


const userRegex = (src: string): RegExp => {
  const re = compileUserRegex(src);
  if (!(re instanceof RegExp)) throw new Error(re.error);
  return re;
};

/**
 * V8 can report an empty match between the two halves of a surrogate pair in unicode mode (the
 * spec never tries that position); the looser search steps by code points like the spec.
 */
const insidePair = (text: string, i: number | undefined) =>
  i !== undefined && i > 0 && /[\ud800-\udbff]/.test(text.charAt(i - 1)) && /[\udc00-\udfff]/.test(text.charAt(i));

describe('user regexes with word boundaries (searched through a looser copy)', () => {
  it('gives the same answers as the plain regex on tricky sources', () => {
    const cases: [string, string, boolean][] = [
      ['\\bdiffusions?\\b', 'Latent Diffusion models', true],
      ['\\bdiffusions?\\b', 'nondiffusion models', false],
      ['\\bdiffusions?\\b', 'diffusionsx and diffusion.', true],
      ['[\\b]x', 'a\bx', true],
      ['[\\b]x', 'a x', false],
      ['\\\\b', 'a\\b', true],
      ['\\\\b\\b', 'a\\b', true],
      ['(?<!\\ba)b', 'xab', true],
      ['\\Bent\\b', 'agent', true],
      ['\\Bent\\b', 'ent', false],
      ['\\bſtop', 'STOP now', true],
      ['\\b\\u{1F600}\\b', 'x\u{1F600}', false],
      ['\\B\\u{1F600}', 'x\u{1F600}\u{1F600}', true],
      ['(a)\\b\\1', 'aa a', false],
      ['\\b', '\u{1F600}\u{1F600}', false],
      ['^\\bab', 'xab', false],
    ];
    for (const [src, text, expected] of cases) {
      const re = userRegex(src);
      expect(re.test(text), `${src} plain on ${text}`).toBe(expected);
      expect(userRegexTest(re)(text), `${src} on ${text}`).toBe(expected);
    }
  });

  it('agrees with the plain regex on random patterns and texts', () => {
    const { pick, below } = randomPicker(6);
    const atoms = ['\\b', '\\B', 'a', 'b', 'ab', 'k', 's', '\\w', '.', ' ', '-', '[ab]', '[\\b]', '\\\\b'];
    atoms.push('\\u{1F600}', '(?:a|b)', '(?=a)', '(?<!\\ba)', '(?<=\\ba)', '(a)\\1');
    const quants = ['', '', '?', '+', '*', '{1,2}'];
    const chars = ['a', 'b', 'A', 'K', 'ſ', '\u212A', ' ', '-', '_', 'é', '\u{1F600}', '1', '\b', '\\'];
    for (let i = 0; i < 400; i++) {
      const src = Array.from({ length: 1 + below(5) }, () => {
        const atom = pick(atoms);
        return atom.startsWith('\\b') || atom.startsWith('\\B') || atom.startsWith('(?') ? atom : atom + pick(quants);
      }).join('');
      const re = userRegex(src);
      const test = userRegexTest(re);
      for (let j = 0; j < 20; j++) {
        const text = Array.from({ length: below(12) }, () => pick(chars)).join('');
        if (!insidePair(text, re.exec(text)?.index))
          expect(test(text), `${src} on ${JSON.stringify(text)}`).toBe(re.test(text));
      }
    }
  });
});
