import { LazyDfa } from './dfa';
import { buildNfa } from './nfa';
import { parseRegex, Unsupported } from './parse';

/**
 * A user regex run by our own linear-time matcher instead of the native backtracking engine: the
 * time a test takes grows with the text's length times the pattern's size, never exponentially or
 * polynomially in the text, whatever the pattern. Yes/no answers only (rules need no captures).
 */
export interface LinearRegex {
  source: string;
  flags: string;
  /** Matches anywhere in the text. */
  test(text: string): boolean;
  /** Matches starting exactly at `at` (what a sticky native regex tests). */
  testAt(text: string, at: number): boolean;
  /** Matches starting anywhere at or after `from`. */
  testFrom(text: string, from: number): boolean;
  /** State visits so far (tests check the bound with it). */
  work(): number;
  /** NFA states: a character of text costs at most this many visits, plus one. */
  states: number;
}

/**
 * The matcher for a source that compiled natively with `flags` (so its syntax is valid), or the
 * sentence saying why it cannot run (a back-reference, a lookaround, too large once expanded).
 */
export function linearRegex(source: string, flags: string): LinearRegex | { error: string } {
  try {
    const nfa = buildNfa(parseRegex(source, flags.includes('u')));
    const anchored = new LazyDfa(nfa, flags, true);
    const search = new LazyDfa(nfa, flags, false);
    return {
      source,
      flags,
      test: (text) => search.run(text, 0),
      testAt: (text, at) => anchored.run(text, at),
      testFrom: (text, from) => search.run(text, from),
      work: () => anchored.work + search.work,
      states: nfa.states.length,
    };
  } catch (e) {
    if (e instanceof Unsupported) return { error: e.message };
    throw e;
  }
}
