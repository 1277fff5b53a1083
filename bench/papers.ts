import type { PaperMeta } from '../lib/paper';
import { makeItems } from '../tests/fixtures/pages';

/** `n` real-derived papers as the background stores them (the fixtures' items, cycled). */
export function benchPapers(n: number): PaperMeta[] {
  return makeItems(n).map((item) => ({
    id: item.paper.id,
    title: item.paper.title,
    summary: item.paper.summary,
    authors: (item.paper.authors ?? []).flatMap((a) => (a?.name ? [a.name] : [])),
    keywords: item.paper.ai_keywords,
    upvotes: item.paper.upvotes,
  }));
}
