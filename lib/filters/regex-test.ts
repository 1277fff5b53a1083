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

export function userRegexTest(re: RegExp): (s: string) => boolean {
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
