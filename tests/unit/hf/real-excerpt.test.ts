import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePapersPage } from '../../../lib/hf/parse-page';
import { hfUrl, toDocument } from './load';

// The verbatim saved trending page excerpts (2026-10-07): the parser must read HF's real markup,
// not only our builders' imitation of it.
const html = readFileSync(resolve(process.cwd(), 'tests/fixtures/hf/pages/trending_2026-10-07_excerpts.html'), 'utf8');

function firstArticle(): string {
  const start = html.indexOf('<article');
  const end = html.indexOf('</article>', start);
  if (start < 0 || end < 0) throw new Error('no article in the excerpt');
  return html.slice(start, end + '</article>'.length);
}

describe('real trending excerpt', () => {
  it('the first real <article> (desktop + mobile copies) is exactly one card, 2610.05608', () => {
    const doc = toDocument(`<!doctype html><html><body class="DailyPapersPage"><main>${firstArticle()}</main></body></html>`);
    const page = parsePapersPage(doc, hfUrl('/papers/trending'));
    expect(page?.cards.map((c) => c.id)).toEqual(['2610.05608']);
    expect(page?.cards[0]?.meta.title).toBe('Kandinsky 6.0 Video: Foundation Models for Synchronized Video and Audio Generation');
    expect(page?.recognized).toBe(true);
  });

  it('the whole excerpt file parses (cut props are ignored, no throw)', () => {
    const page = parsePapersPage(toDocument(html), hfUrl('/papers/trending'));
    expect(page?.cards[0]?.id).toBe('2610.05608');
    expect(page?.cards.map((c) => c.id)).toContain('2509.22186');
    expect(page?.recognized).toBe(true);
  });
});
