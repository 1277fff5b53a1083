import { afterEach, describe, expect, it } from 'vitest';
import { EXTENSION_BASE, launchFirefox, type FirefoxHarness, type FirefoxTab } from './firefox-harness';
import { buildPeriodPage, makeItem, makeItems, type HfItem } from '../fixtures/pages';
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

/** Presses `key` on the page; true when the extension handled it (it prevents the default). */
const pressKey = (key: string) => !document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

/** 'modal' while the help dialog is open as a modal, 'open' if open otherwise, 'none' when gone. */
const helpDialog = () => {
  const dialog = document.querySelector('[data-pi-ui="overlay"]')?.shadowRoot?.querySelector('dialog');
  if (!dialog) return 'none';
  return dialog.matches(':modal') ? 'modal' : dialog.open ? 'open' : 'closed';
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

/** Types into the popup's pattern field (React listens to input events) and submits the form. */
const addFilter = (pattern: string) => {
  const label = [...document.querySelectorAll('label')].find((l) => /pattern/i.test(l.textContent ?? ''));
  const input = label?.control;
  const submit = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Add filter');
  if (!(input instanceof HTMLInputElement) || !submit) return false;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, pattern);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  submit.click();
  return true;
};

const filtered = () =>
  Object.fromEntries([...document.querySelectorAll('[data-pi-id]')].map((c) => [c.getAttribute('data-pi-id'), c.getAttribute('data-pi-filter')]));

/**
 * Saves `savedId` from its card and follows the toast's "Open reading list", then opens the popup
 * for the papers tab from there (an extension page may open the extension's pages).
 */
async function openExtensionPages(harness: FirefoxHarness, page: FirefoxTab, url: string, savedId: string): Promise<{ list: FirefoxTab; popup: FirefoxTab }> {
  expect(await page.evaluate(clickControl, { id: savedId, label: 'Save to reading list' })).toBe(true);
  await page.until(clickToastAction, 'Open reading list', true);
  const list = await harness.findTab(`${EXTENSION_BASE}/reading-list.html`);
  const tabId = await tabIdOf(list, url);
  await list.evaluate((popupUrl: string) => {
    const { browser } = globalThis as unknown as { browser: { tabs: { create(p: object): Promise<unknown> } } };
    return browser.tabs.create({ url: popupUrl }).then(() => true);
  }, `${EXTENSION_BASE}/popup.html?tabId=${tabId}`);
  return { list, popup: await harness.findTab(`${EXTENSION_BASE}/popup.html`) };
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
    // The ? shortcuts dialog is a native modal <dialog> in the overlay's shadow root; Escape closes it.
    expect(await page.evaluate(pressKey, '?')).toBe(true);
    await page.until(helpDialog, null, 'modal');
    expect(await page.evaluate(pressKey, 'Escape')).toBe(true);
    await page.until(helpDialog, null, 'none');
    expect(await page.evaluate(clickControl, { id: savedId, label: 'Save to reading list' })).toBe(true);
    expect(await page.evaluate(clickControl, { id: readId, label: 'Mark as read' })).toBe(true);
    await page.until(annotated, null, { states: { ...allAs(ids, 'new'), [readId]: 'read' }, saved: [savedId] });

    await page.reload();
    await page.until(annotated, null, { states: { ...allAs(ids, 'unread'), [readId]: 'read' }, saved: [savedId] });

    // Unsaved and saved again: the save toast's "Open reading list" opens the extension's page.
    expect(await page.evaluate(clickControl, { id: savedId, label: 'Remove from reading list' })).toBe(true);
    const { list, popup } = await openExtensionPages(ff, page, url, savedId);
    await list.until(() => [...document.querySelectorAll('[data-pi-id]')].map((row) => row.getAttribute('data-pi-id')), null, [savedId]);
    await popup.until(counts, ['new', 'unread', 'total', 'saved'], { new: '0', unread: '4', total: '5', saved: '1' });
    // Only the fixture's own images and scripts were refused: nothing else was asked of the web.
    expect(ff.refused.filter((u) => new URL(u).hostname !== 'huggingface.co' && !new URL(u).hostname.endsWith('.huggingface.co'))).toEqual([]);
  }, 120_000);

  it('a keyword filter added in the popup hides the matching cards live, and a reload keeps it', async () => {
    ff = await launchFirefox();
    const neutral = 'We study a method and report results on standard benchmarks.';
    const item = (id: string, title: string): HfItem => ({ ...makeItem(id, title, { summary: neutral, ai_keywords: [], ai_summary: neutral }), summary: neutral });
    const items = [item('2607.30001', 'Quasar Tokenizers for Speech'), item('2607.30002', 'Graph Networks for Molecules'), item('2607.30003', 'A Survey of Quasar Methods')];
    const path = dailyPath('2026-07-31');
    const url = `https://huggingface.co${path}`;
    ff.serve(path, buildPeriodPage(items, { periodType: 'day', dateString: '2026-07-31' }));
    const page = await ff.openTab(url);
    const none = { '2607.30001': null, '2607.30002': null, '2607.30003': null };
    await page.until(filtered, null, none);

    const { popup } = await openExtensionPages(ff, page, url, '2607.30002');
    await popup.until(addFilter, 'quasar', true);
    const quasarHidden = { ...none, '2607.30001': 'hidden', '2607.30003': 'hidden' };
    await page.until(filtered, null, quasarHidden);
    await popup.until(counts, ['hidden', 'total'], { hidden: '2', total: '3' });
    await page.reload();
    await page.until(filtered, null, quasarHidden);
  }, 120_000);
});
