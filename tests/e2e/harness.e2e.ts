import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchExtension, type ExtensionHarness } from './harness';
import { SETTLE_MS } from './support';

let h: ExtensionHarness;
beforeAll(async () => {
  h = await launchExtension();
});
afterAll(async () => {
  await h.close();
});

describe('the built extension in Chromium', () => {
  it('asks only for storage, alarms and huggingface.co', () => {
    const manifest: unknown = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ manifest_version: 3, permissions: ['storage', 'alarms'], host_permissions: ['https://huggingface.co/*'] });
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('serves huggingface.co from fixtures and never reaches another host', async () => {
    const page = await h.openPapersPage('/models', '<!doctype html><title>models</title><p>models</p>');
    const result = await page.evaluate(async () => {
      const hf = await fetch('/api/daily_papers?date=2026-07-31').then((r) => r.json() as Promise<unknown[]>);
      const other = await fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      );
      return { hf: hf.length, other };
    });
    expect(result).toEqual({ hf: 30, other: 'blocked' });
  });

  it('restarts the service worker and the extension answers again', async () => {
    await h.restartServiceWorker();
    const page = await h.extPage();
    const reply = await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage({ type: 'get-page-context' });
    });
    expect(reply).toMatchObject({ ok: true });
  });

  it('lets the background fetch the daily API through the fake site', async () => {
    // A forced refresh (the popup's button), not the install-time one: that one can start before
    // the route exists on a slow machine, and then the 10-minute throttle holds back the next.
    const page = await h.extPage();
    const reply = await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage({ type: 'refresh-today' });
    });
    expect(reply).toMatchObject({ ok: true });
    await expect
      .poll(() => h.site.apiRequests.filter((r) => r.fromServiceWorker && r.url.includes('/api/daily_papers')).length, { timeout: SETTLE_MS })
      .toBeGreaterThan(0);
  });
});
