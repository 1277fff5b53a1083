/**
 * A small static check for regexes that can backtrack catastrophically. We refuse star height > 1
 * (a repeated group that itself contains a repetition: `(a+)+`, `(a*)*`, `(.*a){20}`) and a
 * repeated alternation whose branches can start with the same character (`(a|a)*`, `(a|ab)+`).
 * It is deliberately conservative and cheap: filters are short, a false refusal only asks the user
 * to simplify. It is only the fast first answer: no static check catches every slow pattern
 * (`.*.*.*x` is polynomial), so rules never run on the native engine (linear/ runs them).
 */

interface Group {
  /** A repeating quantifier appeared directly or in a nested group. */
  repeated: boolean;
  /** First token of each top-level alternative, to spot overlapping branches. */
  starts: string[];
  /** The next token starts an alternative. */
  atStart: boolean;
}

// `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}`, maybe lazy.
const QUANTIFIER = /^(?:[*+?]|\{(\d+)(?:,(\d*))?\})\??/;

/** Length of a quantifier at `i` (0 when there is none) and whether it repeats (max > 1). */
function quantifierAt(src: string, i: number): { len: number; repeats: boolean } {
  const m = QUANTIFIER.exec(src.slice(i));
  if (!m) return { len: 0, repeats: false };
  const [q, min, max] = m;
  const most = max === '' ? Infinity : Number(max ?? min ?? (q.startsWith('?') ? 1 : Infinity));
  return { len: q.length, repeats: most > 1 };
}

/** Index just past a character class starting at `i` (`[`). */
function skipClass(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === '^') j++;
  if (src[j] === ']') j++;
  while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Index just past the group opener `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`. */
function skipGroupOpen(src: string, i: number): number {
  if (src[i + 1] !== '?') return i + 1;
  if (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!') {
    const end = src.indexOf('>', i);
    return end < 0 ? src.length : end + 1;
  }
  return src[i + 2] === '<' ? i + 4 : i + 3;
}

const newGroup = (): Group => ({ repeated: false, starts: [], atStart: true });

/**
 * Two branches of a repeated alternation that can begin alike make a backtracking engine try
 * both. Rules match case-insensitively, so `a` and `A` begin alike.
 */
function branchesOverlap(starts: string[]): boolean {
  const wild = starts.some((s) => s === '.' || s.startsWith('[') || s.startsWith('\\') || s === '(');
  return wild ? starts.length > 1 : new Set(starts.map((s) => s.toLowerCase())).size < starts.length;
}

/** True when the regex source has a repeated group containing a repetition (or overlapping branches). */
export function hasCatastrophicBacktracking(src: string): boolean {
  const stack: Group[] = [newGroup()];
  let i = 0;
  while (i < src.length) {
    const top = stack[stack.length - 1];
    if (!top) return false;
    const c = src[i];
    let atomEnd: number;
    let closed: Group | undefined;
    if (c === '(') {
      if (top.atStart) top.starts.push('(');
      top.atStart = false;
      stack.push(newGroup());
      i = skipGroupOpen(src, i);
      continue;
    }
    if (c === '|') {
      top.atStart = true;
      i++;
      continue;
    }
    if (c === ')') {
      closed = stack.pop();
      atomEnd = i + 1;
    } else {
      atomEnd = c === '\\' ? i + 2 : c === '[' ? skipClass(src, i) : i + 1;
      if (top.atStart && c !== '^') top.starts.push(src.slice(i, atomEnd));
      if (c !== '^') top.atStart = false;
    }
    const q = quantifierAt(src, atomEnd);
    const parent = stack[stack.length - 1];
    if (closed && q.repeats && (closed.repeated || branchesOverlap(closed.starts))) return true;
    if (parent && (q.repeats || closed?.repeated)) parent.repeated = true;
    i = atomEnd + q.len;
  }
  return false;
}
