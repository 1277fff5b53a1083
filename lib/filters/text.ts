import type { FilterField } from './rule';
import type { PaperMeta } from '../paper';

/** Longest text a rule ever looks at: bounds the work per paper whatever the page holds. */
export const FIELD_TEXT_MAX = 20_000;

/** Lower-case and strip diacritics so "Müller", "muller" and "MULLER" compare equal. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The texts of one paper, computed once per pass and shared by every rule. */
export interface PaperTexts {
  raw: Record<FilterField, string[]>;
  folded: Record<FilterField, string[]>;
}

const clip = (s: string) => (s.length > FIELD_TEXT_MAX ? s.slice(0, FIELD_TEXT_MAX) : s);

function rawFields(p: PaperMeta): Record<FilterField, string[]> {
  // The abstract field covers HF's AI summary too: users mute a topic, not a field name.
  const abstract = [p.summary, p.aiSummary].filter((s): s is string => typeof s === 'string');
  return {
    title: p.title === undefined ? [] : [clip(p.title)],
    abstract: abstract.map(clip),
    keywords: (p.keywords ?? []).map(clip),
    authors: (p.authors ?? []).map(clip),
  };
}

export function paperTexts(p: PaperMeta): PaperTexts {
  const raw = rawFields(p);
  return {
    raw,
    folded: {
      title: raw.title.map(fold),
      abstract: raw.abstract.map(fold),
      keywords: raw.keywords.map(fold),
      authors: raw.authors.map(fold),
    },
  };
}
