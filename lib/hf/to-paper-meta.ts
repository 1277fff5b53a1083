import type { PaperMeta } from '../paper';
import { cleanText as clean } from './clean-text';
import type { HfItem, HfPaper } from './hf-schemas';

const count = (n: number | undefined) =>
  n === undefined || !Number.isFinite(n) ? undefined : Math.max(0, Math.round(n));

/** HF's paper object (embedded or `GET /api/papers/<id>`) → our metadata, bounded by PaperMeta. */
export function paperToPaperMeta(paper: HfPaper, item?: HfItem): PaperMeta {
  const authors = (paper.authors ?? [])
    .flatMap((author) => (author && !author.hidden ? [clean(author.name)] : []))
    .filter((name): name is string => Boolean(name));
  const organization = paper.organization ?? item?.organization;
  const candidate = {
    id: paper.id,
    title: clean(paper.title ?? item?.title),
    authors: authors.length ? authors : undefined,
    summary: clean(paper.summary ?? item?.summary),
    aiSummary: clean(paper.ai_summary),
    keywords: paper.ai_keywords?.length ? paper.ai_keywords.map((k) => k.trim()).filter(Boolean) : undefined,
    publishedAt: paper.publishedAt,
    submittedOnDailyAt: paper.submittedOnDailyAt,
    upvotes: count(paper.upvotes),
    numComments: count(item?.numComments),
    githubRepo: paper.githubRepo,
    githubStars: count(paper.githubStars),
    projectPage: paper.projectPage,
    organization: clean(organization?.fullname ?? organization?.name),
    thumbnail: item?.thumbnail,
  };
  return bounded(candidate);
}

/**
 * PaperMeta's limits (lib/paper.ts), by hand: this file is in the content script, which must not
 * bundle Zod; the background validates the result with the PaperMeta schema. Lists: entries ≤ 300.
 */
const TEXT_LIMITS: Record<string, number> = {
  title: 2_000, summary: 20_000, aiSummary: 5_000, publishedAt: 40, submittedOnDailyAt: 40,
  githubRepo: 2_000, projectPage: 2_000, organization: 300, thumbnail: 2_000,
};
const LIST_LIMITS: Record<string, number> = { authors: 5_000, keywords: 500 };

function clip(key: string, value: unknown): unknown {
  if (typeof value === 'string') return value.slice(0, TEXT_LIMITS[key]);
  if (Array.isArray(value)) return value.slice(0, LIST_LIMITS[key]).map((entry: string) => entry.slice(0, 300));
  return value;
}

function bounded(meta: PaperMeta): PaperMeta {
  // Absent, not undefined: optional fields stay out of stored rows and exports.
  const entries = Object.entries(meta).filter(([, value]) => value !== undefined);
  return Object.fromEntries(entries.map(([key, value]) => [key, clip(key, value)])) as PaperMeta;
}

export const itemToPaperMeta = (item: HfItem): PaperMeta => paperToPaperMeta(item.paper, item);
