import type { Page } from 'playwright-core';
import type { ExtensionHarness } from '../tests/e2e/harness';

/** ms from navigation start until `selector` first matches (checked every frame). */
export async function firstAppearance(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction((sel: string) => (document.querySelector(sel) ? performance.now() : false), selector, {
    timeout: 60_000,
    polling: 'raf',
  });
  return Number(await handle.jsonValue());
}


/**
 * Opens the popup for `tabId` `opens` times, each in a fresh page, and returns the ms until its
 * page counts show. `check` (optional) looks at each open popup before it is closed.
 */
export async function popupOpenTimes(h: ExtensionHarness, tabId: number, opens: number, check?: (popup: Page) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < opens; i++) {
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`, { waitUntil: 'commit' });
    times.push(await firstAppearance(popup, '[data-pi-count="total"]'));
    await check?.(popup);
    await popup.close();
  }
  return times;
}
