import type { Assertion } from './parse';
import type { Nfa } from './nfa';

/**
 * Runs an NFA over a text as a set of states (Thompson/Pike), building the deterministic states
 * it meets as it goes and keeping them (a lazy DFA, as RE2 does): a character already seen from a
 * set costs one table lookup; a new one costs one pass over the NFA (each state visited at most
 * once). So a text of n characters costs at most n × NFA_STATES_MAX state visits, whatever the
 * pattern: there is no backtracking to blow up.
 *
 * `\b`, `^` and `$` look at the characters around a position. A set is therefore kept before its
 * closure (its "kernel": the states just reached), with the kind of the character before it; the
 * closure is taken when the next character (or the end) is known.
 */

/** The character before or after a position: none (start or end of text), a word character, another. */
const EDGE = 0;
const WORD = 1;
const OTHER = 2;
type Side = typeof EDGE | typeof WORD | typeof OTHER;

interface DState {
  kernel: number[];
  before: Side;
  /** Next state by character: ASCII in an array, others in a map. */
  ascii: (DState | undefined)[];
  other: Map<number, DState>;
  /** Whether the text may end here (-1: not known yet). */
  endAccepts: -1 | 0 | 1;
}

/** Sentinels: a match ends before this character; no match can follow (anchored runs only). */
const MATCHED: DState = sentinel();
const DEAD: DState = sentinel();
function sentinel(): DState {
  return { kernel: [], before: EDGE, ascii: [], other: new Map(), endAccepts: 0 };
}

/** Kept states and transitions per matcher; past these the cache starts again (memory stays bounded). */
const DSTATES_MAX = 2_000;
const TRANSITIONS_MAX = 50_000;

/** Tests one character against a single-character piece of the source, with the regex's flags. */
class CharTest {
  private readonly re: RegExp;
  private readonly ascii = new Int8Array(128);
  private readonly other = new Map<number, boolean>();
  constructor(
    src: string,
    private readonly unicode: boolean,
    flags: string,
  ) {
    this.re = new RegExp(`^(?:${src})$`, flags);
  }

  test(c: number): boolean {
    if (c < 128) {
      const known = this.ascii[c];
      if (known) return known === 1;
      const hit = this.run(c);
      this.ascii[c] = hit ? 1 : 2;
      return hit;
    }
    let hit = this.other.get(c);
    if (hit === undefined) {
      hit = this.run(c);
      if (this.other.size >= 10_000) this.other.clear();
      this.other.set(c, hit);
    }
    return hit;
  }

  private run(c: number): boolean {
    return this.re.test(this.unicode ? String.fromCodePoint(c) : String.fromCharCode(c));
  }
}

export class LazyDfa {
  /** State visits and characters read, for tests that check the bound (never read at run time). */
  work = 0;
  private readonly chars: CharTest[];
  private readonly word: CharTest;
  private readonly unicode: boolean;
  private states = new Map<string, DState>();
  /** The start state by the kind of character before the start. */
  private starts: (DState | undefined)[] = [];
  private transitions = 0;
  /** Per NFA state: the step number it was last seen in (a visited set that is never cleared). */
  private readonly seen: Int32Array;
  private stamp = 0;

  /** `anchored`: a match must start where the run starts; else anywhere from there on. */
  constructor(
    private readonly nfa: Nfa,
    flags: string,
    private readonly anchored: boolean,
  ) {
    this.unicode = flags.includes('u');
    this.chars = nfa.atoms.map((src) => new CharTest(src, this.unicode, flags));
    // The same flags as the rule: under `iu`, ſ and the Kelvin sign are word characters for `\b`.
    this.word = new CharTest('\\w', this.unicode, flags);
    this.seen = new Int32Array(nfa.states.length);
  }

  /** Whether the pattern matches in `text` starting at `from` (anchored) or anywhere from it on. */
  run(text: string, from: number): boolean {
    const before = this.sideBefore(text, from);
    let s = (this.starts[before] ??= this.intern([this.nfa.start], before));
    const n = text.length;
    let i = from;
    while (i < n) {
      let c = text.charCodeAt(i++);
      if (this.unicode && c >= 0xd800 && c <= 0xdbff && i < n) {
        const d = text.charCodeAt(i);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
          i++;
        }
      }
      this.work++;
      const t = (c < 128 ? s.ascii[c] : s.other.get(c)) ?? this.step(s, c);
      if (t === MATCHED) return true;
      if (t === DEAD) return false;
      s = t;
    }
    if (s.endAccepts === -1) s.endAccepts = this.closure(s, EDGE).matched ? 1 : 0;
    return s.endAccepts === 1;
  }

  private sideBefore(text: string, at: number): Side {
    if (at <= 0) return EDGE;
    let c = text.charCodeAt(at - 1);
    if (this.unicode && c >= 0xdc00 && c <= 0xdfff && at >= 2) {
      const h = text.charCodeAt(at - 2);
      if (h >= 0xd800 && h <= 0xdbff) c = (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
    }
    return this.word.test(c) ? WORD : OTHER;
  }

  /** The state after reading `c` from `s` (or a sentinel), kept for the next time. */
  private step(s: DState, c: number): DState {
    const side: Side = this.word.test(c) ? WORD : OTHER;
    const { matched, reading } = this.closure(s, side);
    let t: DState;
    if (matched) t = MATCHED;
    else {
      const kernel: number[] = [];
      const stamp = ++this.stamp;
      for (const q of reading) {
        const state = this.nfa.states[q];
        if (state?.op !== 'char' || !this.chars[state.atom]?.test(c)) continue;
        if (this.seen[state.out] !== stamp) {
          this.seen[state.out] = stamp;
          kernel.push(state.out);
        }
      }
      t = kernel.length === 0 && this.anchored ? DEAD : this.intern(kernel, side);
    }
    if (++this.transitions > TRANSITIONS_MAX) this.forget();
    if (c < 128) s.ascii[c] = t;
    else s.other.set(c, t);
    return t;
  }

  /**
   * The states reachable from the kernel without reading (the search start too, unanchored),
   * given the characters on both sides: the `char` states among them, and whether `match` is.
   */
  private closure(s: DState, after: Side): { matched: boolean; reading: number[] } {
    const stamp = ++this.stamp;
    const reading: number[] = [];
    const stack = this.anchored ? [...s.kernel] : [...s.kernel, this.nfa.start];
    let matched = false;
    while (stack.length > 0) {
      const q = stack.pop() ?? 0;
      if (this.seen[q] === stamp) continue;
      this.seen[q] = stamp;
      this.work++;
      const state = this.nfa.states[q];
      if (state === undefined) continue;
      if (state.op === 'match') matched = true;
      else if (state.op === 'char') reading.push(q);
      else if (state.op === 'split') for (let k = state.outs.length - 1; k >= 0; k--) stack.push(state.outs[k] ?? 0);
      else if (holds(state.kind, s.before, after)) stack.push(state.out);
    }
    return { matched, reading };
  }

  private intern(kernel: number[], before: Side): DState {
    kernel.sort((a, b) => a - b);
    const key = `${before}:${kernel.join(',')}`;
    let s = this.states.get(key);
    if (s === undefined) {
      if (this.states.size >= DSTATES_MAX) this.forget();
      s = { kernel, before, ascii: [], other: new Map(), endAccepts: -1 };
      this.states.set(key, s);
    }
    return s;
  }

  /** Starts the cache again; states already handed out stay valid, they are just not shared. */
  private forget(): void {
    this.states = new Map();
    this.starts = [];
    this.transitions = 0;
  }
}

function holds(kind: Assertion, before: Side, after: Side): boolean {
  switch (kind) {
    case 'start':
      return before === EDGE;
    case 'end':
      return after === EDGE;
    case 'word':
      return (before === WORD) !== (after === WORD);
    case 'not-word':
      return (before === WORD) === (after === WORD);
  }
}
