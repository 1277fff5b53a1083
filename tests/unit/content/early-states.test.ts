import { beforeEach, describe, expect, it, vi } from 'vitest';
import { prefetchStates } from '../../../lib/content/early-states';
import { createMessenger } from '../../../lib/content/messenger';
import { buildTrendingPage, makeItems } from '../../fixtures/pages';
import { FakeBackground, makeSession, toDocument } from './helpers';

let bg: FakeBackground;
beforeEach(() => {
  bg = new FakeBackground();
});

const url = new URL('https://huggingface.co/papers/trending');
const request = createMessenger({ transport: (r) => bg.handle(r), onDead: () => {}, onFailure: () => {}, sleep: async () => {} });
const items = makeItems(3);
const ids = items.map((item) => item.paper.id);
const [first = '', second = '', third = ''] = ids;

describe('early states (asked while the page still loads)', () => {
  it('reads the listed ids from the island props and asks their states once, read-only', async () => {
    bg.shown.add(first);
    bg.read.add(second);
    bg.saved.add(third);
    const doc = toDocument(buildTrendingPage(items));
    const early = await prefetchStates(doc, url, request, new AbortController().signal);
    expect(bg.count('get-states')).toBe(1);
    expect(bg.count('cards-shown')).toBe(0); // nothing recorded before the cards are really shown
    expect(early?.url).toBe(url.href);
    expect(ids.map((id) => early?.stateOf(id))).toEqual(['unread', 'read', 'new']);
    expect([...(early?.saved ?? [])]).toEqual([third]);
  });

  it('sends the page data along only while filters may apply', async () => {
    const doc = toDocument(buildTrendingPage(items));
    await prefetchStates(doc, url, request, new AbortController().signal, () => false);
    expect(bg.last('get-states')?.papers).toBeUndefined();
    await prefetchStates(doc, url, request, new AbortController().signal, () => true);
    expect(bg.last('get-states')?.papers?.map((paper) => paper.id)).toEqual(ids);
  });

  it('waits for the island to be parsed; cards first or the DOM done without one: states by month', async () => {
    const full = toDocument(buildTrendingPage(items));
    const island = full.querySelector('[data-target="DailyPapers"]');
    const doc = toDocument('<!doctype html><html><head></head><body><main></main></body></html>');
    Object.defineProperty(doc, 'readyState', { value: 'loading', configurable: true }); // still parsing
    const pending = prefetchStates(doc, url, request, new AbortController().signal);
    expect(bg.count('get-states')).toBe(0);
    if (island) doc.querySelector('main')?.append(doc.importNode(island, true));
    const fromProps = await pending;
    expect(ids.map((id) => fromProps?.stateOf(id))).toEqual(['new', 'new', 'new']);
    expect(fromProps?.pending).toBeUndefined(); // the props named every paper: nothing to wait for

    const withoutIsland = toDocument('<!doctype html><html><body><main><article><a href="/papers/2507.00001">x</a></article></main></body></html>');
    const byMonth = await prefetchStates(withoutIsland, url, request, new AbortController().signal);
    expect(byMonth?.stateOf('2507.00001')).toBeUndefined(); // nothing asked yet: no prediction
    expect(byMonth?.pending?.('2507.00001')).toBe(true);
    expect(bg.last('get-month-states')?.month).toBe('2507.5');
    await vi.waitFor(() => expect(byMonth?.stateOf('2507.00001')).toBe('new'));
    expect(await prefetchStates(full, new URL('https://huggingface.co/papers/2507.00001'), request, new AbortController().signal)).toBeNull();
    expect(bg.count('get-states')).toBe(1);
  });

  it('annotates from the early states before cards-shown answers, which then confirms or corrects', async () => {
    bg.shown.add(first);
    bg.shown.add(second);
    const doc = toDocument(buildTrendingPage(items));
    const early = prefetchStates(doc, url, request, new AbortController().signal);
    await early;
    bg.shown.delete(second); // the store changed between the two answers: cards-shown wins
    let release = () => {};
    bg.gate = new Promise((resolve) => (release = resolve));
    const { session } = makeSession(doc, '/papers/trending', bg.transport);
    const done = session.navigate(early);
    const stateOf = (id: string) => doc.querySelector(`[data-pi-id="${id}"]`)?.getAttribute('data-pi-state');
    // Annotated in tasks of their own, while cards-shown still waits for its answer.
    await vi.waitFor(() => expect([first, second, third].map(stateOf)).toEqual(['unread', 'unread', 'new']));
    expect(bg.count('report-page')).toBe(0); // counts are reported from the confirmed states only
    release();
    await done;
    expect([first, second, third].map(stateOf)).toEqual(['unread', 'new', 'new']);
    expect(bg.last('report-page')?.summary.counts).toMatchObject({ total: 3, new: 2, unread: 3 });
  });

  it('annotates the cards already parsed while the page parses, the last at DOM ready', async () => {
    bg.read.add(second);
    const doc = toDocument(buildTrendingPage(items));
    let readyState: DocumentReadyState = 'loading';
    Object.defineProperty(doc, 'readyState', { get: () => readyState, configurable: true });
    const early = prefetchStates(doc, url, request, new AbortController().signal);
    const { session } = makeSession(doc, '/papers/trending', bg.transport);
    const placing = session.placeEarly(await early);
    const stateOf = (id: string) => doc.querySelector(`[data-pi-id="${id}"]`)?.getAttribute('data-pi-state') ?? null;
    // The last article may still be parsing: it waits.
    await vi.waitFor(() => expect([first, second, third].map(stateOf)).toEqual(['new', 'read', null]));
    expect(bg.count('cards-shown')).toBe(0);
    readyState = 'interactive';
    await placing;
    expect(session.placeRest()).toBe(true);
    expect([first, second, third].map(stateOf)).toEqual(['new', 'read', 'new']);
    const created = vi.spyOn(doc, 'createElement');
    await session.navigate(early);
    expect(created).not.toHaveBeenCalled(); // every strip was already in place
    expect(doc.querySelectorAll('[data-pi-ui="controls"]')).toHaveLength(3);
    expect(bg.last('report-page')?.summary.counts).toMatchObject({ total: 3, new: 2, unread: 2 });
  });

  it('takes back an early annotation the page parse does not confirm (an article outside <main>)', async () => {
    const doc = toDocument(buildTrendingPage(items));
    const stray = doc.createElement('article');
    stray.innerHTML = `<a href="/papers/${first}">elsewhere</a>`;
    doc.body.prepend(stray);
    Object.defineProperty(doc, 'readyState', { value: 'interactive', configurable: true });
    const early = prefetchStates(doc, url, request, new AbortController().signal);
    const { session } = makeSession(doc, '/papers/trending', bg.transport);
    await session.placeEarly(await early);
    expect(session.placeRest()).toBe(true);
    expect(stray.getAttribute('data-pi-id')).toBe(first); // the first article with that paper
    await session.navigate(early);
    expect(stray.hasAttribute('data-pi-id')).toBe(false);
    expect(stray.querySelector('[data-pi-ui]')).toBeNull();
    expect(doc.querySelector(`main [data-pi-id="${first}"]`)?.getAttribute('data-pi-state')).toBe('new');
  });
});

describe('early states by month (a page without embedded props)', () => {
  /** A page still parsing, whose readyState the test moves on; its session, and each card's state. */
  function parsing(page: string) {
    const doc = toDocument(page);
    let readyState: DocumentReadyState = 'loading';
    Object.defineProperty(doc, 'readyState', { get: () => readyState, configurable: true });
    const early = prefetchStates(doc, url, request, new AbortController().signal);
    const { session } = makeSession(doc, '/papers/trending', bg.transport);
    const stateOf = (id: string) => doc.querySelector(`[data-pi-id="${id}"]`)?.getAttribute('data-pi-state') ?? null;
    return { doc, early, session, stateOf, domReady: () => (readyState = 'interactive') };
  }

  it('asks the month of the first parsed card once, then annotates every card of it, the last at DOM ready', async () => {
    bg.read.add(second);
    bg.shown.add(third);
    bg.saved.add(first);
    const { early, session, stateOf, domReady, doc } = parsing(buildTrendingPage(items, { props: 'omit' }));
    const placing = session.placeEarly(await early);
    // The last article may still be parsing: it waits.
    await vi.waitFor(() => expect([first, second, third].map(stateOf)).toEqual(['new', 'read', null]));
    expect(bg.log.map((r) => r.type).filter((type) => type !== 'get-page-context')).toEqual(['get-month-states']);
    expect(doc.querySelector(`[data-pi-id="${first}"]`)?.getAttribute('data-pi-saved')).toBe('true');
    domReady();
    await placing;
    expect(session.placeRest()).toBe(true);
    expect([first, second, third].map(stateOf)).toEqual(['new', 'read', 'unread']);
    await session.navigate(early);
    expect([first, second, third].map(stateOf)).toEqual(['new', 'read', 'unread']);
    expect(bg.count('get-month-states')).toBe(1);
    expect(bg.count('get-states')).toBe(0);
    expect(bg.last('report-page')?.summary.counts).toMatchObject({ total: 3, new: 1, unread: 2 });
  });

  it('leaves a card of a month never asked for, parsed last, to cards-shown', async () => {
    const [a, b, c] = items;
    if (!a || !b || !c) throw new Error('three items');
    const late = '2608.00001';
    bg.shown.add(late);
    const page = buildTrendingPage([a, b, { ...c, paper: { ...c.paper, id: late } }], { props: 'omit' });
    const { early, session, stateOf, domReady } = parsing(page);
    const placing = session.placeEarly(await early);
    await vi.waitFor(() => expect([first, second].map(stateOf)).toEqual(['new', 'new']));
    domReady();
    await placing;
    session.placeRest();
    expect(stateOf(late)).toBeNull(); // its month's answer cannot arrive within this task
    await session.navigate(early);
    expect([first, second, late].map(stateOf)).toEqual(['new', 'new', 'unread']);
  });

  it('predicts nothing when the background says the index cannot (a rule on): cards-shown annotates', async () => {
    bg.rules = [{ id: 'r1', pattern: 'zzz-no-match', kind: 'keyword', fields: ['title'], action: 'hide', enabled: true, createdAt: 1, updatedAt: 1 }];
    const { early, session, stateOf, domReady } = parsing(buildTrendingPage(items, { props: 'omit' }));
    const placing = session.placeEarly(await early);
    await vi.waitFor(() => expect(bg.count('get-month-states')).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 100)); // two rounds of the placing loop
    expect([first, second].map(stateOf)).toEqual([null, null]);
    domReady();
    await placing;
    expect(session.placeRest()).toBe(false);
    await session.navigate(early);
    expect([first, second, third].map(stateOf)).toEqual(['new', 'new', 'new']);
    expect(bg.count('get-month-states')).toBe(1); // refused once: not asked again for each card
  });
});
