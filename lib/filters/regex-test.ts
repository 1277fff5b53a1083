/**
 * Unicode mode (`iu`) and plain `i` agree on a text and a source made only of characters below
 * U+017F except dotless ı (no ſ, K, Å, ẞ folding, no astral characters), and on a source without
 * `\p{…}`, `\u`, `\x` escapes. There V8 runs plain `i` ~10x faster: under `iu`, `\b` and `\w`
 * become case-folding lookarounds (`\bproteins?\b|diffusion\w*`: 18 ms vs 1.4 ms on 1,000
 * abstracts). Any other text still goes to the `iu` regex.
 */
const NOT_PLAIN = /[^\0-\u0130\u0132-\u017e]/;
const UNICODE_ESCAPE = /\\[pPux]/;

// Texts are checked once: the same abstracts come back on every pass and for every regex rule.
const plainTexts = new Map<string, boolean>();
export function isPlainText(s: string): boolean {
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

/**
 * The test a user regex runs when the pass cannot find it by its first letters (regex-prefilter.ts
 * does, for regexes led by words in every branch): the plain twin on plain texts, else the regex.
 */
export function userRegexTest(re: RegExp): (s: string) => boolean {
  const twin = plainTwin(re);
  return twin ? (s) => (isPlainText(s) ? twin.test(s) : re.test(s)) : (s) => re.test(s);
}
