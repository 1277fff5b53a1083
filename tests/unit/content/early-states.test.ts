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
    expect([...(early?.states ?? [])]).toEqual([[first, 'unread'], [second, 'read'], [third, 'new']]);
    expect([...(early?.saved ?? [])]).toEqual([third]);
  });

  it('sends the page data along only while filters may apply', async () => {
    const doc = toDocument(buildTrendingPage(items));
    await prefetchStates(doc, url, request, new AbortController().signal, () => false);
    expect(bg.last('get-states')?.papers).toBeUndefined();
    await prefetchStates(doc, url, request, new AbortController().signal, () => true);
    expect(bg.last('get-states')?.papers?.map((paper) => paper.id)).toEqual(ids);
  });

  it('waits for the island to be parsed, and gives up when cards come first or the DOM is done', async () => {
    const full = toDocument(buildTrendingPage(items));
    const island = full.querySelector('[data-target="DailyPapers"]');
    const doc = toDocument('<!doctype html><html><head></head><body><main></main></body></html>');
    Object.defineProperty(doc, 'readyState', { value: 'loading', configurable: true }); // still parsing
    const pending = prefetchStates(doc, url, request, new AbortController().signal);
    expect(bg.count('get-states')).toBe(0);
    if (island) doc.querySelector('main')?.append(doc.importNode(island, true));
    expect((await pending)?.states.size).toBe(3);

    const withoutIsland = toDocument('<!doctype html><html><body><main><article><a href="/papers/2507.00001">x</a></article></main></body></html>');
    expect(await prefetchStates(withoutIsland, url, request, new AbortController().signal)).toBeNull();
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
