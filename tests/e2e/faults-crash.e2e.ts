import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { buildPeriodPage, makeItems } from '../fixtures/pages';
import { allAs, expectStates, idsOf, readOneSaveOne, SETTLE_MS } from './support';
import { quietExtensionPage, readStore, rowsOf, WorkerFreezer, type WritePoint } from './fault-support';

/**
 * The whole browser killed (SIGKILL: a crash, the OOM killer, a logout) in the middle of a
 * 1,000-row write, and again right after one commits. The profile is then opened by a new browser:
 * a batch is on disk whole or not at all, what was committed before is there, and the page works.
 */
const N = 1_000;
const FREEZE_AT = 250;
const PATH = '/papers/week/2026-W30';
const items = makeItems(N);
const ids = idsOf(items);
const html = buildPeriodPage(items, { periodType: 'week', dateString: '2026-W30' });

let profile: string;
let h: ExtensionHarness | null = null;
beforeEach(() => {
  profile = mkdtempSync(path.join(tmpdir(), 'pi-crash-'));
});
afterEach(async () => {
  await h?.close();
  h = null;
  rmSync(profile, { recursive: true, force: true });
});

async function openWeek(): Promise<{ page: Page; ext: Page }> {
  h = await launchExtension({ userDataDir: profile });
  const ext = await quietExtensionPage(h);
  const page = await h.openPapersPage(PATH, html);
  return { page, ext };
}

/** Presses Shift+A (mark all read), freezes the worker at `point` of that write, kills the browser. */
async function crashDuringMarkAllRead(page: Page, ext: Page, point: WritePoint): Promise<void> {
  if (!h) throw new Error('no browser');
  const freezer = await WorkerFreezer.arm(ext, point, FREEZE_AT);
  await page.keyboard.press('Shift+A');
  await freezer.waitUntilFrozen();
  await h.crash();
  h = null;
}

describe('the browser killed during a write', () => {
  it('mid-write: nothing of the batch is on disk, everything before it is, and the page shows that', async () => {
    const first = await openWeek();
    await expectStates(first.page, allAs(ids, 'new'));
    const { readId, savedId } = await readOneSaveOne(first.page, items);
    await crashDuringMarkAllRead(first.page, first.ext, 'mid-write');

    const { page, ext } = await openWeek();
    const store = await readStore(ext);
    // The week's rows only: today's list, fetched from the API, is stored beside them.
    expect({ ...rowsOf(store, ids), saved: store.saved }).toEqual({ rows: N, read: 1, saved: [savedId] });
    await expectStates(page, { ...allAs(ids, 'unread'), [readId]: 'read' });
    await expect.poll(async () => page.locator('[data-pi-saved="true"]').count(), { timeout: SETTLE_MS }).toBe(1);

    // The reopened profile takes writes again: the same mark all read, whole this time.
    await page.keyboard.press('Shift+A');
    await expectStates(page, allAs(ids, 'read'));
    await expect.poll(async () => rowsOf(await readStore(ext), ids).read, { timeout: SETTLE_MS }).toBe(N);
  }, 180_000);

  it('after the commit, before the reply: the whole batch is on disk and the page shows it', async () => {
    const first = await openWeek();
    await expectStates(first.page, allAs(ids, 'new'));
    await crashDuringMarkAllRead(first.page, first.ext, 'after-commit');

    const { page, ext } = await openWeek();
    expect(rowsOf(await readStore(ext), ids).read).toBe(N);
    await expectStates(page, allAs(ids, 'read'));
  }, 180_000);
});
