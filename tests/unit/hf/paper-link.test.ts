import { describe, expect, it } from 'vitest';
import { paperIdFromHref } from '../../../lib/hf/paper-link';

const papers: [string, string][] = [
  ['/papers/2610.05608', '2610.05608'],
  ['/papers/2502.01234', '2502.01234'],
  ['/papers/0704.0001', '0704.0001'],
  ['https://huggingface.co/papers/2610.05608', '2610.05608'],
  ['https://huggingface.co/papers/2610.05608?utm_source=x', '2610.05608'],
  ['/papers/2610.05608?src=card', '2610.05608'],
  ['  /papers/2610.05608  ', '2610.05608'],
];

const notPapers: [string, string | null | undefined][] = [
  ['date page', '/papers/date/2026-07-31'],
  ['week page', '/papers/week/2026-W30'],
  ['month page', '/papers/month/2026-07'],
  ['trending', '/papers/trending'],
  ['papers root', '/papers'],
  ['papers root slash', '/papers/'],
  ['legacy date', '/papers?date=2026-07-31'],
  ['comments', '/papers/2610.05608#community'],
  ['absolute comments', 'https://huggingface.co/papers/2610.05608#community'],
  ['any hash', '/papers/2610.05608#abstract'],
  ['login upvote', '/login?next=%2Fpapers%2F2610.05608'],
  ['absolute login', 'https://huggingface.co/login?next=%2Fpapers%2F2610.05608'],
  ['other host', 'https://example.com/papers/2610.05608'],
  ['www host', 'https://www.huggingface.co/papers/2610.05608'],
  ['lookalike host', 'https://huggingface.co.evil.com/papers/2610.05608'],
  ['arxiv abs', 'https://arxiv.org/abs/2610.05608'],
  ['arxiv pdf', 'https://arxiv.org/pdf/2610.05608'],
  ['sub path', '/papers/2610.05608/discussion'],
  ['trailing slash', '/papers/2610.05608/'],
  ['short id', '/papers/2610.056'],
  ['long id', '/papers/2610.056089'],
  ['no dot', '/papers/261005608'],
  ['relative without slash', 'papers/2610.05608'],
  ['org page', '/kandinskylab'],
  ['github', 'https://github.com/kandinskylab/kandinsky-6'],
  ['javascript', 'javascript:alert(1)'],
  ['empty', ''],
  ['null', null],
  ['undefined', undefined],
];

describe('paperIdFromHref', () => {
  it.each(papers)('%s is a paper link', (href, id) => {
    expect(paperIdFromHref(href)).toBe(id);
  });

  it.each(notPapers)('%s is not a paper link', (_label, href) => {
    expect(paperIdFromHref(href)).toBeNull();
  });
});
