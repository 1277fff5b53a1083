import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HfItem, parseItems } from '../../../lib/hf/hf-schemas';
import { readItem, readItems } from '../../../lib/hf/read-props';
import { itemToPaperMeta } from '../../../lib/hf/to-paper-meta';
import { PaperMeta } from '../../../lib/paper';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(resolve(process.cwd(), 'tests/fixtures/hf/api', name), 'utf8'));

const FIXTURES = ['daily_papers_2026-06-12.json', 'daily_papers_2026-07-31.json'];

describe('the content script’s hand-written props reader', () => {
  it.each(FIXTURES)('gives the same metadata as the Zod schemas on %s', (name) => {
    const raw = fixture(name);
    const byHand = readItems(raw).map(itemToPaperMeta);
    const byZod = parseItems(raw).map(itemToPaperMeta);
    expect(byHand.length).toBeGreaterThan(20);
    expect(byHand).toEqual(byZod);
  });

  it('drops a wrong optional field, not the paper, like the schema does', () => {
    const raw = { paper: { id: '2606.00001', title: 42, upvotes: 'many', ai_keywords: ['a', 3] }, numComments: '2' };
    expect(readItem(raw)?.paper.id).toBe('2606.00001');
    expect(itemToPaperMeta(readItem(raw) as HfItem)).toEqual(itemToPaperMeta(HfItem.parse(raw)));
  });

  it('refuses items without a valid arXiv id', () => {
    expect(readItems([{ paper: { id: 'x' } }, { paper: {} }, null, 'str', { nopaper: 1 }])).toEqual([]);
  });

  it('clips over-long third-party text so the background’s PaperMeta schema accepts it', () => {
    const huge = 'x'.repeat(100_000);
    const item = readItem({
      paper: { id: '2606.00002', title: huge, summary: huge, ai_keywords: Array(900).fill(huge), upvotes: -5 },
      thumbnail: huge,
    });
    expect(item).not.toBeNull();
    const meta = itemToPaperMeta(item as HfItem);
    expect(PaperMeta.safeParse(meta).success).toBe(true);
    expect(meta.title?.length).toBe(2_000);
    expect(meta.upvotes).toBe(0);
  });

  it('clips every text and list field to its PaperMeta limit, and keeps the id whole', () => {
    const huge = 'y'.repeat(30_000);
    const item = readItem({
      paper: {
        id: '2606.00003', title: huge, summary: huge, ai_summary: huge, publishedAt: huge, submittedOnDailyAt: huge,
        githubRepo: huge, projectPage: huge, organization: { name: huge },
        authors: Array.from({ length: 6_000 }, () => ({ name: huge })), ai_keywords: Array(900).fill(huge),
      },
      thumbnail: huge,
    });
    const meta = itemToPaperMeta(item as HfItem);
    expect(PaperMeta.safeParse(meta).error).toBeUndefined();
    expect(meta.id).toBe('2606.00003');
    expect([meta.authors?.length, meta.keywords?.length, meta.authors?.[0]?.length]).toEqual([5_000, 500, 300]);
    expect([meta.summary?.length, meta.aiSummary?.length, meta.publishedAt?.length, meta.organization?.length]).toEqual([20_000, 5_000, 40, 300]);
  });
});
