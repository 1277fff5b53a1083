/**
 * V8 runs `\b`/`\B` very slowly under the `iu` flags we give user regexes: it rewrites them into
 * lookarounds that defeat its fast literal search (`\bdiffusions?\b` is ~30x slower on abstracts
 * than without `\b`). So we first search with a looser copy whose boundaries are empty groups —
 * it matches wherever the real regex matches, at full speed — and run the real regex, anchored,
 * only where the looser one matched. Same answer, a fraction of the time.
 */

// Character classes and escapes as whole tokens, so `[\b]` (backspace) and `\\b` stay as they are.
const TOKEN = /\[(?:\\[\s\S]|[^\\\]])*\]|\\[\s\S]/g;
// Inside a negative lookaround, dropping a boundary would make the copy stricter, not looser.
const NEGATIVE_LOOKAROUND = /\(\?<?!/;

export function userRegexTest(re: RegExp): (s: string) => boolean {
  const src = re.source;
  const loose = src.replace(TOKEN, (t) => (/^\\b$/i.test(t) ? '(?:)' : t));
  // Only `iu` is slow (compileUserRegex falls back to `i`). A boundary cannot be quantified in
  // unicode mode, so an empty group in its place always compiles.
  if (re.flags !== 'iu' || loose === src || NEGATIVE_LOOKAROUND.test(src)) return (s) => re.test(s);
  const pre = new RegExp(loose, `${re.flags}g`);
  const at = new RegExp(src, `${re.flags}y`);
  return (s) => {
    pre.lastIndex = 0;
    for (let m = pre.exec(s); m !== null; m = pre.exec(s)) {
      at.lastIndex = m.index;
      if (at.test(s)) return true;
      // On by one code point: in unicode mode V8 would step back into a surrogate pair and loop.
      pre.lastIndex = m.index + ((s.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
    }
    return false;
  };
}
