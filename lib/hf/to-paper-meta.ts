import { PaperMeta } from '../paper';
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
  // Absent, not undefined: optional fields stay out of stored rows and exports.
  const present = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined));
  const parsed = PaperMeta.safeParse(present);
  // Over-long third-party text: keep the id and the title rather than lose the paper.
  return parsed.success ? parsed.data : { id: paper.id, title: candidate.title?.slice(0, 2_000) };
}

export const itemToPaperMeta = (item: HfItem): PaperMeta => paperToPaperMeta(item.paper, item);
