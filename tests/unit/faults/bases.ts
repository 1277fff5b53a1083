import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  build2023DailyPage,
  buildPaperPage,
  buildPeriodPage,
  buildSearchPage,
  buildTrendingPage,
  loadApiItems,
} from '../../fixtures/pages';

/**
 * The pages the mutation sweep starts from: the real saved trending page (tests/fixtures/hf/pages)
 * and every page builder (tests/fixtures/pages) in each of its markups. Each base says where its
 * cards are, independently of the parser under test, so the sweep has its own ground truth.
 */
export type Base = {
  name: string;
  /** Path (and query) of the URL the page is served at. */
  path: string;
  html: string;
  /** `paper` = a paper's own page (no cards, a Save button after the h1). */
  page: 'list' | 'paper';
  /** The props list the cards come from (`searchResults` on search pages). */
  listKey: 'dailyPapers' | 'searchResults';
  /** The card elements of the unmutated page, in document order. */
  cardRoots(doc: Document): HTMLElement[];
  /**
   * Also run at 5,000 cards. Two layouts only: happy-dom needs ~10 s per 5,000-card page. Compact
   * cards are what week/month pages (HF's big lists) use; 2023 blocks take the parser's no-article path.
   */
  scale?: boolean;
};

/** A paper path exactly as hf-pages.md defines it (the oracle's own rule, not the parser's). */
const PAPER_HREF = /^(?:https:\/\/huggingface\.co)?\/papers\/(\d{4}\.\d{4,5})$/;

export function paperIdOfHref(href: string | null): string | null {
  return PAPER_HREF.exec(href ?? '')?.[1] ?? null;
}

const articles = (doc: Document) => [...doc.querySelectorAll<HTMLElement>('main article')];

/** 2023 cards are plain divs: the rounded block around each `h3 > a`. */
const blocks2023 = (doc: Document) =>
  [...doc.querySelectorAll('main h3 > a')].flatMap((a) => a.closest<HTMLElement>('div.rounded-xl') ?? []);

// Few cards per base keeps ~150 happy-dom pages fast; the 5,000-card mutant covers scale.
const N = 4;
const june = () => loadApiItems('daily_papers_2026-06-12').slice(0, N);
const july = () => loadApiItems('daily_papers_2026-07-31').slice(0, N);
const weekdays = () => loadApiItems('daily_papers_2026-07-13_to_07-27_weekdays').slice(40, 40 + N);

const REAL_PAGE = resolve(process.cwd(), 'tests/fixtures/hf/pages/trending_2026-10-07_excerpts.html');

/**
 * The saved trending page is cut (`[…ELIDED…]`), so its props are not JSON. Its one complete props
 * item and the real props tail (publisher, query, isTrending) make valid props again; the item is
 * re-keyed to each of the page's two real cards (id and title as the card shows them).
 */
function realTrendingHtml(): string {
  const html = readFileSync(REAL_PAGE, 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const island = doc.querySelector('[data-target="DailyPapers"]');
  const raw = island?.getAttribute('data-props') ?? '';
  const tail = raw.slice(raw.indexOf('{"paper":{"id":"2606.03748"'));
  const props: unknown = JSON.parse(`{"canSubmit":false,"dailyPapers":[${tail}`);
  if (!island || !isRecord(props) || !Array.isArray(props.dailyPapers)) throw new Error('real excerpt: props tail not found');
  const [template] = props.dailyPapers;
  props.dailyPapers = articles(doc).map((article) => rekey(template, article));
  island.setAttribute('data-props', JSON.stringify(props));
  return `<!doctype html>${doc.documentElement.outerHTML}`;
}

function rekey(template: unknown, article: HTMLElement): unknown {
  const link = article.querySelector('h3 a');
  const id = paperIdOfHref(link?.getAttribute('href') ?? null);
  const title = (link?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const item = structuredClone(template);
  if (!id || !isRecord(item) || !isRecord(item.paper)) throw new Error('real excerpt: card or item unreadable');
  Object.assign(item.paper, { id, title });
  return Object.assign(item, { title });
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type ListOptions = { cardRoots?: Base['cardRoots']; listKey?: Base['listKey']; scale?: boolean };

const list = (name: string, path: string, html: string, opts: ListOptions = {}): Base =>
  ({ name, path, html, page: 'list', listKey: opts.listKey ?? 'dailyPapers', cardRoots: opts.cardRoots ?? articles, scale: opts.scale });

export function allBases(): Base[] {
  const [paperItem] = june();
  if (!paperItem) throw new Error('fixture daily_papers_2026-06-12 is empty');
  return [
    list('real trending page (2026-10-07 excerpt)', '/papers/trending', realTrendingHtml()),
    list('trending 2026', '/papers/trending', buildTrendingPage(june())),
    list('daily 2026 compact', '/papers/date/2026-07-31', buildPeriodPage(july(), { periodType: 'day', dateString: '2026-07-31' }), { scale: true }),
    list('week 2026 compact', '/papers/week/2026-W30', buildPeriodPage(weekdays(), { periodType: 'week', dateString: '2026-W30' })),
    list('month 2026, absolute links + nav links', '/papers/month/2026-07',
      buildPeriodPage(weekdays(), { periodType: 'month', dateString: '2026-07', linkStyle: 'absolute', extraLinks: true })),
    list('daily 2024 (legacy ?date=)', '/papers?date=2024-05-10', buildPeriodPage(july(), { periodType: 'day', dateString: '2024-05-10', markup: '2024' })),
    list('daily 2023 (no article)', '/papers/date/2023-05-10', build2023DailyPage(july(), '2023-05-10'), { cardRoots: blocks2023, scale: true }),
    list('search 2026', '/papers?q=diffusion', buildSearchPage(june(), 'diffusion'), { listKey: 'searchResults' }),
    { name: 'paper page', path: `/papers/${paperItem.paper.id}`, html: buildPaperPage(paperItem), page: 'paper', listKey: 'dailyPapers', cardRoots: () => [] },
  ];
}
