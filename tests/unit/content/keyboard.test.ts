import { beforeEach, describe, expect, it } from 'vitest';
import { nextIndex } from '../../../lib/content/keyboard';
import { buildTrendingPage, makeItem } from '../../fixtures/pages';
import { FakeBackground, loadPage, makeFeaturedSession, rule } from './helpers';

describe('nextIndex', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const none = () => false;
  it('moves forward and back, starting at the ends when nothing is focused', () => {
    expect(nextIndex(ids, null, 1, none)).toBe(0);
    expect(nextIndex(ids, null, -1, none)).toBe(3);
    expect(nextIndex(ids, 'b', 1, none)).toBe(2);
    expect(nextIndex(ids, 'b', -1, none)).toBe(0);
    expect(nextIndex(ids, 'd', 1, none)).toBe(-1);
  });
  it('skips hidden cards', () => {
    const hidden = (id: string) => id === 'b' || id === 'c';
    expect(nextIndex(ids, 'a', 1, hidden)).toBe(3);
    expect(nextIndex(ids, 'd', -1, hidden)).toBe(0);
  });
});

const ITEMS = [
  makeItem('2507.00001', 'Scaling laws for agents'),
  makeItem('2507.00002', 'Diffusion models everywhere'),
  makeItem('2507.00003', 'Sparse attention at scale'),
];

let bg: FakeBackground;
async function setUp() {
  bg = new FakeBackground();
  bg.rules = [rule('diffusion', 'hide')];
  const doc = loadPage(buildTrendingPage(ITEMS));
  const h = makeFeaturedSession(doc, '/papers/trending', bg.transport);
  await h.session.navigate();
  return { doc, abort: h.abort };
}

/** The card j/k went to last (the one with data-pi-focused). */
const focusedCard = () => {
  const focused = document.querySelectorAll('[data-pi-focused="true"]');
  return focused.length > 1 ? 'more than one' : (focused[0]?.getAttribute('data-pi-id') ?? null);
};

const press = (key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keyboard on a papers list', () => {
  let env: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    env?.abort.abort();
    env = await setUp();
  });

  it('j/k move between cards, skipping the hidden one, and focus the card', () => {
    press('j');
    expect(focusedCard()).toBe('2507.00001');
    expect(document.activeElement?.getAttribute('data-pi-id')).toBe('2507.00001');
    press('j');
    expect(focusedCard()).toBe('2507.00003'); // 00002 is hidden by "diffusion"
    expect(document.querySelector('[data-pi-id="2507.00003"]')?.getAttribute('data-pi-focused')).toBe('true');
    press('k');
    expect(focusedCard()).toBe('2507.00001');
  });

  it('s saves and r marks read the focused card', async () => {
    press('j');
    press('s');
    press('r');
    await flush();
    expect(bg.saved.has('2507.00001')).toBe(true);
    expect(bg.read.has('2507.00001')).toBe(true);
    const card = document.querySelector('[data-pi-id="2507.00001"]');
    expect(card?.getAttribute('data-pi-saved')).toBe('true');
    expect(card?.getAttribute('data-pi-state')).toBe('read');
  });

  it('Shift+A marks every visible card read in one message and offers Undo; u undoes', async () => {
    press('A', { shiftKey: true });
    await flush();
    expect(bg.last('mark-all-read')?.ids).toEqual(['2507.00001', '2507.00003']);
    const host = document.querySelector('[data-pi-ui="overlay"]');
    const toast = host?.shadowRoot?.querySelector('[role="status"]');
    expect(toast?.textContent).toContain('Marked 2 papers read');
    expect([...(toast?.querySelectorAll('button') ?? [])].map((b) => b.textContent)).toContain('Undo');
    press('u');
    await flush();
    expect(bg.last('undo')).toEqual({ type: 'undo', token: 'tok-all' });
  });

  it('ignores keys typed in a text field or with modifiers', () => {
    const input = document.createElement('input');
    document.body.append(input);
    press('j', {}, input);
    press('j', { ctrlKey: true });
    expect(focusedCard()).toBeNull();
  });

  it('? opens the help dialog listing the keys, as a modal dialog; Escape closes it', () => {
    press('?');
    const dialog = document.querySelector('[data-pi-ui="overlay"]')?.shadowRoot?.querySelector('dialog');
    expect(dialog?.open).toBe(true);
    expect(dialog?.textContent).toContain('Mark all on this page read');
    expect(dialog?.getAttribute('aria-labelledby')).toBe('pi-help-title');
    expect(dialog?.querySelector('#pi-help-title')?.textContent).toBe('Papers Inbox keyboard shortcuts');
    press('Escape');
    expect(document.querySelector('[data-pi-ui="overlay"]')?.shadowRoot?.querySelector('dialog')).toBeNull();
  });
});
