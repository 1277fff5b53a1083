import type { FilterField } from './rule';
import type { PaperMeta } from '../paper';
import { isPlainText } from './regex-test';

/** Longest text a rule ever looks at: bounds the work per paper whatever the page holds. */
export const FIELD_TEXT_MAX = 20_000;

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;

/** Lower-case and strip diacritics so "Müller", "muller" and "MULLER" compare equal. */
export function fold(text: string): string {
  // Most texts are ASCII, where normalizing changes nothing and costs more than this check.
  return (NON_ASCII.test(text) ? text.normalize('NFD').replace(MARKS, '') : text).toLowerCase();
}

/** A folded text; a long one also comes with its word-start view. */
export interface FoldedText {
  text: string;
  /** See wordStartView. Null for short texts: building it costs more than it saves on one search. */
  wordStarts: string | null;
}

// Not a letter, number or space: in an ASCII folded text (lower case), and in any.
const NOT_WORD_ASCII = /[^a-z0-9 ]/g;
const NOT_WORD = /[^\p{L}\p{N} ]/gu;

/**
 * A space, then the folded text with every character that is not a letter or number replaced by a
 * space (an astral one by two: positions stay). A whole word can start at position p of the text
 * exactly where this view has a space at p (the character before it is no letter or number, or p
 * is 0), so a search for " word" in it finds them all, at their index. V8 runs a search led by a
 * literal character by jumping from one to the next: ~3x faster on abstracts than a search for
 * the words themselves, which tries every position.
 */
export function wordStartView(folded: string): string {
  const view = NON_ASCII.test(folded)
    ? folded.replace(NOT_WORD, (c) => (c.length === 2 ? '  ' : ' '))
    : folded.replace(NOT_WORD_ASCII, ' ');
  return ` ${view}`;
}

/**
 * What the text side of a pass keeps across passes. One set per FilterEngine (match.ts), created
 * with it: no module state, so each context (and each test) has its own.
 */
export interface TextCaches {
  /**
   * Folded abstracts (and other long texts), with their word-start views, across passes: the same
   * papers are filtered again after every rule edit and every batch of cards, and these are the
   * largest per-text costs that do not depend on the rules. Short texts (names, keywords) fold
   * faster than a lookup.
   */
  folds: Map<string, FoldedText>;
  /** Whether a text is plain (regex-test.ts `isPlainText`). */
  plainTexts: Map<string, boolean>;
}

export function createTextCaches(): TextCaches {
  return { folds: new Map(), plainTexts: new Map() };
}

function foldKept(text: string, folds: Map<string, FoldedText>): FoldedText {
  if (text.length < 200) return { text: fold(text), wordStarts: null };
  let f = folds.get(text);
  if (f === undefined) {
    if (folds.size >= 5_000) folds.clear();
    const folded = fold(text);
    folds.set(text, (f = { text: folded, wordStarts: wordStartView(folded) }));
  }
  return f;
}

/** The texts of one paper for one pass, shared by every rule. */
export interface PaperTexts {
  /** Clipped texts of a field, kept: every user regex reads them. */
  raw(field: FilterField): string[];
  /** Folded texts of a field, not kept: the keyword matcher asks once per field. */
  folded(field: FilterField): FoldedText[];
  /** Whether one of its texts is plain (regex-test.ts): the regex prefilter picks its words by it. */
  isPlain(text: string): boolean;
}

/** A class rather than closures: one is made per paper per pass. */
class Texts implements PaperTexts {
  private readonly kept: Partial<Record<FilterField, string[]>> = {};
  constructor(
    private readonly paper: PaperMeta,
    private readonly caches: TextCaches,
  ) {}

  raw(field: FilterField): string[] {
    return (this.kept[field] ??= clippedTexts(this.paper, field));
  }

  folded(field: FilterField): FoldedText[] {
    return this.raw(field).map((text) => foldKept(text, this.caches.folds));
  }

  isPlain(text: string): boolean {
    return isPlainText(text, this.caches.plainTexts);
  }
}

export function paperTexts(paper: PaperMeta, caches: TextCaches): PaperTexts {
  return new Texts(paper, caches);
}

const clip = (s: string) => (s.length > FIELD_TEXT_MAX ? s.slice(0, FIELD_TEXT_MAX) : s);

const FIELD_TEXTS: Record<FilterField, (p: PaperMeta) => readonly (string | undefined)[] | undefined> = {
  title: (p) => [p.title],
  // The abstract field covers HF's AI summary too: users mute a topic, not a field name.
  abstract: (p) => [p.summary, p.aiSummary],
  keywords: (p) => p.keywords,
  authors: (p) => p.authors,
};

function clippedTexts(p: PaperMeta, field: FilterField): string[] {
  const texts: string[] = [];
  for (const s of FIELD_TEXTS[field](p) ?? []) if (typeof s === 'string') texts.push(clip(s));
  return texts;
}
