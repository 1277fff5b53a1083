/**
 * The syntax tree of a user regex, for the linear-time matcher (nfa.ts, dfa.ts). The source has
 * already compiled as a native RegExp with the same flags (compile.ts), so this parser only has to
 * find the structure: every single-character piece (a literal, an escape, a class, `.`) is kept
 * as its source text and later tested by a native regex on one character, which keeps JavaScript's
 * own case folding and class meanings exactly. What has no linear-time form (back-references,
 * lookarounds) is refused with a sentence.
 */

export type Assertion = 'start' | 'end' | 'word' | 'not-word';

export type RegexNode =
  | { t: 'char'; src: string }
  | { t: 'assert'; kind: Assertion }
  | { t: 'seq'; items: RegexNode[] }
  | { t: 'alt'; options: RegexNode[] }
  | { t: 'repeat'; body: RegexNode; min: number; max: number };

/** A pattern the linear matcher will not run, with the sentence for the user. */
export class Unsupported extends Error {}

const BACK_REFERENCE =
  'This regular expression uses a back-reference (\\1 or \\k<name>), which filters do not support (it cannot be matched in bounded time). Remove it.';
const LOOKAROUND =
  'This regular expression uses a lookahead or lookbehind ((?=, (?!, (?<=, (?<!), which filters do not support (it cannot be matched in bounded time). Remove it.';
const UNKNOWN_GROUP = 'This regular expression uses a kind of group filters do not support; use ( ) or (?: ) instead.';

// `{n}`, `{n,}`, `{n,m}` then an optional lazy `?` (laziness changes nothing for a yes/no test).
const COUNTED = /^\{(\d+)(?:(,)(\d*))?\}\??/;
const SIMPLE = /^[*+?]\??/;

export function parseRegex(src: string, unicode: boolean): RegexNode {
  const p = new Parser(src, unicode);
  const node = p.alternation();
  if (p.i < src.length) throw new Unsupported(UNKNOWN_GROUP);
  return node;
}

class Parser {
  i = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  alternation(): RegexNode {
    const options = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 && options[0] ? options[0] : { t: 'alt', options };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      items.push(this.quantified(this.term()));
    }
    return items.length === 1 && items[0] ? items[0] : { t: 'seq', items };
  }

  private quantified(atom: RegexNode): RegexNode {
    const rest = this.src.slice(this.i);
    const simple = SIMPLE.exec(rest);
    if (simple) {
      this.i += simple[0].length;
      const c = simple[0][0];
      return { t: 'repeat', body: atom, min: c === '+' ? 1 : 0, max: c === '?' ? 1 : Infinity };
    }
    const counted = COUNTED.exec(rest);
    if (!counted) return atom;
    this.i += counted[0].length;
    const min = Number(counted[1]);
    const max = counted[2] === undefined ? min : counted[3] === '' || counted[3] === undefined ? Infinity : Number(counted[3]);
    return { t: 'repeat', body: atom, min, max };
  }

  private term(): RegexNode {
    const c = this.src[this.i];
    if (c === '^' || c === '$') {
      this.i++;
      return { t: 'assert', kind: c === '^' ? 'start' : 'end' };
    }
    if (c === '(') return this.group();
    if (c === '\\') return this.escape();
    if (c === '[') return this.char(this.classEnd());
    return this.char(this.i + this.charLength(this.i));
  }

  private group(): RegexNode {
    const open = /^\((?:\?:|\?<[\p{L}\p{N}_$]+>)?/u.exec(this.src.slice(this.i))?.[0] ?? '(';
    if (/^\(\?<?[=!]/.test(this.src.slice(this.i))) throw new Unsupported(LOOKAROUND);
    if (open === '(' && this.src[this.i + 1] === '?') throw new Unsupported(UNKNOWN_GROUP);
    this.i += open.length;
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Unsupported(UNKNOWN_GROUP);
    this.i++;
    return inner;
  }

  private escape(): RegexNode {
    const next = this.src[this.i + 1] ?? '';
    if (next === 'b' || next === 'B') {
      this.i += 2;
      return { t: 'assert', kind: next === 'b' ? 'word' : 'not-word' };
    }
    // `\1`…`\9` (and `\10`…) and `\k<name>`; in non-Unicode mode some are octal escapes, refused too.
    if (/[1-9k]/.test(next)) throw new Unsupported(BACK_REFERENCE);
    const rest = this.src.slice(this.i);
    const escape =
      /^\\[pP]\{[^}]*\}/.exec(rest) ??
      /^\\u\{[0-9a-fA-F]+\}/.exec(rest) ??
      (this.unicode ? /^\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}/.exec(rest) : null) ??
      /^\\u[0-9a-fA-F]{4}/.exec(rest) ??
      /^\\x[0-9a-fA-F]{2}/.exec(rest) ??
      /^\\c[a-zA-Z]/.exec(rest);
    return this.char(this.i + (escape ? escape[0].length : 1 + this.charLength(this.i + 1)));
  }

  /** Index just past a character class: in a JS regex a class ends at its first unescaped `]`. */
  private classEnd(): number {
    let j = this.i + 1;
    if (this.src[j] === '^') j++;
    while (j < this.src.length && this.src[j] !== ']') j += this.src[j] === '\\' ? 2 : 1;
    return j + 1;
  }

  /** Code units of the character at `j`: a surrogate pair is one character in Unicode mode. */
  private charLength(j: number): number {
    const code = this.src.codePointAt(j) ?? 0;
    return this.unicode && code > 0xffff ? 2 : 1;
  }

  private char(end: number): RegexNode {
    const src = this.src.slice(this.i, end);
    this.i = end;
    return { t: 'char', src };
  }
}
