import { beforeEach, describe, expect, it } from 'vitest';
import type { PageActions } from '../../../lib/content/actions';
import { muteChoices } from '../../../lib/content/mute-menu';
import { buildTrendingPage, makeItem } from '../../fixtures/pages';
import { FakeBackground, loadPage, makeFeaturedSession, rule, type SessionHarness } from './helpers';

const ITEMS = [
  makeItem('2507.00001', 'Scaling laws for agents', { ai_keywords: ['scaling laws', 'agents'] }),
  makeItem('2507.00002', 'Diffusion models everywhere'),
];

let bg: FakeBackground;
let abort: AbortController;
let h: SessionHarness;
let actions: PageActions;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const card = (id: string) => document.querySelector<HTMLElement>(`[data-pi-id="${id}"]`);
const control = (id: string, action: string) => card(id)?.querySelector<HTMLButtonElement>(`[data-pi-action="${action}"]`);
const overlayRoot = () => document.querySelector('[data-pi-ui="overlay"]')?.shadowRoot;

beforeEach(async () => {
  abort?.abort();
  bg = new FakeBackground();
  bg.rules = [rule('diffusion', 'hide')];
  const doc = loadPage(buildTrendingPage(ITEMS));
  const featured = makeFeaturedSession(doc, '/papers/trending', bg.transport);
  h = featured;
  actions = featured.actions;
  abort = h.abort;
  await h.session.navigate();
});

describe('card controls', () => {
  it('Save toggles the reading list and shows a toast with Undo and Open reading list', async () => {
    control('2507.00001', 'save')?.click();
    await flush();
    expect(bg.saved.has('2507.00001')).toBe(true);
    expect(control('2507.00001', 'save')?.getAttribute('aria-label')).toBe('Remove from reading list');
    const buttons = [...(overlayRoot()?.querySelectorAll('[role="status"] button') ?? [])].map((b) => b.textContent);
    expect(buttons).toEqual(['Undo', 'Open reading list']);
    const open = [...(overlayRoot()?.querySelectorAll<HTMLButtonElement>('[role="status"] button') ?? [])].at(-1);
    open?.click();
    await flush();
    expect(bg.last('open-reading-list')).toEqual({ type: 'open-reading-list' });
  });

  it('Read toggles read and unread', async () => {
    control('2507.00001', 'read')?.click();
    await flush();
    expect(card('2507.00001')?.getAttribute('data-pi-state')).toBe('read');
    control('2507.00001', 'read')?.click();
    await flush();
    expect(bg.last('set-read')).toEqual({ type: 'set-read', ids: ['2507.00001'], read: false, token: expect.any(String) });
  });

  it('clicking the title link marks the paper read before navigating', () => {
    const title = card('2507.00001')?.querySelector<HTMLAnchorElement>('h3 a');
    title?.addEventListener('click', (e) => e.preventDefault()); // keep happy-dom from navigating
    title?.click();
    expect(bg.last('set-read')).toEqual({ type: 'set-read', ids: ['2507.00001'], read: true, token: expect.any(String) });
  });

  it('Show reveals a hidden card for this page view', () => {
    expect(card('2507.00002')?.getAttribute('data-pi-filter')).toBe('hidden');
    card('2507.00002')?.querySelector<HTMLButtonElement>('[data-pi-ui="placeholder"] button')?.click();
    expect(card('2507.00002')?.getAttribute('data-pi-revealed')).toBe('true');
  });

  it('Mute… opens a menu of keywords and authors; arrows move, Escape returns focus; a choice sends mute', async () => {
    const mute = control('2507.00001', 'mute');
    mute?.click();
    const menu = overlayRoot()?.querySelector<HTMLElement>('[role="menu"]');
    const items = [...(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    expect(items.slice(0, 2).map((i) => i.textContent)).toEqual(['“scaling laws”', '“agents”']);
    expect(overlayRoot()?.activeElement).toBe(items[0]);
    menu?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(overlayRoot()?.activeElement).toBe(items[1]);
    menu?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(overlayRoot()?.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(mute);

    mute?.click();
    overlayRoot()?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.click();
    await flush();
    expect(bg.last('mute')).toEqual({ type: 'mute', kind: 'keyword', pattern: 'scaling laws', token: expect.any(String) });
    // The toast offers Undo, which sends the mute's undo token (the background removes the rule).
    const toast = overlayRoot()?.querySelector('[role="status"]');
    expect(toast?.textContent).toContain('Muted “scaling laws”');
    [...(toast?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Undo')?.click();
    await flush();
    expect(bg.last('undo')).toEqual({ type: 'undo', token: 'tok-mute' });
  });
});

describe('when the background refuses a write (storage full)', () => {
  const STORAGE_FULL = 'Storage is full: free some disk space or remove papers from the reading list, then try again.';
  const state = (id: string) => card(id)?.getAttribute('data-pi-state');

  it('Save: the card is not left looking saved, and the sentence goes to the user once', async () => {
    bg.refuse.save = STORAGE_FULL;
    control('2507.00001', 'save')?.click();
    expect(card('2507.00001')?.getAttribute('data-pi-saved')).toBe('true'); // at once, before the answer
    await flush();
    expect(card('2507.00001')?.getAttribute('data-pi-saved')).toBeNull();
    expect(control('2507.00001', 'save')?.getAttribute('aria-label')).toBe('Save to reading list');
    expect({ saves: bg.count('save'), failures: h.failures }).toEqual({ saves: 1, failures: [STORAGE_FULL] });
    expect(overlayRoot()?.querySelector('[role="status"]') ?? null).toBeNull(); // no "Saved" toast
  });

  it('Read and Mark all read: the cards go back to new', async () => {
    bg.refuse['set-read'] = STORAGE_FULL;
    bg.refuse['mark-all-read'] = STORAGE_FULL;
    control('2507.00001', 'read')?.click();
    expect(state('2507.00001')).toBe('read');
    await flush();
    expect(state('2507.00001')).toBe('new');
    await actions.markAllRead();
    expect(state('2507.00001')).toBe('new');
    expect(bg.last('report-page')?.summary.counts).toMatchObject({ new: 1, unread: 1 });
    expect(h.failures).toEqual([STORAGE_FULL, STORAGE_FULL]);
  });

  it('a read card marked unread stays read after the refusal', async () => {
    control('2507.00001', 'read')?.click();
    await flush();
    expect(bg.read.has('2507.00001')).toBe(true);
    bg.refuse['set-read'] = STORAGE_FULL;
    control('2507.00001', 'read')?.click();
    expect(state('2507.00001')).toBe('new');
    await flush();
    expect(state('2507.00001')).toBe('read');
    expect(h.failures).toEqual([STORAGE_FULL]);
  });
});

describe('muteChoices', () => {
  it('offers keywords then authors, deduplicated, at most 8 each', () => {
    const choices = muteChoices({ id: '2507.00001', keywords: ['a', 'a', ' b '], authors: Array.from({ length: 12 }, (_, i) => `Author ${i}`) });
    expect(choices.slice(0, 2)).toEqual([{ kind: 'keyword', pattern: 'a' }, { kind: 'keyword', pattern: 'b' }]);
    expect(choices.filter((c) => c.kind === 'author')).toHaveLength(8);
  });
});
