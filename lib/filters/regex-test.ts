/**
 * Used for finding the leading words of user regexes (regex-prefilter.ts); the regexes themselves
 * run on the linear-time matcher (linear/), whose speed does not depend on the flags.
 *
 * Unicode mode (`iu`) and plain `i` agree on a text and a source made only of characters below
 * U+017F except dotless ı (no ſ, K, Å, ẞ folding, no astral characters), and on a source without
 * `\p{…}`, `\u`, `\x` escapes. There V8 runs a plain `i` search faster. Any other text is searched under `iu`.
 */
const NOT_PLAIN = /[^\0-\u0130\u0132-\u017e]/;
const UNICODE_ESCAPE = /\\[pPux]/;

/**
 * `plainTexts` keeps each answer (text.ts `TextCaches`): texts are checked once, as the same
 * abstracts come back on every pass and for every regex rule.
 */
export function isPlainText(s: string, plainTexts: Map<string, boolean>): boolean {
  let plain = plainTexts.get(s);
  if (plain === undefined) {
    plain = !NOT_PLAIN.test(s);
    if (plainTexts.size >= 5_000) plainTexts.clear();
    plainTexts.set(s, plain);
  }
  return plain;
}

export function plainTwin(re: RegExp): RegExp | null {
  if (re.flags !== 'iu' || NOT_PLAIN.test(re.source) || UNICODE_ESCAPE.test(re.source)) return null;
  try {
    return new RegExp(re.source, 'i');
  } catch {
    return null;
  }
}
