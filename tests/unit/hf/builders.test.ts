import { describe, expect, it } from 'vitest';
import {
  build2023DailyPage,
  buildPaperPage,
  buildPeriodPage,
  buildSearchPage,
  buildTrendingPage,
  loadApiItems,
  makeItem,
  makeItems,
} from '../../fixtures/pages';
import { parsePapersPage } from '../../../lib/hf/parse-page';
import { hfUrl, toDocument } from './load';

const items = loadApiItems('daily_papers_2026-07-31').slice(0, 5);
const propsOf = (doc: Document, target = 'DailyPapers'): unknown =>
  JSON.parse(doc.querySelector(`[data-target="${target}"]`)?.getAttribute('data-props') ?? 'null');

describe('page builders', () => {
  it('list pages look like HF: body.DailyPapersPage, <main>, <html class="">', () => {
    for (const html of [
      buildTrendingPage(items),
      buildPeriodPage(items, { periodType: 'day', dateString: '2026-07-31' }),
      buildPeriodPage(items, { periodType: 'day', dateString: '2024-05-10', markup: '2024' }),
      build2023DailyPage(items, '2023-11-20'),
      buildSearchPage(items, 'agents'),
    ]) {
      const doc = toDocument(html);
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(doc.body.classList.contains('DailyPapersPage')).toBe(true);
      expect(doc.documentElement.getAttribute('class')).toBe('');
      expect(doc.querySelector('main [data-target="DailyPapers"]')).not.toBeNull();
    }
  });

  it('dark: <html class="dark">', () => {
    expect(toDocument(buildTrendingPage(items, { dark: true })).documentElement.className).toBe('dark');
  });

  it('trending articles hold a desktop and a mobile copy of the card', () => {
    const article = toDocument(buildTrendingPage(items)).querySelector('article');
    expect(article?.querySelector(':scope > div.hidden.md\\:flex')).not.toBeNull();
    expect(article?.querySelector(':scope > div.md\\:hidden')).not.toBeNull();
    expect(article?.querySelectorAll('h3 > a')).toHaveLength(2);
    expect(article?.querySelectorAll('a[href^="/login?next=%2Fpapers%2F"]')).toHaveLength(2);
    expect(article?.querySelectorAll('[role="checkbox"]')).toHaveLength(2);
  });

  it('props are embedded HTML-escaped and read back as the real shapes', () => {
    expect(propsOf(toDocument(buildTrendingPage(items)))).toMatchObject({ isTrending: true, dailyPapers: expect.any(Array) });
    expect(propsOf(toDocument(buildPeriodPage(items, { periodType: 'week', dateString: '2026-W31' }))))
      .toMatchObject({ periodType: 'week', dateString: '2026-W31' });
    expect(propsOf(toDocument(buildPeriodPage(items, { periodType: 'day', dateString: '2024-05-10', markup: '2024' }))))
      .toMatchObject({ date: '2024-05-10', prevDate: expect.any(String) });
    expect(propsOf(toDocument(buildSearchPage(items, 'agents')))).toMatchObject({ query: { q: 'agents' }, searchResults: expect.any(Array) });
    expect(propsOf(toDocument(buildPaperPage(items[0] ?? makeItem('2607.00001', 'x'))), 'PaperContent')).toMatchObject({ paper: { id: items[0]?.paper.id } });
  });

  it('props modes: omit, corrupt, stale', () => {
    const omit = toDocument(buildTrendingPage(items, { props: 'omit' }));
    expect(omit.querySelector('[data-target="DailyPapers"]')?.hasAttribute('data-props')).toBe(false);
    const corrupt = toDocument(buildTrendingPage(items, { props: 'corrupt' }));
    expect(() => propsOf(corrupt)).toThrow();
    const stale = toDocument(buildPeriodPage(items, { periodType: 'day', dateString: '2026-07-31', props: 'stale' }));
    expect(propsOf(stale)).toMatchObject({ dateString: '2026-07-30' });
  });

  it('2023 pages have no article, only h3 > a title links', () => {
    const doc = toDocument(build2023DailyPage(items, '2023-11-20'));
    expect(doc.querySelector('article')).toBeNull();
    expect(doc.querySelectorAll('h3 > a[href^="/papers/"]')).toHaveLength(items.length);
  });

  it('hostile titles are escaped in markup', () => {
    const html = buildTrendingPage([makeItem('2607.00001', '<img src=x onerror=alert(1)>')]);
    // `<` may stay literal inside the quoted data-props (as on HF); it never becomes an element.
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;</a>');
    expect(toDocument(html).querySelector('img[src="x"]')).toBeNull();
    expect(toDocument(html).querySelector('h3 > a')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('makeItems: n distinct, deterministic items with 2607.1xxxx ids', () => {
    const a = makeItems(600);
    expect(new Set(a.map((i) => i.paper.id)).size).toBe(600);
    expect(new Set(a.map((i) => i.paper.title)).size).toBe(600);
    expect(a.every((i) => /^2607\.1\d{4}$/.test(i.paper.id))).toBe(true);
    expect(makeItems(600)).toEqual(a);
  });

  it('a paper page without h1 and props is not recognized', () => {
    const doc = toDocument('<html><body><main><p>Something else</p></main></body></html>');
    expect(parsePapersPage(doc, hfUrl('/papers/2607.00001'))?.recognized).toBe(false);
  });
});
