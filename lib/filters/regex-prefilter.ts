import { listAt } from '../list-at';
import type { FilterField } from './rule';
import type { PaperTexts } from './text';
import { branchLiterals } from './regex-literals';
import { plainTwin } from './regex-test';
import type { LinearRegex } from './linear/linear-regex';

/**
 * A user regex (a rule's own or its "unless") whose every branch starts with a word: tried only
 * where one of those words is, anchored there. See regexMatcher. Besides sparing a scan per rule,
 * a try anchored where the word is stops within a few characters on most texts. The regex itself
 * always runs on the linear-time matcher (linear/); the native regexes here are the words alone,
 * literal alternations that cannot backtrack beyond the length of a word.
 */
export interface LiteralRegex {
  fields: readonly FilterField[];
  /** The leading word of each branch (regex-literals.ts). */
  literals: readonly string[];
  /** The regex, in the linear-time matcher. */
  linear: LinearRegex;
  /** How its words are found on plain texts (plain `i` when that folds the same, see regex-test.ts) and on the others. */
  onPlain: WordFinder;
  onOther: WordFinder;
}

/** The flags the words are searched with, and each word alone with them, anchored. */
interface WordFinder {
  flags: string;
  /** Each leading word, to tell which words found in a pass the regex may start with. */
  words: RegExp[];
}

function wordFinder(flags: string, literals: readonly string[]): WordFinder {
  return { flags, words: literals.map((w) => new RegExp(w, `${flags}y`)) };
}

export function literalRegex(re: RegExp, linear: LinearRegex, fields: readonly FilterField[]): LiteralRegex | null {
  const literals = branchLiterals(re.source);
  if (literals === null) return null;
  const onOther = wordFinder(re.flags, literals);
  const twin = plainTwin(re);
  return { fields, literals, linear, onPlain: twin === null ? onOther : wordFinder(twin.flags, literals), onOther };
}

/** The pass's time budget for user-regex rules (match.ts). */
export interface RuleClock {
  /** Starts timing the tests that follow. */
  start(): void;
  /** Charges a rule the time since the last reading; false once it is over budget (it is then failed). */
  charge(ruleId: string): boolean;
}

/** What the matcher reads and writes per paper. */
export interface PaperRun {
  texts: PaperTexts;
  /** The tests found to match: the matcher adds those it finds. */
  hits: { has(test: LiteralRegex): boolean; add(test: LiteralRegex): void };
  /** Rules failed so far in the pass (over budget): not tried again. */
  failed: ReadonlyMap<string, string>;
  clock: RuleClock;
}

interface Entry {
  test: LiteralRegex;
  ruleId: string;
  /** How this group finds its words. */
  run: WordFinder;
}

interface Group {
  /** Every leading word of the group's regexes, longest first, each its own capture. */
  scan: RegExp;
  /** Scans in code points (a step after a hit must not land inside a surrogate pair). */
  unicode: boolean;
  entries: Entry[];
  /** Per capture (0 for the first): the regexes that may match where that word was found. */
  candidates: Entry[][];
}

/** Per text kind, groups of regexes run with the same flags (so searched with the same folding). */
interface FieldGroups {
  field: FilterField;
  plain: Group[];
  other: Group[];
}

/**
 * Every literal-led user regex of a pass, searched together. Per field and text, one regex finds
 * the leading words of all of them with the flags those regexes run with on that text (so it
 * folds case exactly as they do), stepping one character after each find so overlapping words
 * are all found. At each find, only the regexes with a word that can be there are tried, anchored,
 * each timed and charged to its rule. A text is left as soon as all its regexes are settled, and
 * after a few finds per regex the rest of it is searched by each regex itself (FINDS_PER_REGEX).
 */
export function regexMatcher(tests: readonly { test: LiteralRegex; ruleId: string }[]): (run: PaperRun) => void {
  const byField = new Map<FilterField, { test: LiteralRegex; ruleId: string }[]>();
  for (const t of tests) for (const field of t.test.fields) listAt(byField, field).push(t);
  const fields: FieldGroups[] = [...byField].map(([field, ts]) => ({
    field,
    plain: groups(ts.map((t) => ({ ...t, run: t.test.onPlain }))),
    other: groups(ts.map((t) => ({ ...t, run: t.test.onOther }))),
  }));
  return (run) => {
    for (const { field, plain, other } of fields)
      for (const text of run.texts.raw(field)) {
        const gs = run.texts.isPlain(text) ? plain : other;
        for (const g of gs) searchText(g, text, run);
      }
  };
}

function groups(entries: Entry[]): Group[] {
  const byFlags = new Map<string, Entry[]>();
  for (const e of entries) listAt(byFlags, e.run.flags).push(e);
  return [...byFlags].map(([flags, es]) => group(flags, es));
}

function group(flags: string, entries: Entry[]): Group {
  const unicode = flags.includes('u');
  // Longest first: the word found at a position is then the longest there, and any other word
  // there is a prefix of it under the same folding (see candidatesFor).
  const words = [...new Set(entries.flatMap((e) => e.test.literals))]
    .map((word) => ({ word, size: unicode ? [...word].length : word.length }))
    .sort((a, b) => b.size - a.size)
    .map(({ word }) => word);
  const scan = new RegExp(words.map((w) => `(${w})`).join('|'), `${flags}g`);
  return { scan, unicode, entries, candidates: words.map((w) => candidatesFor(w, entries)) };
}

/** The regexes with a leading word that matches the start of `found` (folded as the regexes fold). */
function candidatesFor(found: string, entries: Entry[]): Entry[] {
  return entries.filter((e) => e.run.words.some((word) => ((word.lastIndex = 0), word.test(found))));
}

/**
 * Finds per regex left to settle in a text, after which the rest of it is searched by each regex
 * itself: a word found everywhere (`e\d{3}`: every "e") would cost a find and a try each time,
 * several times what the regex's own search costs.
 */
const FINDS_PER_REGEX = 4;

function searchText(g: Group, text: string, run: PaperRun): void {
  let left = 0;
  for (const e of g.entries) if (pending(e, run)) left++;
  if (left === 0) return;
  const { scan } = g;
  const findsMax = FINDS_PER_REGEX * left;
  scan.lastIndex = 0;
  for (let m = scan.exec(text), finds = 1; m !== null; m = scan.exec(text), finds++) {
    left -= tryAt(g.candidates[capture(m)] ?? [], text, m.index, run);
    if (left <= 0) return;
    const wide = g.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff;
    scan.lastIndex = m.index + (wide ? 2 : 1);
    if (finds === findsMax) return searchFrom(g.entries, text, scan.lastIndex, run);
  }
}

/** Each pending regex searches the text from `from` on (every index before it was tried where it could match). */
function searchFrom(entries: Entry[], text: string, from: number, run: PaperRun): void {
  for (const e of entries) {
    if (!pending(e, run)) continue;
    run.clock.start();
    const hit = e.test.linear.testFrom(text, from);
    if (run.clock.charge(e.ruleId) && hit) run.hits.add(e.test);
  }
}

const pending = (e: Entry, run: PaperRun) => !run.hits.has(e.test) && !run.failed.has(e.ruleId);

/** Index of the capture that matched (the word found), counted from 0. */
function capture(m: RegExpExecArray): number {
  let i = 1;
  while (i < m.length && m[i] === undefined) i++;
  return i - 1;
}

/** Tries the pending candidates anchored at `at`; returns how many were settled (matched or failed). */
function tryAt(candidates: Entry[], text: string, at: number, run: PaperRun): number {
  let settled = 0;
  let timing = false;
  for (const e of candidates) {
    if (!pending(e, run)) continue;
    if (!timing) run.clock.start();
    timing = true;
    const hit = e.test.linear.testAt(text, at);
    // Charged whether it matched or not; once over budget, even this last answer is dropped.
    if (!run.clock.charge(e.ruleId)) settled++;
    else if (hit) {
      run.hits.add(e.test);
      settled++;
    }
  }
  return settled;
}
