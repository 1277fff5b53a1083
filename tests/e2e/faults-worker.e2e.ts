import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { buildPeriodPage, makeItems, type HfItem } from '../fixtures/pages';
import { allAs, expectPopupCounts, expectStates, idsOf, SETTLE_MS, stateMap, switchGrid } from './support';
import { MessageTap, quietExtensionPage, readStore, rowsOf, WorkerControl, WorkerFreezer, type StoreDump, type TappedCall, type WritePoint } from './fault-support';

/**
 * Issue #6: the service worker is stopped in the middle of a batch of writes. A debugger attached
 * to the worker freezes it at an exact point of a 500- or 1,000-row transaction (half the puts
 * queued, or committed but not yet answered); CDP then stops it there. The content script must
 * retry, and the page and the store must end exactly right: nothing lost, nothing half-written.
 */
let h: ExtensionHarness;
let ext: Page;
let worker: WorkerControl;
beforeEach(async () => {
  h = await launchExtension();
  ext = await quietExtensionPage(h);
  worker = await WorkerControl.attach(h, ext);
});
afterEach(async () => {
  await worker.detach();
  await h.close();
});

const N = 1_000;
/** The put the worker is frozen at: only our big writes reach it (today's API list is ~30 papers). */
const FREEZE_AT = 250;
const weekPath = (week: number) => `/papers/week/2026-W${week}`;
const weekPage = (items: HfItem[], week: number) => buildPeriodPage(items, { periodType: 'week', dateString: `2026-W${week}` });

/** The HF soft navigation: pushState, grid swapped for another week's cards (old props left behind). */
async function switchWeek(page: Page, items: HfItem[], week: number): Promise<void> {
  await switchGrid(page, weekPage(items, week), weekPath(week));
}

/** Runs `action`, freezes the worker at `point` inside the write it causes, stops it there. */
async function interrupt(point: WritePoint, action: () => Promise<void>): Promise<void> {
  const freezer = await WorkerFreezer.arm(ext, point, FREEZE_AT);
  await action();
  await freezer.waitUntilFrozen();
  await worker.stop();
  await freezer.detach();
}

/** The tap saw the interrupted call fail and the same request succeed on a retry. */
async function expectRetried(tap: MessageTap, type: string): Promise<TappedCall[]> {
  await expect.poll(async () => (await tap.calls()).filter((c) => c.type === type).map((c) => c.settled).includes('error'), { timeout: SETTLE_MS }).toBe(true);
  await expect.poll(async () => (await tap.calls()).filter((c) => c.type === type).at(-1)?.settled, { timeout: SETTLE_MS }).toBe('ok');
  return (await tap.calls()).filter((c) => c.type === type);
}

/** Samples the store until `settled`: every sample must pass `check` (a batch is all there or absent). */
async function sampleStore(check: (store: StoreDump) => void, settled: () => Promise<boolean>): Promise<number> {
  const deadline = Date.now() + SETTLE_MS;
  let samples = 0;
  do {
    check(await readStore(ext));
    samples += 1;
    if (Date.now() > deadline) throw new Error('the page did not settle after the restart');
  } while (!(await settled()));
  return samples;
}

const statesAre = (page: Page, ids: string[], state: string) => async () =>
  JSON.stringify(await stateMap(page)) === JSON.stringify(allAs(ids, state));

describe('service worker stopped in the middle of a batch of writes', () => {
  it('1,000 cards: cards-shown stopped half-written, then mark-all-read and undo stopped mid-write — retried, nothing lost', async () => {
    const items = makeItems(2 * N);
    const [w30, w31] = [items.slice(0, N), items.slice(N)];
    h.site.serve(weekPath(30), weekPage(w30, 30));
    h.site.serve(weekPath(31), weekPage(w31, 31));
    const page = await h.context.newPage();
    const tap = await MessageTap.attach(page);
    await page.goto(`https://huggingface.co${weekPath(30)}`);
    await expectStates(page, allAs(idsOf(w30), 'new'));

    // Soft navigation to another 1,000-card week: two cards-shown of 500, the first frozen at its 250th row.
    await interrupt('mid-write', () => switchWeek(page, w31, 31));
    const samples = await sampleStore((store) => expect(rowsOf(store, idsOf(w31)).rows % 500).toBe(0), statesAre(page, idsOf(w31), 'new'));
    const shown = await expectRetried(tap, 'cards-shown');
    // The retries carry the interrupted load's id: "new" is decided once per page load, retry or not.
    const interrupted = shown.findIndex((c) => c.settled === 'error');
    expect(new Set(shown.slice(interrupted).map((c) => c.loadId)).size).toBe(1);

    await interrupt('mid-write', () => page.keyboard.press('Shift+A'));
    await sampleStore((store) => expect([0, N]).toContain(rowsOf(store, idsOf(w31)).read), statesAre(page, idsOf(w31), 'read'));
    await expectRetried(tap, 'mark-all-read');
    await page.getByText(`Marked ${N} papers read`).waitFor({ timeout: SETTLE_MS });

    await interrupt('mid-write', () => page.keyboard.press('u'));
    await expectRetried(tap, 'undo');
    await expectStates(page, allAs(idsOf(w31), 'new'));
    await expect.poll(async () => rowsOf(await readStore(ext), idsOf(w31)), { timeout: SETTLE_MS }).toEqual({ rows: N, read: 0 });

    const store = await readStore(ext);
    expect(rowsOf(store, idsOf(items))).toEqual({ rows: 2 * N, read: 0 });
    const byId = new Map(store.papers.map((p) => [p.id, p]));
    expect(idsOf(items).filter((id) => byId.get(id)?.firstShownAt === undefined || !byId.get(id)?.title)).toEqual([]);
    expect(new Set(idsOf(w31).map((id) => byId.get(id)?.firstShownLoad)).size).toBe(1);
    expect(samples).toBeGreaterThan(0);

    const popup = await h.openPopup(await h.pageTabId(page));
    await expectPopupCounts(popup, { new: N, unread: N, total: N, hidden: 0 });
    await page.reload();
    await expectStates(page, allAs(idsOf(w31), 'unread'));
  }, 240_000);

  it('mark all read stopped after its commit but before its reply: the retry is harmless and Undo still restores every card', async () => {
    const items = makeItems(N);
    h.site.serve(weekPath(30), weekPage(items, 30));
    const page = await h.context.newPage();
    const tap = await MessageTap.attach(page);
    await page.goto(`https://huggingface.co${weekPath(30)}`);
    await expectStates(page, allAs(idsOf(items), 'new'));

    await interrupt('after-commit', () => page.keyboard.press('Shift+A'));
    await expectRetried(tap, 'mark-all-read');
    await page.getByText(`Marked ${N} papers read`).waitFor({ timeout: SETTLE_MS });
    await expectStates(page, allAs(idsOf(items), 'read'));

    await page.keyboard.press('u');
    await expectStates(page, allAs(idsOf(items), 'new'));
    await expect.poll(async () => rowsOf(await readStore(ext), idsOf(items)), { timeout: SETTLE_MS }).toEqual({ rows: N, read: 0 });
  }, 180_000);
});
