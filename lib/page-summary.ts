import { z } from 'zod';
import { ArxivId } from './paper';
import { PageKindName } from './hf/page-kind-name';

/**
 * What a papers tab reports to the background after each annotation pass; the popup and the
 * badge describe the tab from it. Counts follow product.md §4: "unread" = not read and not
 * hidden (new included); "new" = the part of those never shown before this page load.
 */
export const PageSummary = z.object({
  url: z.string().max(4_000),
  kind: PageKindName,
  /** False when paper links are present but no card was recognized (HF changed its markup). */
  recognized: z.boolean(),
  ids: z.array(ArxivId).max(20_000),
  /** Ids that were new on this page load (decided once per load). */
  newIds: z.array(ArxivId).max(20_000),
  counts: z.object({
    total: z.number().int().min(0),
    new: z.number().int().min(0),
    unread: z.number().int().min(0),
    hidden: z.number().int().min(0),
  }),
  updatedAt: z.number().int(),
});
export type PageSummary = z.infer<typeof PageSummary>;
