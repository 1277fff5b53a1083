import { describe, expect, it } from 'vitest';
import { paperApiUrl, parseDailyPapersResponse, parsePaperResponse, todayApiUrl } from '../../../lib/hf/api';
import { loadApiItems } from '../../fixtures/pages';

describe('HF API helpers', () => {
  it('builds the daily and paper URLs', () => {
    expect(todayApiUrl('2026-07-31')).toBe('https://huggingface.co/api/daily_papers?date=2026-07-31&limit=100');
    expect(paperApiUrl('2610.05608')).toBe('https://huggingface.co/api/papers/2610.05608');
  });

  it('parses a real daily response into metas, keeping the valid items of a partly broken one', () => {
    const items = loadApiItems('daily_papers_2026-06-12');
    expect(parseDailyPapersResponse(items)).toHaveLength(30);
    const metas = parseDailyPapersResponse([...items.slice(0, 2), { paper: { id: 'nope' } }, 42]);
    expect(metas.map((m) => m.id)).toEqual(items.slice(0, 2).map((i) => i.paper.id));
    expect(metas[0]?.keywords?.length).toBeGreaterThan(0);
  });

  it('gives [] for a non-array body (error JSON)', () => {
    expect(parseDailyPapersResponse({ error: 'Invalid date' })).toEqual([]);
    expect(parseDailyPapersResponse(null)).toEqual([]);
  });

  it('parses the flat paper object of /api/papers/<id>', () => {
    const [item] = loadApiItems('daily_papers_2026-07-31');
    const meta = parsePaperResponse(item?.paper);
    expect(meta?.id).toBe(item?.paper.id);
    expect(meta?.authors?.length).toBeGreaterThan(0);
    expect(parsePaperResponse({ error: 'Paper not found' })).toBeNull();
    expect(parsePaperResponse(item)).toBeNull();
  });
});
