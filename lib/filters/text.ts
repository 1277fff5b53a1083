import type { FilterField } from './rule';
import type { PaperMeta } from '../paper';

/** Longest text a rule ever looks at: bounds the work per paper whatever the page holds. */
export const FIELD_TEXT_MAX = 20_000;

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;

/**
 * Lower-case and strip diacritics so "Müller", "muller" and "MULLER" compare equal. Most texts
 * are ASCII, where normalizing changes nothing and costs more than the check.
 */
export function fold(text: string): string {
  return (NON_ASCII.test(text) ? text.normalize('NFD').replace(MARKS, '') : text).toLowerCase();
}

/** The texts of one paper for one pass, shared by every rule. */
export interface PaperTexts {
  /** Clipped texts of a field, kept: every user regex reads them. */
  raw(field: FilterField): string[];
  /** Folded texts of a field, not kept: the keyword matcher asks once per field. */
  folded(field: FilterField): string[];
}

export function paperTexts(paper: PaperMeta): PaperTexts {
  const kept: Partial<Record<FilterField, string[]>> = {};
  const raw = (field: FilterField) => (kept[field] ??= rawField(paper, field).map(clip));
  return { raw, folded: (field) => raw(field).map(fold) };
}

const clip = (s: string) => (s.length > FIELD_TEXT_MAX ? s.slice(0, FIELD_TEXT_MAX) : s);

const FIELD_TEXTS: Record<FilterField, (p: PaperMeta) => (string | undefined)[]> = {
  title: (p) => [p.title],
  // The abstract field covers HF's AI summary too: users mute a topic, not a field name.
  abstract: (p) => [p.summary, p.aiSummary],
  keywords: (p) => p.keywords ?? [],
  authors: (p) => p.authors ?? [],
};

const rawField = (p: PaperMeta, field: FilterField): string[] =>
  FIELD_TEXTS[field](p).filter((s): s is string => typeof s === 'string');
