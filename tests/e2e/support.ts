import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionHarness } from './harness';
import { buildPeriodPage, buildPaperPage, type HfItem } from '../fixtures/pages';

/** Generous: the content script batches per animation frame and waits for the background. */
export const SETTLE_MS = 15_000;

export type CardInfo = { id: string; state: string | null; saved: boolean; filter: string | null; reason: string | null };

/** Every annotated card on the page, in document order. */
export function cards(page: Page): Promise<CardInfo[]> {
  return page.$$eval('[data-pi-id]', (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-pi-id') ?? '',
      state: el.getAttribute('data-pi-state'),
      saved: el.getAttribute('data-pi-saved') === 'true',
      filter: el.getAttribute('data-pi-filter'),
      reason: el.getAttribute('data-pi-reason'),
    })),
  );
}

/** `{ id: state }` of every annotated card. */
export async function stateMap(page: Page): Promise<Record<string, string | null>> {
  return Object.fromEntries((await cards(page)).map((c) => [c.id, c.state]));
}

/** Waits until the page's cards are exactly `ids` (in order) and each has a state. */
export async function waitForCards(page: Page, ids: readonly string[]): Promise<CardInfo[]> {
  await expect
    .poll(async () => (await cards(page)).filter((c) => c.state !== null).map((c) => c.id), { timeout: SETTLE_MS })
    .toEqual([...ids]);
  return cards(page);
}

export async function expectStates(page: Page, expected: Record<string, string>): Promise<void> {
  await expect.poll(() => stateMap(page), { timeout: SETTLE_MS }).toEqual(expected);
}

export const allAs = (ids: readonly string[], state: string): Record<string, string> =>
  Object.fromEntries(ids.map((id) => [id, state]));

export const idsOf = (items: readonly HfItem[]) => items.map((item) => item.paper.id);

export const dailyPath = (date: string) => `/papers/date/${date}`;

export async function openDaily(h: ExtensionHarness, items: HfItem[], date = '2026-07-31'): Promise<Page> {
  const page = await h.openPapersPage(dailyPath(date), buildPeriodPage(items, { periodType: 'day', dateString: date }));
  await waitForCards(page, idsOf(items));
  return page;
}

export function servePaper(h: ExtensionHarness, item: HfItem): string {
  const path = `/papers/${item.paper.id}`;
  h.site.serve(path, buildPaperPage(item));
  return path;
}

/** The number shown by the popup for `data-pi-count=name` (waits for it to render). */
export async function popupCount(popup: Page, name: string): Promise<number> {
  const text = await popup.locator(`[data-pi-count="${name}"]`).textContent({ timeout: SETTLE_MS });
  return Number((text ?? '').trim());
}

export async function expectPopupCounts(popup: Page, expected: Record<string, number>): Promise<void> {
  await expect
    .poll(
      async () => {
        const out: Record<string, number> = {};
        for (const name of Object.keys(expected)) {
          const loc = popup.locator(`[data-pi-count="${name}"]`);
          out[name] = (await loc.count()) === 1 ? Number(((await loc.textContent()) ?? '').trim()) : Number.NaN;
        }
        return out;
      },
      { timeout: SETTLE_MS },
    )
    .toEqual(expected);
}

/** The card element for a paper id. */
export const card = (page: Page, id: string) => page.locator(`[data-pi-id="${id}"]`);

/**
 * HF's client-side switch (date arrows, week/month tabs): pushState, then the grid's children
 * replaced by the next page's cards, with the old DailyPapers props left in place.
 */
export async function switchGrid(page: Page, html: string, url: string): Promise<void> {
  await page.evaluate(
    ({ html, url }) => {
      const next = new DOMParser().parseFromString(html, 'text/html');
      const grid = document.querySelector('article')?.parentElement;
      const nextGrid = next.querySelector('article')?.parentElement;
      if (!grid || !nextGrid) throw new Error('grid not found');
      history.pushState({}, '', url);
      grid.replaceChildren(...Array.from(nextGrid.childNodes, (n) => document.importNode(n, true)));
    },
    { html, url },
  );
}

/** Marks the first item read and saves the second from their cards; waits until the save shows. */
export async function readOneSaveOne(page: Page, items: readonly HfItem[]): Promise<{ readId: string; savedId: string }> {
  const [readOne, savedOne] = items;
  if (!readOne || !savedOne) throw new Error('need two items');
  const savedId = savedOne.paper.id;
  await card(page, readOne.paper.id).getByRole('button', { name: 'Mark as read' }).click();
  await card(page, savedId).getByRole('button', { name: 'Save to reading list' }).click();
  await expect.poll(async () => (await cards(page)).find((c) => c.id === savedId)?.saved, { timeout: SETTLE_MS }).toBe(true);
  return { readId: readOne.paper.id, savedId };
}
