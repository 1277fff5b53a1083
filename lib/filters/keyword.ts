import { listAt } from '../list-at';
import type { FilterField } from './rule';
import { fold, type PaperTexts } from './text';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Whole-word matcher for a keyword rule's pattern. Comma-separated alternatives are allowed
 * ("diffusion, flow matching"); each is a word or phrase whose words may be separated by any run
 * of whitespace. Matching is on folded text (case- and diacritics-insensitive). Word boundaries are
 * letter/number lookarounds with the `u` flag rather than `\b`, which is ASCII-only and would break
 * on "naïve", "Σ-Mem" or CJK. No plural folding: "model" does not match "models".
 */
// CJK is written without spaces: a keyword edge that is a CJK character matches inside a run.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

function bounded(alt: string): string {
  const first = alt.startsWith('\\') ? alt.charAt(1) : alt.charAt(0);
  const last = alt.charAt(alt.length - 1);
  return `${CJK.test(first) ? '' : BEFORE}(?:${alt})${CJK.test(last) ? '' : AFTER}`;
}

const alternatives = (pattern: string) =>
  pattern
    .split(',')
    .map((a) => fold(a).trim())
    .filter(Boolean);

const altSource = (alt: string) => bounded(alt.split(/\s+/u).map(escapeRegex).join('\\s+'));

export function keywordRegex(pattern: string): RegExp | null {
  const alts = alternatives(pattern);
  return alts.length === 0 ? null : new RegExp(alts.map(altSource).join('|'), 'u');
}

/** A keyword pattern (a rule's own or its "unless") and the fields it looks at. */
export interface KeywordTest {
  fields: readonly FilterField[];
  /**
   * `word`: what the index finds it by ('' for none: tried on every text). `justWord`: the
   * alternative is that word alone, so it matches wherever the word is found as a whole word.
   */
  alts: { word: string; justWord: boolean; re: RegExp }[];
}

const FIRST_WORD = /^[\p{L}\p{N}]+/u;

/**
 * An alternative that starts with a word (not CJK) can only match where that word is a whole
 * token of the text (the lookbehind before it, punctuation, space or the lookahead after it), so
 * it is tried only there, anchored (`y`). Others (CJK, leading punctuation) search every text.
 */
export function keywordTest(pattern: string, fields: readonly FilterField[]): KeywordTest | null {
  const alts = alternatives(pattern).map((alt) => {
    const first = FIRST_WORD.exec(alt)?.[0] ?? '';
    const word = CJK.test(first) ? '' : first;
    return { word, justWord: word !== '' && word === alt, re: new RegExp(altSource(alt), word ? 'uy' : 'u') };
  });
  return alts.length === 0 ? null : { fields, alts };
}

type Entry = { test: KeywordTest; justWord: boolean; re: RegExp };
/** The tests found to match a paper (shared with other matchers of the pass). */
type Hits = { has(test: KeywordTest): boolean; add(test: KeywordTest): void };
type Entries = Map<string, Entry[]>;

/** Per field, the alternatives by first word and the searches for those words. */
interface FieldIndex {
  field: FilterField;
  byWord: Entries;
  /** In a short folded text. */
  words: RegExp;
  /** In a long one's word-start view (text.ts), where only whole words are worth finding. */
  wordStarts: RegExp;
}

/**
 * Every keyword test of a pass, matched together: per field, one regex finds the first words of
 * all alternatives in a text (one scan per text instead of one per rule; in a long text, a scan of
 * its word-start view), then only the alternatives starting with the word found are tried, at
 * that position. Adds, per paper, the tests that match to `hits`.
 */
export function keywordMatcher(tests: readonly KeywordTest[]): (texts: PaperTexts, hits: Hits) => void {
  const byField = new Map<FilterField, Entries>();
  for (const test of tests)
    for (const field of test.fields) {
      const byWord: Entries = byField.get(field) ?? new Map();
      byField.set(field, byWord);
      for (const { word, justWord, re } of test.alts)
        listAt(byWord, word).push({ test, justWord, re });
    }
  const index: FieldIndex[] = [...byField].map(([field, byWord]) => {
    const words = [...byWord.keys()].filter((w) => w !== '');
    return { field, byWord, words: wordScan(words), wordStarts: wordStartScan(words) };
  });
  return (texts, hits) => {
    for (const f of index)
      for (const { text, wordStarts } of texts.folded(f.field)) {
        tryAt(f.byWord.get(''), text, 0, hits);
        if (wordStarts === null) findWords(f, text, hits);
        else findWordStarts(f, text, wordStarts, hits);
      }
  };
}

// With no word at all, a regex that never matches.
const NOTHING = '[]';

/**
 * Finds the index words in a text. Words are letters and numbers only: nothing to escape. No
 * lookbehind here: it makes V8's scan several times slower, and each alternative checks it anyway.
 */
function wordScan(words: string[]): RegExp {
  return new RegExp(words.length === 0 ? NOTHING : `(?:${words.join('|')})${AFTER}`, 'gu');
}

/**
 * Finds, in a word-start view, a space followed by a whole index word (followed by a space or the
 * end: the view has a space wherever the text has no letter or number). Code units are enough:
 * the view and the words are letters, numbers and spaces.
 */
function wordStartScan(words: string[]): RegExp {
  return new RegExp(words.length === 0 ? NOTHING : ` (${words.join('|')})(?![^ ])`, 'g');
}

function findWords(f: FieldIndex, text: string, hits: Hits) {
  f.words.lastIndex = 0;
  for (let m = f.words.exec(text); m; m = f.words.exec(text)) tryAt(f.byWord.get(m[0]), text, m.index, hits);
}

// The view has one more character in front: the space before a word at index i of the text is at index i.
function findWordStarts(f: FieldIndex, text: string, view: string, hits: Hits) {
  const scan = f.wordStarts;
  scan.lastIndex = 0;
  for (let m = scan.exec(view); m; m = scan.exec(view)) {
    const word = m[1];
    if (word !== undefined) tryAtWordStart(f.byWord.get(word), text, m.index, hits);
  }
}

/** Like tryAt, where the word is known to be a whole word: an alternative that is just it matches. */
function tryAtWordStart(entries: Entry[] | undefined, text: string, at: number, hits: Hits) {
  for (const e of entries ?? []) {
    if (hits.has(e.test)) continue;
    if (e.justWord) hits.add(e.test);
    else tryOne(e, text, at, hits);
  }
}

function tryAt(entries: Entry[] | undefined, text: string, at: number, hits: Hits) {
  for (const e of entries ?? []) if (!hits.has(e.test)) tryOne(e, text, at, hits);
}

function tryOne({ test, re }: Entry, text: string, at: number, hits: Hits) {
  re.lastIndex = at;
  if (re.test(text)) hits.add(test);
}
