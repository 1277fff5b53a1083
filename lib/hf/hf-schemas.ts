import { z } from 'zod';
import { ArxivId } from '../paper';

/**
 * The shapes HF embeds in pages (`DailyPapers`, `PaperContent` props) and returns from its API.
 * Unchanged since 2023 but third-party: every field we do not strictly need is optional, extra
 * fields pass through, and a wrong type on an optional field drops that field, not the paper.
 */
const lenient = <T extends z.ZodTypeAny>(schema: T) => schema.optional().catch(undefined);

export const HfAuthor = z.looseObject({
  name: z.string(),
  hidden: lenient(z.boolean()),
});

export const HfOrganization = z.looseObject({
  name: lenient(z.string()),
  fullname: lenient(z.string()),
});

export const HfPaper = z.looseObject({
  id: ArxivId,
  title: lenient(z.string()),
  authors: lenient(z.array(HfAuthor.optional().catch(undefined))),
  publishedAt: lenient(z.string()),
  submittedOnDailyAt: lenient(z.string()),
  summary: lenient(z.string()),
  upvotes: lenient(z.number()),
  githubRepo: lenient(z.string()),
  githubStars: lenient(z.number()),
  projectPage: lenient(z.string()),
  ai_summary: lenient(z.string()),
  ai_keywords: lenient(z.array(z.string())),
  organization: lenient(HfOrganization),
  withdrawnAt: lenient(z.string()),
});
export type HfPaper = z.infer<typeof HfPaper>;

/** One entry of `dailyPapers` / `searchResults` / `GET /api/daily_papers`. */
export const HfItem = z.looseObject({
  paper: HfPaper,
  title: lenient(z.string()),
  summary: lenient(z.string()),
  thumbnail: lenient(z.string()),
  numComments: lenient(z.number()),
  organization: lenient(HfOrganization),
});
export type HfItem = z.infer<typeof HfItem>;

/** Keep the valid items of a list, drop the rest (a partial list beats none). */
export function parseItems(raw: unknown): HfItem[] {
  if (!Array.isArray(raw)) return [];
  const items: HfItem[] = [];
  for (const entry of raw) {
    const parsed = HfItem.safeParse(entry);
    if (parsed.success) items.push(parsed.data);
  }
  return items;
}

export const DailyPapersProps = z.looseObject({
  dailyPapers: lenient(z.unknown()),
  searchResults: lenient(z.unknown()),
  query: lenient(z.looseObject({ q: lenient(z.string()) })),
  isTrending: lenient(z.boolean()),
  /** Period pages since 2025. */
  dateString: lenient(z.string()),
  periodType: lenient(z.enum(['day', 'week', 'month'])),
  /** 2024 daily pages carried `date` instead of `dateString`. */
  date: lenient(z.string()),
});
export type DailyPapersProps = z.infer<typeof DailyPapersProps>;

export const PaperContentProps = z.looseObject({
  paper: HfPaper,
});
export type PaperContentProps = z.infer<typeof PaperContentProps>;
