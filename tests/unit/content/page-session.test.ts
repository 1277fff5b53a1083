import { beforeEach, describe, expect, it } from 'vitest';
import { SHOWN_BATCH } from '../../../lib/content/page-session';
import { buildPaperPage, buildPeriodPage, buildTrendingPage, makeItems } from '../../fixtures/pages';
import { FakeBackground, makeFeaturedSession, makeSession, rule, toDocument as loadPage } from './helpers';

let bg: FakeBackground;
beforeEach(() => {
  bg = new FakeBackground();
});

let doc: Document;
const stateOf = (id: string) => doc.querySelector(`[data-pi-id="${id}"]`)?.getAttribute('data-pi-state');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('page session', () => {
  it('renders without waiting for the settings, and hides what the background verdicts hide', async () => {
    let release = () => {};
    bg.contextGate = new Promise((resolve) => (release = resolve));
    const items = makeItems(3);
    bg.rules = [rule(items[1]?.paper.title ?? '', 'hide')];
    doc = loadPage(buildTrendingPage(items));
    const { session } = makeSession(doc, '/papers/trending', bg.transport);
    await session.navigate();
    expect(doc.querySelectorAll('[data-pi-state]')).toHaveLength(3); // get-page-context still pending
    expect(doc.querySelectorAll('[data-pi-filter="hidden"]')).toHaveLength(1);
    expect(bg.last('report-page')?.summary.counts.hidden).toBe(1);
    release();
  });

  it('sends one cards-shown per batch of at most 500 (600 cards → 2 messages) and reports once', async () => {
    const items = makeItems(600);
    doc = loadPage(buildPeriodPage(items, { periodType: 'week', dateString: '2026-W30' }));
    const { session } = makeSession(doc, '/papers/week/2026-W30', bg.transport);
    await session.navigate();
    expect(bg.count('cards-shown')).toBe(2);
    const sizes = bg.log.flatMap((r) => (r.type === 'cards-shown' ? [r.papers.length] : []));
    expect(sizes).toEqual([SHOWN_BATCH, 100]);
    expect(bg.count('get-page-context')).toBe(1);
    expect(doc.querySelectorAll('[data-pi-state="new"]')).toHaveLength(600);
    const report = bg.last('report-page');
    expect(report?.summary.counts).toEqual({ total: 600, new: 600, unread: 600, hidden: 0 });
    expect(report?.summary.kind).toBe('week');
  }, 20_000); // building and parsing a 600-card page in happy-dom takes a few seconds

  it('maps store states: new stays new for the page view; reload shows unread; read shows read', async () => {
    const items = makeItems(3);
    const [a, b] = items.map((i) => i.paper.id);
    if (!a || !b) throw new Error('ids');
    bg.read.add(b);
    doc = loadPage(buildTrendingPage(items));
    const first = makeSession(doc, '/papers/trending', bg.transport);
    await first.session.navigate();
    expect(stateOf(a)).toBe('new');
    expect(stateOf(b)).toBe('read');

    await first.session.onStoreChanged({ type: 'store-changed', ids: [a] });
    expect(stateOf(a)).toBe('new'); // still new during this page view
    expect(bg.count('get-states')).toBe(1);

    await first.session.navigate(); // a new page load (reload or soft navigation)
    expect(stateOf(a)).toBe('unread');
    expect(bg.last('report-page')?.summary.counts).toEqual({ total: 3, new: 0, unread: 2, hidden: 0 });
  });

  it('a new card read and then unread again (undo) shows as new for the rest of the page view', async () => {
    const items = makeItems(2);
    const id = items[0]?.paper.id ?? '';
    doc = loadPage(buildTrendingPage(items));
    const { session } = makeSession(doc, '/papers/trending', bg.transport);
    await session.navigate();
    bg.read.add(id);
    await session.onStoreChanged({ type: 'store-changed', ids: [id] });
    expect(stateOf(id)).toBe('read');
    expect(bg.last('report-page')?.summary.counts).toEqual({ total: 2, new: 1, unread: 1, hidden: 0 });
    bg.read.delete(id);
    await session.onStoreChanged({ type: 'store-changed', ids: [id] });
    expect(stateOf(id)).toBe('new');
  });

  it('applies the states a store-changed carries: no get-states, and only a changed card is re-rendered and reported', async () => {
    const items = makeItems(3);
    const [a, b] = items.map((i) => i.paper.id);
    if (!a || !b) throw new Error('ids');
    doc = loadPage(buildTrendingPage(items));
    const { session, abort } = makeSession(doc, '/papers/trending', bg.transport);
    await session.navigate();
    const before = { states: bg.count('get-states'), reports: bg.count('report-page') };
    const rendered: string[] = [];
    session.onChange((id) => rendered.push(id), abort.signal);

    // Another tab read b and saved it.
    await session.onStoreChanged({ type: 'store-changed', ids: [a, b], states: { read: [b], saved: [b] } });
    expect(stateOf(b)).toBe('read');
    expect(doc.querySelector(`[data-pi-id="${b}"]`)?.getAttribute('data-pi-saved')).toBe('true');
    expect(stateOf(a)).toBe('new');
    expect(rendered).toEqual([b]);
    expect(bg.count('get-states')).toBe(before.states);
    expect(bg.count('report-page')).toBe(before.reports + 1);
    expect(bg.last('report-page')?.summary.counts).toEqual({ total: 3, new: 2, unread: 2, hidden: 0 });

    // The echo of a change this page already shows: nothing is sent, nothing re-rendered.
    const sent = bg.log.length;
    rendered.length = 0;
    await session.onStoreChanged({ type: 'store-changed', ids: [b], states: { read: [b], saved: [b] }, origin: 'tok' });
    expect(bg.log.length).toBe(sent);
    expect(rendered).toEqual([]);
    expect(stateOf(b)).toBe('read');
  });

  it('hides filtered cards, counts them, and re-applies when rules change', async () => {
    const items = makeItems(4);
    const [first] = items;
    if (!first) throw new Error('items');
    const word = (first.paper.title ?? '').split(' ')[0] ?? '';
    bg.rules = [rule(word, 'hide')];
    doc = loadPage(buildTrendingPage(items));
    const { session } = makeSession(doc, '/papers/trending', bg.transport);
    await session.navigate();
    const card = doc.querySelector(`[data-pi-id="${first.paper.id}"]`);
    expect(card?.getAttribute('data-pi-filter')).toBe('hidden');
    expect(bg.last('report-page')?.summary.counts.hidden).toBeGreaterThanOrEqual(1);

    bg.rules = [];
    await session.onStoreChanged({ type: 'store-changed', rules: true });
    expect(card?.hasAttribute('data-pi-filter')).toBe(false);
    expect(bg.last('report-page')?.summary.counts.hidden).toBe(0);
  });

  it('retries a failed cards-shown with the same loadId', async () => {
    doc = loadPage(buildTrendingPage(makeItems(2)));
    const { session } = makeSession(doc, '/papers/trending', bg.transport);
    bg.failCardsShown = 2; // the service worker is restarting
    await session.navigate();
    expect(bg.count('cards-shown')).toBe(3);
    const shown = bg.log.filter((r) => r.type === 'cards-shown');
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(new Set(shown.map((r) => (r.type === 'cards-shown' ? r.loadId : ''))).size).toBe(1);
    expect(doc.querySelectorAll('[data-pi-state="new"]')).toHaveLength(2);
  });

  it('drops a stale answer after a soft navigation and never reuses the old page', async () => {
    const week = makeItems(5);
    doc = loadPage(buildPeriodPage(week.slice(0, 2), { periodType: 'week', dateString: '2026-W30' }));
    const h = makeSession(doc, '/papers/week/2026-W30', bg.transport);
    let release = () => {};
    bg.gate = new Promise((resolve) => (release = () => resolve()));
    const pending = h.session.navigate();
    while (bg.count('cards-shown') === 0) await settle();
    // HF switches to another week without a reload; the old answer arrives afterwards.
    doc.body.innerHTML = loadPage(buildPeriodPage(week.slice(2), { periodType: 'week', dateString: '2026-W31' })).body.innerHTML;
    h.setUrl('/papers/week/2026-W31');
    bg.gate = null;
    const next = h.session.navigate();
    await next;
    release();
    await pending;
    const ids = [...doc.querySelectorAll('[data-pi-id]')].map((el) => el.getAttribute('data-pi-id'));
    expect(ids).toEqual(week.slice(2).map((i) => i.paper.id));
    const loads = new Set(bg.log.flatMap((r) => (r.type === 'cards-shown' ? [r.loadId] : [])));
    expect(loads.size).toBe(2);
    expect(bg.last('report-page')?.summary.url).toBe('https://huggingface.co/papers/week/2026-W31');
  });

  it("on a paper's own page: records it, marks it read, adds a Save button after the h1, reports kind paper", async () => {
    const [item] = makeItems(1);
    if (!item) throw new Error('item');
    doc = loadPage(buildPaperPage(item));
    const { session } = makeFeaturedSession(doc, `/papers/${item.paper.id}`, bg.transport);
    await session.navigate();
    // With a retry token: a retry after the worker stopped mid-write logs one undo entry, not two.
    expect(bg.last('set-read')).toEqual({ type: 'set-read', ids: [item.paper.id], read: true, token: expect.any(String) });
    const save = doc.querySelector('h1 + [data-pi-ui] [data-pi-action="save"]');
    expect(save?.getAttribute('aria-label')).toBe('Save to reading list');
    expect(bg.last('report-page')?.summary.kind).toBe('paper');
  });

  it("on a paper's own page: a refused set-read is taken back, so the tab is not reported read", async () => {
    const [item] = makeItems(1);
    if (!item) throw new Error('item');
    doc = loadPage(buildPaperPage(item));
    bg.refuse['set-read'] = 'Storage is full: free some disk space, then try again.';
    const { session, failures } = makeFeaturedSession(doc, `/papers/${item.paper.id}`, bg.transport);
    await session.navigate();
    await settle();
    expect(bg.count('set-read')).toBe(1);
    expect(failures).toEqual(['Storage is full: free some disk space, then try again.']);
    expect(bg.last('report-page')?.summary.counts).toMatchObject({ total: 1, unread: 1 });
    expect(session.view(item.paper.id)?.state).not.toBe('read');
  });

  it("on a paper's own page: a paper saved before shows Saved, and the button toggles it", async () => {
    const [item] = makeItems(1);
    if (!item) throw new Error('item');
    doc = loadPage(buildPaperPage(item));
    bg.saved.add(item.paper.id);
    const { session } = makeFeaturedSession(doc, `/papers/${item.paper.id}`, bg.transport);
    await session.navigate();
    const save = doc.querySelector<HTMLButtonElement>('h1 + [data-pi-ui] [data-pi-action="save"]');
    expect(save?.getAttribute('aria-pressed')).toBe('true');
    expect(doc.querySelectorAll('[data-pi-ui="paper-controls"]')).toHaveLength(1);
    save?.click();
    await settle();
    expect(bg.saved.has(item.paper.id)).toBe(false);
    expect(save?.getAttribute('aria-pressed')).toBe('false');
  });

  it('re-annotates a replaced card with its known state without re-sending, and sends only unknown ones', async () => {
    const items = makeItems(3);
    doc = loadPage(buildTrendingPage(items.slice(0, 2)));
    const { session } = makeSession(doc, '/papers/trending', bg.transport);
    await session.navigate();
    // HF re-renders the grid: same first two papers (new elements) plus a third.
    const main = doc.querySelector('main');
    if (!main) throw new Error('main');
    main.innerHTML = loadPage(buildTrendingPage(items)).querySelector('main')?.innerHTML ?? '';
    const { findCards } = await import('../../../lib/hf/parse-page');
    await session.rescan(findCards(main, doc, new URL('https://huggingface.co/papers/trending')));
    expect(bg.count('cards-shown')).toBe(2);
    const second = bg.last('cards-shown');
    expect(second?.papers.map((p) => p.id)).toEqual([items[2]?.paper.id]);
    expect(doc.querySelectorAll('[data-pi-state="new"]')).toHaveLength(3);
    expect(doc.querySelectorAll('[data-pi-ui="controls"]')).toHaveLength(3);
  });
});
