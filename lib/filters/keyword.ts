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
  /** `word`: what the index finds it by ('' for none: tried on every text). */
  alts: { word: string; re: RegExp }[];
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
    return { word, re: new RegExp(altSource(alt), word ? 'uy' : 'u') };
  });
  return alts.length === 0 ? null : { fields, alts };
}

type Entry = { test: KeywordTest; re: RegExp };
/** The tests found to match a paper (shared with other matchers of the pass). */
type Hits = { has(test: KeywordTest): boolean; add(test: KeywordTest): void };
type Entries = Map<string, Entry[]>;

/**
 * Every keyword test of a pass, matched together: per field, one regex finds the first words of
 * all alternatives in a text (one scan per text instead of one per rule), then only the
 * alternatives starting with the word found are tried, at that position. Adds, per paper, the
 * tests that match to `hits`.
 */
export function keywordMatcher(tests: readonly KeywordTest[]): (texts: PaperTexts, hits: Hits) => void {
  const byField = new Map<FilterField, Entries>();
  for (const test of tests)
    for (const field of test.fields) {
      const byWord: Entries = byField.get(field) ?? new Map();
      byField.set(field, byWord);
      for (const { word, re } of test.alts) byWord.set(word, [...(byWord.get(word) ?? []), { test, re }]);
    }
  const scans = [...byField].map(([field, byWord]) => [field, byWord, wordScan(byWord)] as const);
  return (texts, hits) => {
    for (const [field, byWord, scan] of scans)
      for (const text of texts.folded(field)) {
        tryAt(byWord.get(''), text, 0, hits);
        scan.lastIndex = 0;
        for (let m = scan.exec(text); m; m = scan.exec(text)) tryAt(byWord.get(m[0]), text, m.index, hits);
      }
  };
}

/**
 * Finds the index words in a text. Words are letters and numbers only: nothing to escape. No
 * lookbehind here: it makes V8's scan several times slower, and each alternative checks it anyway.
 */
function wordScan(byWord: Entries): RegExp {
  const words = [...byWord.keys()].filter((w) => w !== '');
  // With no word at all, a regex that never matches.
  return new RegExp(words.length === 0 ? '[]' : `(?:${words.join('|')})${AFTER}`, 'gu');
}

function tryAt(entries: Entry[] | undefined, text: string, at: number, hits: Hits) {
  for (const { test, re } of entries ?? []) {
    if (hits.has(test)) continue;
    re.lastIndex = at;
    if (re.test(text)) hits.add(test);
  }
}
