import { z } from 'zod';

import { ARXIV_ID_PATTERN } from './arxiv-id';

export { ARXIV_ID_PATTERN };
export const ArxivId = z.string().regex(ARXIV_ID_PATTERN, 'not an arXiv id');
export type ArxivId = z.infer<typeof ArxivId>;

const shortText = (max: number) => z.string().max(max);

/**
 * What we keep about a paper, whichever page or API it came from. Everything but id is optional:
 * a card without embedded data only gives us its id and title text.
 */
export const PaperMeta = z.object({
  id: ArxivId,
  title: shortText(2_000).optional(),
  authors: z.array(shortText(300)).max(5_000).optional(),
  /** The abstract (never the AI summary). */
  summary: shortText(20_000).optional(),
  aiSummary: shortText(5_000).optional(),
  /** HF's `ai_keywords`. */
  keywords: z.array(shortText(300)).max(500).optional(),
  /** arXiv date, ISO string. */
  publishedAt: shortText(40).optional(),
  /** The day it was on Daily Papers, ISO string. */
  submittedOnDailyAt: shortText(40).optional(),
  upvotes: z.number().int().min(0).optional(),
  numComments: z.number().int().min(0).optional(),
  githubRepo: shortText(2_000).optional(),
  githubStars: z.number().int().min(0).optional(),
  projectPage: shortText(2_000).optional(),
  organization: shortText(300).optional(),
  thumbnail: shortText(2_000).optional(),
});
export type PaperMeta = z.infer<typeof PaperMeta>;

/** Per-paper state as the user sees it. "new" is only ever decided by the page load that showed it. */
export const PaperState = z.enum(['new', 'unread', 'read']);
export type PaperState = z.infer<typeof PaperState>;

export const arxivAbsUrl = (id: string) => `https://arxiv.org/abs/${id}`;
export const arxivPdfUrl = (id: string) => `https://arxiv.org/pdf/${id}`;
export const hfPaperUrl = (id: string) => `https://huggingface.co/papers/${id}`;
