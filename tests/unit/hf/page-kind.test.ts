import { describe, expect, it } from 'vitest';
import { pageKindOf, type PageKind } from '../../../lib/hf/page-kind';

const HF = 'https://huggingface.co';

const cases: [string, PageKind | null][] = [
  [`${HF}/papers`, { name: 'daily' }],
  [`${HF}/papers/`, { name: 'daily' }],
  [`${HF}/papers/date/2026-07-31`, { name: 'daily', date: '2026-07-31' }],
  [`${HF}/papers/date/2026-07-31/`, { name: 'daily', date: '2026-07-31' }],
  [`${HF}/papers?date=2024-05-10`, { name: 'daily', date: '2024-05-10' }],
  [`${HF}/papers?date=`, { name: 'daily' }],
  [`${HF}/papers/week/2026-W30`, { name: 'week', week: '2026-W30' }],
  [`${HF}/papers/week/2026-W01`, { name: 'week', week: '2026-W01' }],
  [`${HF}/papers/month/2026-07`, { name: 'month', month: '2026-07' }],
  [`${HF}/papers/trending`, { name: 'trending' }],
  [`${HF}/papers/trending/`, { name: 'trending' }],
  [`${HF}/papers?q=diffusion`, { name: 'search', q: 'diffusion' }],
  [`${HF}/papers?q=source+citations`, { name: 'search', q: 'source citations' }],
  [`${HF}/papers/trending?q=agents`, { name: 'search', q: 'agents' }],
  [`${HF}/papers/date/2026-07-31?q=rl`, { name: 'search', q: 'rl' }],
  [`${HF}/papers/week/2026-W30?q=rl`, { name: 'search', q: 'rl' }],
  [`${HF}/papers/month/2026-07?q=rl`, { name: 'search', q: 'rl' }],
  [`${HF}/papers?date=2024-05-10&q=video`, { name: 'search', q: 'video' }],
  [`${HF}/papers?q=`, { name: 'daily' }],
  [`${HF}/papers/trending?q=`, { name: 'trending' }],
  [`${HF}/papers?q=%20%20`, { name: 'daily' }],
  [`${HF}/papers/2610.05608`, { name: 'paper', id: '2610.05608' }],
  [`${HF}/papers/2610.05608/`, { name: 'paper', id: '2610.05608' }],
  [`${HF}/papers/2610.05608#community`, { name: 'paper', id: '2610.05608' }],
  [`${HF}/papers/0704.0001`, { name: 'paper', id: '0704.0001' }],
  [`${HF}/papers/2502.1234`, { name: 'paper', id: '2502.1234' }],
  [`${HF}/papers/2610.05608?utm=x`, { name: 'paper', id: '2610.05608' }],
  [`${HF}/papers/date/garbage`, null],
  [`${HF}/papers/date/2026-13-01`, null],
  [`${HF}/papers/date/2026-07-31/extra`, null],
  [`${HF}/papers/date`, null],
  [`${HF}/papers?date=yesterday`, null],
  [`${HF}/papers/week/2026-30`, null],
  [`${HF}/papers/week/2026-W60`, null],
  [`${HF}/papers/month/2026-7`, null],
  [`${HF}/papers/month/2026-13`, null],
  [`${HF}/papers/trending/now`, null],
  [`${HF}/papers/2610.056`, null],
  [`${HF}/papers/2610.056081`, null],
  [`${HF}/papers/2610.05608/discussion`, null],
  [`${HF}/papers/submit`, null],
  [`${HF}/models`, null],
  [`${HF}/`, null],
  [`${HF}/papersx`, null],
  [`${HF}/datasets/papers`, null],
  ['https://www.huggingface.co/papers', null],
  ['https://hf.co/papers', null],
  ['https://huggingface.co.evil.com/papers', null],
  ['http://huggingface.co/papers', null],
  ['https://arxiv.org/abs/2610.05608', null],
  ['https://example.com/papers/2610.05608', null],
];

describe('pageKindOf', () => {
  it.each(cases)('%s', (url, expected) => {
    expect(pageKindOf(new URL(url))).toEqual(expected);
  });

  it('search wins over the list a query is typed on', () => {
    expect(pageKindOf(new URL(`${HF}/papers/trending?q=protein`))?.name).toBe('search');
  });
});
