import type { Page } from 'playwright-core';

/** ms from navigation start until `selector` first matches (checked every frame). */
export async function firstAppearance(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction((sel: string) => (document.querySelector(sel) ? performance.now() : false), selector, {
    timeout: 60_000,
    polling: 'raf',
  });
  return Number(await handle.jsonValue());
}

