/**
 * The letters a user regex must start with. When every top-level branch of a regex begins with
 * (an optional `\b` or `\B` and) letters or digits, a match can only start where one of those
 * words is (under the regex's own case folding): a search for them finds every place worth trying
 * the regex at. `\bproteins?\b|language\w*` starts with `protein` or `language`.
 */

// After an optional boundary, letters/digits/underscores: always literal characters in a regex
// source. One followed by a quantifier may be absent (or repeated): the word stops before it.
const LEADING_LITERAL = /^(?:\\[bB])?((?:[\p{L}\p{N}_](?![?*+{]))+)/u;

/**
 * The leading word of each top-level branch, or null when some branch has none (it starts with
 * a group, a class, an escape, an anchor, a lookbehind, or is empty: `foo|` matches anywhere).
 */
export function branchLiterals(source: string): string[] | null {
  const literals: string[] = [];
  for (const branch of topLevelBranches(source)) {
    const literal = LEADING_LITERAL.exec(branch)?.[1];
    if (literal === undefined) return null;
    literals.push(literal);
  }
  return literals;
}

/**
 * The source split at each `|` outside groups and classes (and not escaped). In a JS regex a
 * class ends at its first unescaped `]` (`[]` is the empty class) and does not nest.
 */
export function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      branches.push(source.slice(start, i));
      start = i + 1;
    }
  }
  branches.push(source.slice(start));
  return branches;
}
