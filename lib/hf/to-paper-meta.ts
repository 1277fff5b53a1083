import type { PaperMeta } from '../paper';
import type { HfItem, HfPaper } from './hf-schemas';

/** arXiv titles and abstracts carry hard line breaks; keep the text, fold the whitespace. */
const clean = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim() || undefined;
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
 * Clip third-party text to PaperMeta's limits (by hand: this file is in the content script, which
 * must not bundle Zod); the background validates the result with the PaperMeta schema.
 */
const cut = (text: string | undefined, max: number) => text?.slice(0, max);
const cutList = (list: string[] | undefined, max: number, each: number) =>
  list?.slice(0, max).map((entry) => entry.slice(0, each));

function bounded(meta: PaperMeta): PaperMeta {
  const clipped: PaperMeta = {
    ...meta,
    title: cut(meta.title, 2_000),
    authors: cutList(meta.authors, 5_000, 300),
    summary: cut(meta.summary, 20_000),
    aiSummary: cut(meta.aiSummary, 5_000),
    keywords: cutList(meta.keywords, 500, 300),
    publishedAt: cut(meta.publishedAt, 40),
    submittedOnDailyAt: cut(meta.submittedOnDailyAt, 40),
    githubRepo: cut(meta.githubRepo, 2_000),
    projectPage: cut(meta.projectPage, 2_000),
    organization: cut(meta.organization, 300),
    thumbnail: cut(meta.thumbnail, 2_000),
  };
  // Absent, not undefined: optional fields stay out of stored rows and exports.
  return Object.fromEntries(Object.entries(clipped).filter(([, v]) => v !== undefined)) as PaperMeta;
}

export const itemToPaperMeta = (item: HfItem): PaperMeta => paperToPaperMeta(item.paper, item);
