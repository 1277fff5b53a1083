import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lifetimeOf } from '../../../lib/content/lifetime';
import { startPapersInbox } from '../../../lib/content/start';
import { buildTrendingPage, makeItem } from '../../fixtures/pages';
import { FakeBackground, loadPage } from './helpers';

type HappyWindow = Window & { happyDOM?: { setURL: (url: string) => void } };
const setUrl = (url: string) => (window as HappyWindow).happyDOM?.setURL(url);

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!check()) throw new Error('condition never became true');
}

let abort = new AbortController();
afterEach(() => abort.abort());

describe('the content script wired together', () => {
  it('annotates, answers tab commands, follows soft navigation and cleans up on teardown', async () => {
    setUrl('https://huggingface.co/papers/trending');
    loadPage(buildTrendingPage([makeItem('2507.00001', 'Scaling laws'), makeItem('2507.00002', 'Sparse attention')]));
    const bg = new FakeBackground();
    abort = new AbortController();
    let locationChanged = () => {};
    startPapersInbox({
      life: lifetimeOf(abort.signal), transport: bg.transport, stop: () => abort.abort(),
      onLocationChange: (handler) => (locationChanged = handler),
    });
    await until(() => bg.count('report-page') === 1);
    expect(document.querySelectorAll('[data-pi-state="new"]')).toHaveLength(2);
    expect(document.documentElement.getAttribute('data-pi-read-style')).toBe('subdued');

    await fakeBrowser.runtime.onMessage.trigger({ type: 'store-changed', rules: true }, {});
    await until(() => bg.count('get-states') === 1);
    expect(bg.count('get-page-context')).toBe(2);
    // A change that carries its context is applied as it comes: nothing is fetched.
    const settings = { ...DEFAULT_SETTINGS, readCards: 'hidden' };
    await fakeBrowser.runtime.onMessage.trigger({ type: 'store-changed', settings: true, context: { rules: [], settings } }, {});
    await until(() => document.documentElement.getAttribute('data-pi-read-style') === 'hidden');
    expect(bg.count('get-page-context')).toBe(2);
    // Neither changed what the tab shows: its summary is not sent again.
    expect(bg.count('report-page')).toBe(1);

    await fakeBrowser.runtime.onMessage.trigger({ type: 'show-undo-toast', token: 'tok', label: 'Marked 2 papers read' }, {});
    const toast = document.querySelector('[data-pi-ui="overlay"]')?.shadowRoot?.querySelector('[role="status"]');
    expect(toast?.textContent).toContain('Marked 2 papers read');

    setUrl('https://huggingface.co/papers/trending#top'); // hash only: same page view
    locationChanged();
    setUrl('https://huggingface.co/papers/week/2026-W30');
    locationChanged();
    await until(() => bg.count('cards-shown') === 2);
    const loads = new Set(bg.log.flatMap((r) => (r.type === 'cards-shown' ? [r.loadId] : [])));
    expect(loads.size).toBe(2);

    abort.abort();
    expect(document.querySelector('[data-pi-ui]')).toBeNull();
    expect(document.querySelector('[data-pi-id]')).toBeNull();
  });

  it('shows the background’s refusal as an alert toast once the page has a body', async () => {
    setUrl('https://huggingface.co/papers/trending');
    loadPage(buildTrendingPage([makeItem('2507.00001', 'Scaling laws')]));
    const bg = new FakeBackground();
    bg.refuse['cards-shown'] = 'Storage is full: free some disk space or remove papers from the reading list, then try again.';
    abort = new AbortController();
    startPapersInbox({ life: lifetimeOf(abort.signal), transport: bg.transport, stop: () => abort.abort(), onLocationChange: () => {} });
    const alert = () => document.querySelector('[data-pi-ui="overlay"]')?.shadowRoot?.querySelector('[role="alert"]');
    await until(() => alert() != null);
    expect(alert()?.textContent).toBe(bg.refuse['cards-shown']);
    expect(bg.count('cards-shown')).toBe(1); // a refusal is not asked again
  });
});
