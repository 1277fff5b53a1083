import { afterEach, beforeEach, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './harness';
import { buildPeriodPage, makeItems } from '../fixtures/pages';
import { allAs, card, dailyPath, expectStates, idsOf, openDaily } from './support';

/**
 * Issue #16: one click is one path. The page that reads a paper sends set-read and one report,
 * no get-states for ids it already knows; another tab of the same page follows from the
 * store-changed notice alone (its states ride along), without asking the store either.
 */
let h: ExtensionHarness;
beforeEach(async () => {
  h = await launchExtension();
});
afterEach(async () => {
  await h.close();
});

type Traffic = Record<string, number>;

/** Counts the requests each tab sends, by type, from inside the service worker. */
async function countRequests(): Promise<void> {
  await h.serviceWorker.evaluate(() => {
    const counts: Record<number, Record<string, number>> = {};
    (globalThis as unknown as { piTraffic: typeof counts }).piTraffic = counts;
    const runtime = (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(f: (m: { type?: string }, s: { tab?: { id?: number } }) => void): void } } } }).chrome.runtime;
    runtime.onMessage.addListener((message, sender) => {
      const tab = sender.tab?.id ?? -1;
      const type = message.type ?? '?';
      counts[tab] ??= {};
      counts[tab][type] = (counts[tab][type] ?? 0) + 1;
    });
  });
}

async function trafficOf(tabId: number): Promise<Traffic> {
  return h.serviceWorker.evaluate((id: number) => (globalThis as unknown as { piTraffic: Record<number, Traffic> }).piTraffic[id] ?? {}, tabId);
}

it('a read in one tab: set-read and one report there, the other tab follows without asking', async () => {
  const items = makeItems(8);
  const ids = idsOf(items);
  const [target = ''] = ids;
  const a = await openDaily(h, items);
  await expectStates(a, allAs(ids, 'new'));
  // The same list in a second tab (its own URL, so each tab can be told apart).
  const b = await h.openPapersPage(`${dailyPath('2026-07-31')}?tab=b`, buildPeriodPage(items, { periodType: 'day', dateString: '2026-07-31' }));
  await expectStates(b, allAs(ids, 'unread'));
  const [tabA, tabB] = [await h.pageTabId(a), await h.pageTabId(b)];
  await countRequests();

  await card(a, target).locator('[data-pi-action="read"]').click();
  await expectStates(b, { ...allAs(ids, 'unread'), [target]: 'read' });
  await expectStates(a, { ...allAs(ids, 'new'), [target]: 'read' });
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // anything late would have arrived

  expect(await trafficOf(tabA)).toEqual({ 'set-read': 1, 'report-page': 1 });
  expect(await trafficOf(tabB)).toEqual({ 'report-page': 1 });
});
