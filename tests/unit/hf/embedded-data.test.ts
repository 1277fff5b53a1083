import { afterEach, describe, expect, it, vi } from 'vitest';
import { propsMatchKind, readListMetas, readListMetasInSlices, type Slicer } from '../../../lib/hf/embedded-data';
import { DailyPapersProps } from '../../../lib/hf/hf-schemas';
import type { PageKind } from '../../../lib/hf/page-kind';
import { SELECTORS } from '../../../lib/hf/selectors';
import { buildPeriodPage, buildSearchPage, buildTrendingPage, loadApiItems } from '../../fixtures/pages';
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
    expect(sliceCalls).toEqual([items.length - 2]); // the first and last are read with the props' own fields
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

describe('readListMetasInSlices parses item by item', () => {
  const kind: PageKind = { name: 'trending' };
  const allAtOnce: Slicer = async (items, work) => {
    for (const item of items) work(item);
  };
  const sorted = (metas: Map<string, unknown> | null) => [...(metas ?? [])].sort(([a], [b]) => a.localeCompare(b));
  const propsText = (doc: Document) => doc.querySelector(SELECTORS.dailyPapersIsland)?.getAttribute('data-props') ?? '';
  const parsedLengths = () => {
    const lengths: number[] = [];
    const parse = JSON.parse;
    vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      lengths.push(text.length);
      return parse(text, reviver) as unknown;
    });
    return lengths;
  };
  afterEach(() => vi.restoreAllMocks());

  it('never parses the whole props text in one step', async () => {
    const items = loadApiItems('daily_papers_2026-07-31').slice(0, 12);
    const doc = toDocument(buildTrendingPage(items));
    const lengths = parsedLengths();
    const metas = await readListMetasInSlices(doc, kind, allAtOnce);
    vi.restoreAllMocks();
    expect(metas?.size).toBe(12);
    expect(Math.max(...lengths)).toBeLessThan(propsText(doc).length / 3);
    expect(sorted(metas)).toEqual(sorted(readListMetas(toDocument(buildTrendingPage([...items].reverse())), kind)));
  });

  it('reads the whole text when the separator sits inside a string', async () => {
    const items = loadApiItems('daily_papers_2026-07-31').slice(0, 6);
    const tricky = items.map((item, i) => (i === 2 ? { ...item, summary: 'ends with },{"paper": here' } : item));
    const doc = toDocument(buildTrendingPage(tricky));
    const metas = await readListMetasInSlices(doc, kind, allAtOnce);
    expect(metas?.size).toBe(6);
    expect(metas?.get(items[2]?.paper.id ?? '')?.summary).toBeDefined();
    expect(readListMetas(doc, kind)).toBe(metas);
  });

  it('keeps a whole-text read whose list holds a null: the read was complete', async () => {
    const items = loadApiItems('daily_papers_2026-07-31').slice(0, 4);
    const withNull = [items[0], items[1], null, items[2], items[3]] as unknown as typeof items;
    const doc = toDocument(buildTrendingPage(items, { propsItems: withNull }));
    const metas = await readListMetasInSlices(doc, kind, allAtOnce);
    expect(metas?.size).toBe(4);
    expect(readListMetas(doc, kind)).toBe(metas);
  });

  it('reads the search results, and nothing from props about another page', async () => {
    const items = loadApiItems('daily_papers_2026-07-31').slice(0, 5);
    const search = toDocument(buildSearchPage(items, 'agents'));
    expect((await readListMetasInSlices(search, { name: 'search', q: 'agents' }, allAtOnce))?.size).toBe(5);
    const daily = toDocument(buildPeriodPage(items, { periodType: 'day', dateString: '2026-07-31' }));
    expect((await readListMetasInSlices(daily, kind, allAtOnce))?.size).toBe(0);
  });

  it('does not keep a list cut short: the next read sees every paper', async () => {
    const items = loadApiItems('daily_papers_2026-07-31').slice(0, 8);
    const doc = toDocument(buildTrendingPage(items));
    const firstHalf: Slicer = async (parts, work) => {
      for (const part of parts.slice(0, 2)) work(part);
    };
    const partial = await readListMetasInSlices(doc, kind, firstHalf);
    expect(partial?.size).toBeLessThan(8);
    expect(readListMetas(doc, kind).size).toBe(8);
  });
});
