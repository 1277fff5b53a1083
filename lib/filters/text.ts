import type { FilterField } from './rule';
import type { PaperMeta } from '../paper';

/** Longest text a rule ever looks at: bounds the work per paper whatever the page holds. */
export const FIELD_TEXT_MAX = 20_000;

/** Lower-case and strip diacritics so "Müller", "muller" and "MULLER" compare equal. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const ASCII_WORD_RUN = /[a-z0-9]+/g;
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Maximal runs of letters/numbers (of folded, lower-case text): what whole-word keywords are made
 * of. Most abstracts are ASCII, where a plain class is several times faster than `\p{…}`.
 */
export function wordRuns(text: string): string[] {
  return (ASCII_ONLY.test(text) ? text.match(ASCII_WORD_RUN) : text.match(WORD_RUN)) ?? [];
}

/**
 * The texts of one paper, computed lazily once per pass and shared by every rule: regex-only rule
 * sets never pay for folding, keyword rules share one token set per field.
 */
export class PaperTexts {
  private readonly foldedCache = new Map<FilterField, string[]>();
  private readonly tokenCache = new Map<FilterField, Set<string>>();
  private readonly rawCache = new Map<FilterField, string[]>();

  constructor(private readonly paper: PaperMeta) {}

  raw(field: FilterField): string[] {
    let v = this.rawCache.get(field);
    if (!v) this.rawCache.set(field, (v = rawField(this.paper, field).map(clip)));
    return v;
  }

  folded(field: FilterField): string[] {
    let v = this.foldedCache.get(field);
    if (!v) this.foldedCache.set(field, (v = this.raw(field).map(fold)));
    return v;
  }

  tokens(field: FilterField): Set<string> {
    let v = this.tokenCache.get(field);
    if (!v) this.tokenCache.set(field, (v = new Set(this.folded(field).flatMap(wordRuns))));
    return v;
  }
}

const clip = (s: string) => (s.length > FIELD_TEXT_MAX ? s.slice(0, FIELD_TEXT_MAX) : s);

function rawField(p: PaperMeta, field: FilterField): string[] {
  switch (field) {
    case 'title':
      return p.title === undefined ? [] : [p.title];
    case 'abstract':
      // The abstract field covers HF's AI summary too: users mute a topic, not a field name.
      return [p.summary, p.aiSummary].filter((s): s is string => typeof s === 'string');
    case 'keywords':
      return p.keywords ?? [];
    case 'authors':
      return p.authors ?? [];
  }
}

export const paperTexts = (p: PaperMeta): PaperTexts => new PaperTexts(p);
