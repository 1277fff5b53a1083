import type { FilterField } from './rule';
import type { PaperMeta } from '../paper';

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

/**
 * Folded abstracts (and other long texts) across passes: the same papers are filtered again after
 * every rule edit and every batch of cards, and folding is the largest per-text cost that does not
 * depend on the rules. Short texts (names, keywords) fold faster than a lookup.
 */
const folds = new Map<string, string>();

function foldKept(text: string): string {
  if (text.length < 200) return fold(text);
  let f = folds.get(text);
  if (f === undefined) {
    if (folds.size >= 5_000) folds.clear();
    folds.set(text, (f = fold(text)));
  }
  return f;
}

/** The texts of one paper for one pass, shared by every rule. */
export interface PaperTexts {
  /** Clipped texts of a field, kept: every user regex reads them. */
  raw(field: FilterField): string[];
  /** Folded texts of a field, not kept: the keyword matcher asks once per field. */
  folded(field: FilterField): string[];
}

/** A class rather than closures: one is made per paper per pass. */
class Texts implements PaperTexts {
  private readonly kept: Partial<Record<FilterField, string[]>> = {};
  constructor(private readonly paper: PaperMeta) {}

  raw(field: FilterField): string[] {
    return (this.kept[field] ??= clippedTexts(this.paper, field));
  }

  folded(field: FilterField): string[] {
    return this.raw(field).map(foldKept);
  }
}

export function paperTexts(paper: PaperMeta): PaperTexts {
  return new Texts(paper);
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
