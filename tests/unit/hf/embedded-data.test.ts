import { describe, expect, it } from 'vitest';
import { propsMatchKind, readListMetas, readListMetasInSlices, type Slicer } from '../../../lib/hf/embedded-data';
import { DailyPapersProps } from '../../../lib/hf/hf-schemas';
import type { PageKind } from '../../../lib/hf/page-kind';
import { buildPeriodPage, buildTrendingPage, loadApiItems } from '../../fixtures/pages';
import { toDocument } from './load';

const props = (raw: object) => DailyPapersProps.parse(raw);

const cases: [string, object, PageKind, boolean][] = [
  ['day matches', { dateString: '2026-07-31', periodType: 'day' }, { name: 'daily', date: '2026-07-31' }, true],
  ['other day', { dateString: '2026-07-30', periodType: 'day' }, { name: 'daily', date: '2026-07-31' }, false],
  ['2024 date', { date: '2024-05-10' }, { name: 'daily', date: '2024-05-10' }, true],
  ['2024 date with time', { date: '2024-05-10T00:00:00.000Z' }, { name: 'daily', date: '2024-05-10' }, true],
  ['week props on a day URL', { dateString: '2026-07-31', periodType: 'week' }, { name: 'daily', date: '2026-07-31' }, false],
  ['plain /papers, day props', { dateString: '2026-07-31', periodType: 'day' }, { name: 'daily' }, true],
  ['plain /papers, no period', { dailyPapers: [] }, { name: 'daily' }, true],
  ['plain /papers, week props', { dateString: '2026-W30', periodType: 'week' }, { name: 'daily' }, false],
  ['plain /papers, trending props', { isTrending: true }, { name: 'daily' }, false],
  ['week matches', { dateString: '2026-W30', periodType: 'week' }, { name: 'week', week: '2026-W30' }, true],
  ['week, loose format', { dateString: '2026-w5', periodType: 'week' }, { name: 'week', week: '2026-W05' }, true],
  ['other week', { dateString: '2026-W29', periodType: 'week' }, { name: 'week', week: '2026-W30' }, false],
  ['week without periodType', { dateString: '2026-W30' }, { name: 'week', week: '2026-W30' }, false],
  ['month matches', { dateString: '2026-07', periodType: 'month' }, { name: 'month', month: '2026-07' }, true],
  ['month as a date', { dateString: '2026-07-01', periodType: 'month' }, { name: 'month', month: '2026-07' }, true],
  ['other month', { dateString: '2026-06', periodType: 'month' }, { name: 'month', month: '2026-07' }, false],
  ['trending', { isTrending: true }, { name: 'trending' }, true],
  ['not trending', { isTrending: false, periodType: 'day' }, { name: 'trending' }, false],
  ['search q', { query: { q: 'agents' } }, { name: 'search', q: 'agents' }, true],
  ['other q', { query: { q: 'agent' } }, { name: 'search', q: 'agents' }, false],
  ['no q', { query: {} }, { name: 'search', q: 'agents' }, false],
];

describe('propsMatchKind', () => {
  it.each(cases)('%s', (_label, raw, kind, expected) => {
    expect(propsMatchKind(props(raw), kind)).toBe(expected);
  });
});

describe('readListMetas', () => {
  const items = loadApiItems('daily_papers_2026-07-31');

  it('is a pure function of the document and the kind (no cache across URLs)', () => {
    const doc = toDocument(buildPeriodPage(items, { periodType: 'day', dateString: '2026-07-31' }));
    expect(readListMetas(doc, { name: 'daily', date: '2026-07-31' }).size).toBe(items.length);
    expect(readListMetas(doc, { name: 'daily', date: '2026-08-01' }).size).toBe(0);
    expect(readListMetas(doc, { name: 'daily', date: '2026-07-31' }).size).toBe(items.length);
  });

  it('reads the props again after the page swapped them (pushState switch)', () => {
    const doc = toDocument(buildTrendingPage(items));
    const island = doc.querySelector('[data-target="DailyPapers"]');
    expect(readListMetas(doc, { name: 'trending' }).size).toBe(items.length);
    island?.setAttribute('data-props', JSON.stringify({ isTrending: true, dailyPapers: items.slice(0, 3) }));
    expect(readListMetas(doc, { name: 'trending' }).size).toBe(3);
    island?.removeAttribute('data-props');
    expect(readListMetas(doc, { name: 'trending' }).size).toBe(0);
  });
});

describe('readListMetasInSlices (the page still loading)', () => {
  const kind: PageKind = { name: 'trending' };
  const sliceCalls: number[] = [];
  const slices: Slicer = async (items, work) => {
    sliceCalls.push(items.length);
    for (const item of items) work(item);
  };

  it('reads what readListMetas reads, through the given slicer, and keeps it for the next read', async () => {
    const items = loadApiItems('daily_papers_2026-07-31').slice(0, 12);
    const expected = readListMetas(toDocument(buildTrendingPage(items)), kind);
    const doc = toDocument(buildTrendingPage([...items].reverse())); // other props: the memo can't answer
    const metas = await readListMetasInSlices(doc, kind, slices);
    expect(sliceCalls).toEqual([items.length]);
    expect(new Map([...(metas ?? [])].sort(([a], [b]) => a.localeCompare(b)))).toEqual(
      new Map([...expected].sort(([a], [b]) => a.localeCompare(b))),
    );
    expect(readListMetas(doc, kind)).toBe(metas); // DOMContentLoaded's parse reads nothing again
  });

  it('is null without an island and empty when the props are about another page', async () => {
    expect(await readListMetasInSlices(toDocument('<main></main>'), kind, slices)).toBeNull();
    const daily = toDocument(buildPeriodPage(loadApiItems('daily_papers_2026-07-31').slice(0, 3), { periodType: 'day', dateString: '2026-07-31' }));
    expect((await readListMetasInSlices(daily, kind, slices))?.size).toBe(0);
  });
});
