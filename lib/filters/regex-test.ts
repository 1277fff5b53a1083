/**
 * V8 runs a user regex that starts with `\b` (or `\B`) very slowly under our `iu` flags: the
 * boundary turns into lookarounds tried at every position, which defeats its fast literal search
 * (`\bdiffusions?\b` is ~20x slower on abstracts than `diffusions?\b`). When the boundary is
 * followed by letters or digits, the regex can only match where they are: a literal search finds
 * them, and the regex runs anchored there. Same answer, never more work than the regex alone
 * does at those positions. (Dropping the boundary instead would not be safe: `\b\w+\b\w*x` is
 * linear, `\w+\w*x` cubic.)
 */

// The letters/digits right after a leading boundary; one followed by a quantifier may be absent.
const LEADING_WORD = /^\\[bB]((?:[\p{L}\p{N}_](?![?*+{]))+)/u;

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
function isPlainText(s: string): boolean {
  let plain = plainTexts.get(s);
  if (plain === undefined) {
    plain = !NOT_PLAIN.test(s);
    if (plainTexts.size >= 5_000) plainTexts.clear();
    plainTexts.set(s, plain);
  }
  return plain;
}

function plainTwin(re: RegExp): RegExp | null {
  if (re.flags !== 'iu' || NOT_PLAIN.test(re.source) || UNICODE_ESCAPE.test(re.source)) return null;
  try {
    return new RegExp(re.source, 'i');
  } catch {
    return null;
  }
}

/** The test a user regex rule runs: the plain twin on plain texts, else the boundary search. */
export function userRegexTest(re: RegExp): (s: string) => boolean {
  const full = boundaryTest(re);
  const twin = plainTwin(re);
  return twin ? (s) => (isPlainText(s) ? twin.test(s) : full(s)) : full;
}

function boundaryTest(re: RegExp): (s: string) => boolean {
  // Only `iu` is slow (compileUserRegex falls back to `i`). With a `|` anywhere, the word may be
  // one branch's only (`\bfoo|bar`): not worth parsing groups to tell.
  const word = re.flags === 'iu' && !re.source.includes('|') ? LEADING_WORD.exec(re.source)?.[1] : undefined;
  if (word === undefined) return (s) => re.test(s);
  const find = new RegExp(word, 'giu');
  const at = new RegExp(re.source, 'iuy');
  return (s) => {
    find.lastIndex = 0;
    for (let m = find.exec(s); m !== null; m = find.exec(s)) {
      at.lastIndex = m.index;
      if (at.test(s)) return true;
      // On by one code point: in unicode mode V8 would step back into a surrogate pair and loop.
      find.lastIndex = m.index + ((s.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
    }
    return false;
  };
}
