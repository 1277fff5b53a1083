import { isArxivId } from '../arxiv-id';
import type { DailyPapersProps, HfItem, HfPaper, PaperContentProps } from './hf-schemas';

/**
 * Hand-written readers for the props HF embeds in its pages, with the same leniency as the Zod
 * schemas in hf-schemas.ts (a wrong optional field is dropped, not the paper; extra fields are
 * ignored). The content script uses these instead of Zod to stay within its 40 KB budget; what it
 * sends on is validated again with Zod by the background (CardsShown). tests/unit/hf/read-props
 * checks both readers agree on the real fixtures.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
const bool = (value: unknown) => (typeof value === 'boolean' ? value : undefined);
const strings = (value: unknown) =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;

function organization(value: unknown): HfPaper['organization'] {
  return isObject(value) ? { name: str(value.name), fullname: str(value.fullname) } : undefined;
}

function authors(value: unknown): HfPaper['authors'] {
  if (!Array.isArray(value)) return undefined;
  return value.map((a) =>
    isObject(a) && typeof a.name === 'string' ? { name: a.name, hidden: bool(a.hidden) } : undefined,
  );
}

export function readPaper(raw: unknown): HfPaper | null {
  if (!isObject(raw) || !isArxivId(raw.id)) return null;
  return {
    id: raw.id,
    title: str(raw.title),
    authors: authors(raw.authors),
    publishedAt: str(raw.publishedAt),
    submittedOnDailyAt: str(raw.submittedOnDailyAt),
    summary: str(raw.summary),
    upvotes: num(raw.upvotes),
    githubRepo: str(raw.githubRepo),
    githubStars: num(raw.githubStars),
    projectPage: str(raw.projectPage),
    ai_summary: str(raw.ai_summary),
    ai_keywords: strings(raw.ai_keywords),
    organization: organization(raw.organization),
    withdrawnAt: str(raw.withdrawnAt),
  };
}

export function readItem(raw: unknown): HfItem | null {
  const paper = isObject(raw) ? readPaper(raw.paper) : null;
  if (!paper || !isObject(raw)) return null;
  return {
    paper,
    title: str(raw.title),
    summary: str(raw.summary),
    thumbnail: str(raw.thumbnail),
    numComments: num(raw.numComments),
    organization: organization(raw.organization),
  };
}

/** Keep the valid items of a list, drop the rest (a partial list beats none). */
export function readItems(raw: unknown): HfItem[] {
  if (!Array.isArray(raw)) return [];
  return raw.map(readItem).filter((item): item is HfItem => item !== null);
}

const PERIODS = ['day', 'week', 'month'] as const;
const period = (value: unknown) => PERIODS.find((p) => p === value);

export function readDailyPapersProps(raw: unknown): DailyPapersProps | null {
  if (!isObject(raw)) return null;
  return {
    dailyPapers: raw.dailyPapers,
    searchResults: raw.searchResults,
    query: isObject(raw.query) ? { q: str(raw.query.q) } : undefined,
    isTrending: bool(raw.isTrending),
    dateString: str(raw.dateString),
    periodType: period(raw.periodType),
    date: str(raw.date),
  };
}

export function readPaperContentProps(raw: unknown): PaperContentProps | null {
  const paper = isObject(raw) ? readPaper(raw.paper) : null;
  return paper ? { paper } : null;
}
