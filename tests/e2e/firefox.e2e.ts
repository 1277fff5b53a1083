import { afterEach, describe, expect, it } from 'vitest';
import { EXTENSION_BASE, launchFirefox, type FirefoxHarness, type FirefoxTab } from './firefox-harness';
import { buildPeriodPage, makeItems } from '../fixtures/pages';
import { allAs, dailyPath, idsOf } from './support';

/**
 * The Firefox build (MV2: an event page instead of a service worker, Firefox's IndexedDB and
 * messaging) in Debian's Firefox ESR: the core path end to end, as in Chromium.
 */
let ff: FirefoxHarness | null = null;
afterEach(async () => {
  await ff?.close();
  ff = null;
});

/** `{ id: state }` of the annotated cards, and the saved ids. */
const annotated = () => {
  const cards = [...document.querySelectorAll('[data-pi-id]')];
  return {
    states: Object.fromEntries(cards.map((c) => [c.getAttribute('data-pi-id'), c.getAttribute('data-pi-state')])),
    saved: cards.filter((c) => c.getAttribute('data-pi-saved') === 'true').map((c) => c.getAttribute('data-pi-id')),
  };
};

/** Clicks the control named `label` on the card of paper `id`. */
const clickControl = ({ id, label }: { id: string; label: string }) => {
  const button = document.querySelector(`[data-pi-id="${id}"] button[aria-label="${label}"]`);
  if (!(button instanceof HTMLElement)) return false;
  button.click();
  return true;
};

/** Clicks the overlay toast's button named `label` (false while there is none). */
const clickToastAction = (label: string) => {
  const root = document.querySelector('[data-pi-ui="overlay"]')?.shadowRoot;
  const button = [...(root?.querySelectorAll('[role="status"] button') ?? [])].find((b) => b.textContent === label);
  if (!(button instanceof HTMLElement)) return false;
  button.click();
  return true;
};

const counts = (names: string[]) =>
  Object.fromEntries(names.map((name) => [name, document.querySelector(`[data-pi-count="${name}"]`)?.textContent?.trim() ?? null]));

/** The Firefox tab id of the tab showing `url`, asked from an extension page. */
async function tabIdOf(extensionPage: FirefoxTab, url: string): Promise<number> {
  const ids = await extensionPage.evaluate(async (u: string) => {
    const { browser } = globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } };
    return (await browser.tabs.query({})).filter((t) => t.url === u).map((t) => t.id ?? -1);
  }, url);
  const [id] = ids;
  if (ids.length !== 1 || id === undefined || id < 0) throw new Error(`expected one tab at ${url}, found ${ids.length}`);
  return id;
}

describe('Firefox ESR, the Firefox build installed as a temporary add-on', () => {
  it('annotates a daily page, keeps a save and a read across a reload, and the popup and the reading list show them', async () => {
    ff = await launchFirefox();
    const items = makeItems(5);
    const ids = idsOf(items);
    const [savedId = '', readId = ''] = ids;
    const path = dailyPath('2026-07-31');
    const url = `https://huggingface.co${path}`;
    ff.serve(path, buildPeriodPage(items, { periodType: 'day', dateString: '2026-07-31' }));

    const page = await ff.openTab(url);
    await page.until(annotated, null, { states: allAs(ids, 'new'), saved: [] });
    expect(await page.evaluate(clickControl, { id: savedId, label: 'Save to reading list' })).toBe(true);
    expect(await page.evaluate(clickControl, { id: readId, label: 'Mark as read' })).toBe(true);
    await page.until(annotated, null, { states: { ...allAs(ids, 'new'), [readId]: 'read' }, saved: [savedId] });

    await page.reload();
    await page.until(annotated, null, { states: { ...allAs(ids, 'unread'), [readId]: 'read' }, saved: [savedId] });

    // The save toast's "Open reading list" (in the overlay's shadow root) opens the extension's page.
    expect(await page.evaluate(clickControl, { id: savedId, label: 'Remove from reading list' })).toBe(true);
    expect(await page.evaluate(clickControl, { id: savedId, label: 'Save to reading list' })).toBe(true);
    await page.until(clickToastAction, 'Open reading list', true);
    const list = await ff.findTab(`${EXTENSION_BASE}/reading-list.html`);
    await list.until(() => [...document.querySelectorAll('[data-pi-id]')].map((row) => row.getAttribute('data-pi-id')), null, [savedId]);

    // The popup, opened as a tab from the extension's own page, describes the papers tab.
    const tabId = await tabIdOf(list, url);
    await list.evaluate((popupUrl: string) => {
      const { browser } = globalThis as unknown as { browser: { tabs: { create(p: object): Promise<unknown> } } };
      return browser.tabs.create({ url: popupUrl }).then(() => true);
    }, `${EXTENSION_BASE}/popup.html?tabId=${tabId}`);
    const popup = await ff.findTab(`${EXTENSION_BASE}/popup.html`);
    await popup.until(counts, ['new', 'unread', 'total', 'saved'], { new: '0', unread: '4', total: '5', saved: '1' });
    // Only the fixture's own images and scripts were refused: nothing else was asked of the web.
    expect(ff.refused.filter((u) => new URL(u).hostname !== 'huggingface.co' && !new URL(u).hostname.endsWith('.huggingface.co'))).toEqual([]);
  }, 120_000);
});
