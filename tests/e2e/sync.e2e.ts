import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from '@wxt-dev/browser';
import { launchExtension, type ExtensionHarness } from './harness';
import { makeItems } from '../fixtures/pages';
import { card, cards, openDaily, SETTLE_MS } from './support';
import { decodeItems, encodeState } from '../../lib/sync/encode';
import { merge } from '../../lib/sync/merge';
import { planPush } from '../../lib/sync/push-plan';
import { emptySyncState, type SyncState } from '../../lib/sync/state';

/** The `chrome` global inside an extension page (only referenced inside `evaluate` callbacks). */
type ExtensionGlobal = { chrome: typeof Browser; syncChanges: string[][] };

let h: ExtensionHarness;
beforeEach(async () => {
  h = await launchExtension();
});
afterEach(async () => {
  await h.close();
});

const syncItems = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.storage.sync.get(null) as Promise<Record<string, unknown>>);
const syncedSavedIds = async (page: Page) => Object.entries(decodeItems(await syncItems(page)).state.saved).filter(([, s]) => s.on.v).map(([id]) => id).sort();
const statusLine = (popup: Page) => popup.locator('[data-pi-sync-status]').textContent({ timeout: SETTLE_MS });

/** What another browser signed in to the account would write: its save merged into what the area holds. */
async function writeAsAnotherDevice(page: Page, id: string): Promise<void> {
  const t = Date.now();
  const theirs: SyncState = { ...emptySyncState(), saved: { [id]: { on: { v: true, t, d: 'zz' }, status: { v: 'to-read', t, d: 'zz' }, tags: { v: ['from-laptop'], t, d: 'zz' }, note: { v: '', t, d: 'zz' }, at: t } } };
  const remote = await syncItems(page);
  const plan = planPush(remote, encodeState(merge(decodeItems(remote).state, theirs)).items);
  await page.evaluate((items) => (globalThis as unknown as ExtensionGlobal).chrome.storage.sync.set(items), plan.set);
}

it('two extension pages of one profile see each other’s changes through storage.onChanged', async () => {
  const items = makeItems(3);
  const [first, second] = items.map((item) => item.paper.id);
  if (!first || !second) throw new Error('need two items');
  const page = await openDaily(h, items);
  const tabId = await h.pageTabId(page);
  const popup = await h.openPopup(tabId);
  const other = await h.openReadingList();
  await other.evaluate(() => {
    const g = globalThis as unknown as ExtensionGlobal;
    g.syncChanges = [];
    g.chrome.storage.onChanged.addListener((changes, area) => {
      if (area === 'sync') g.syncChanges.push(Object.keys(changes));
    });
  });

  // Off by default: nothing goes anywhere until the switch is on.
  await popup.getByText('Settings', { exact: true }).click();
  const toggle = popup.getByRole('switch', { name: 'Sync through your browser' });
  await expect.poll(() => toggle.isChecked(), { timeout: SETTLE_MS }).toBe(false);
  await card(page, first).getByRole('button', { name: 'Save to reading list' }).click();
  // Controlled: it shows on once the background has stored the setting.
  await toggle.click();
  await expect.poll(() => toggle.isChecked(), { timeout: SETTLE_MS }).toBe(true);
  // The background syncs at once: the other extension page hears of it, and the popup shows it.
  await expect.poll(() => syncedSavedIds(other), { timeout: SETTLE_MS }).toEqual([first]);
  await expect.poll(() => other.evaluate(() => (globalThis as unknown as ExtensionGlobal).syncChanges.length), { timeout: SETTLE_MS }).toBeGreaterThan(0);
  await expect.poll(() => statusLine(popup), { timeout: SETTLE_MS }).toMatch(/^Synced: 0 read papers, 1 saved, \d+ % of space used$/);

  // Another device's save arrives in storage.sync (written here from the other page): the
  // background hears it through storage.onChanged, merges it, and the card and the popup follow.
  await writeAsAnotherDevice(other, second);
  await expect.poll(async () => (await cards(page)).find((c) => c.id === second)?.saved, { timeout: SETTLE_MS }).toBe(true);
  await expect.poll(() => statusLine(popup), { timeout: SETTLE_MS }).toMatch(/^Synced: 0 read papers, 2 saved, /);
  // Merged, not overwritten: both saves are in the sync space.
  expect(await syncedSavedIds(other)).toEqual([first, second].sort());
});
