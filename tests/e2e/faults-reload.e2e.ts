import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { makeItems } from '../fixtures/pages';
import { RETRY_DELAYS_MS } from '../../lib/content/messenger';
import { allAs, card, cards, expectPopupCounts, expectStates, idsOf, openDaily, readOneSaveOne, SETTLE_MS } from './support';
import { EXTENSION_NAME, PageProblems, quietExtensionPage } from './fault-support';

/**
 * Issue #6: the extension is reloaded (an update, or "Reload" in chrome://extensions) while a papers
 * tab is open. Chrome leaves the old content script running, cut off from the extension. It must
 * tear down without an uncaught error as soon as it notices, leave nothing of ours in the page, and
 * the next page load must work with every state kept.
 */
let h: ExtensionHarness;
beforeEach(async () => {
  h = await launchExtension();
});
afterEach(async () => {
  await h.close();
});

/**
 * Developer mode, as for anyone who loaded the extension unpacked: without it Chrome re-enables a
 * reloaded command-line extension only as "unsupported developer extension" (i.e. disabled).
 */
async function enableDeveloperMode(): Promise<void> {
  const manager = await h.context.newPage();
  await manager.goto('chrome://extensions');
  await manager.evaluate(async () => {
    type DeveloperPrivate = { updateProfileConfiguration(config: { inDeveloperMode: boolean }): Promise<void> };
    const { chrome } = globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } };
    await chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
  });
  await manager.close();
}

/** `chrome.runtime.reload()` from an extension page (which closes with it); resolves when the new worker runs. */
async function reloadExtension(): Promise<void> {
  const ext = await quietExtensionPage(h);
  const restarted = h.context.waitForEvent('serviceworker', { timeout: SETTLE_MS });
  await ext.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { reload(): void } } };
    setTimeout(() => chrome.runtime.reload(), 0); // let evaluate return before the page closes
  });
  await restarted;
}

/** Our footprint in a page: contract attributes, injected UI, the overlay. */
const ours = (page: Page) => page.locator('[data-pi-id], [data-pi-state], [data-pi-ui], [data-pi-action]').count();

describe('extension reloaded while a papers page is open', () => {
  it('the old content script tears down quietly on its next use; the next load annotates again with states kept', async () => {
    const items = makeItems(8);
    const page = await openDaily(h, items);
    const { readId, savedId } = await readOneSaveOne(page, items);

    // The collector must see the content script's own world: prove it with an uncaught error there.
    const problems = await PageProblems.attach(page);
    const world = problems.contentScriptWorld(EXTENSION_NAME);
    expect(world).toBeDefined();
    await problems.probe(world ?? -1, 'probe: collector sees the content script');
    await expect.poll(() => problems.problems.map((p) => p.text).join(), { timeout: SETTLE_MS }).toContain('probe: collector sees');
    problems.clear();

    await enableDeveloperMode();
    await reloadExtension();
    // Use the stale UI the way a user would: a button, keys, and HF re-rendering the grid.
    await card(page, items[2]?.paper.id ?? '').getByRole('button', { name: 'Save to reading list' }).click();
    await page.keyboard.press('j');
    await page.keyboard.press('r');
    await page.evaluate(() => document.querySelector('article')?.parentElement?.append(document.createElement('article')));
    await expect.poll(() => ours(page), { timeout: SETTLE_MS }).toBe(0);
    // Whatever the old script still had scheduled (message retries, then a "could not…" toast) has run.
    await page.waitForTimeout(RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 1_000));
    expect(await ours(page)).toBe(0);
    expect(problems.problems).toEqual([]);

    await page.reload();
    await expectStates(page, { ...allAs(idsOf(items), 'unread'), [readId]: 'read' });
    expect((await cards(page)).filter((c) => c.saved).map((c) => c.id)).toEqual([savedId]);
    const popup = await h.openPopup(await h.pageTabId(page));
    await expectPopupCounts(popup, { new: 0, unread: 7, total: 8, saved: 1 });
  }, 120_000);
});
