import { fold, wordRuns } from './text';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Whole-word matcher for a keyword rule's pattern. Comma-separated alternatives are allowed
 * ("diffusion, flow matching"); each is a word or phrase whose words may be separated by any run
 * of whitespace. Matching is on folded text (case- and diacritics-insensitive). Word boundaries are
 * letter/number lookarounds with the `u` flag rather than `\b`, which is ASCII-only and would break
 * on "naïve", "Σ-Mem" or CJK. No plural folding: "model" does not match "models".
 */
// CJK is written without spaces: a keyword edge that is a CJK character matches inside a run.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

function bounded(alt: string): string {
  const first = alt.startsWith('\\') ? alt.charAt(1) : alt.charAt(0);
  const last = alt.charAt(alt.length - 1);
  return `${CJK.test(first) ? '' : BEFORE}(?:${alt})${CJK.test(last) ? '' : AFTER}`;
}

const alternatives = (pattern: string) =>
  pattern
    .split(',')
    .map((a) => fold(a).trim())
    .filter((a) => a.length > 0);

export function keywordRegex(pattern: string): RegExp | null {
  const alts = alternatives(pattern).map((a) => a.split(/\s+/u).map(escapeRegex).join('\\s+'));
  if (alts.length === 0) return null;
  return new RegExp(alts.map(bounded).join('|'), 'u');
}

/**
 * For each alternative, the word runs that must appear as whole tokens of the text for it to
 * match (every run of a keyword is bounded by punctuation/space in the keyword or by the
 * lookarounds). Null when an alternative cannot be pre-checked this way (CJK, no word at all):
 * then the regex alone decides. This lets most papers be ruled out with a few Set lookups.
 */
export function keywordRequirements(pattern: string): string[][] | null {
  const reqs = alternatives(pattern).map(wordRuns);
  const usable = reqs.every((r) => r.length > 0 && !r.some((w) => CJK.test(w)));
  return usable ? reqs : null;
}
