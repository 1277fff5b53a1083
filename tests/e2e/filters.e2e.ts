import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { makeItem, type HfItem } from '../fixtures/pages';
import { card, cards, expectPopupCounts, openDaily, SETTLE_MS } from './support';

let h: ExtensionHarness;
beforeEach(async () => {
  h = await launchExtension();
});
afterEach(async () => {
  await h.close();
});

const NEUTRAL = 'We study a method and report results on standard benchmarks.';

/** An item whose title, abstract and keywords we control (real item otherwise). */
function item(id: string, title: string, keywords: string[] = []): HfItem {
  const base = makeItem(id, title, { summary: NEUTRAL, ai_keywords: keywords, ai_summary: NEUTRAL });
  return { ...base, summary: NEUTRAL };
}

const ITEMS = [
  item('2607.30001', 'Quasar Tokenizers for Speech', ['speech tokenizer']),
  item('2607.30002', 'Graph Networks for Molecules', ['graph neural network']),
  item('2607.30003', 'Scaling Laws Revisited', ['scaling laws']),
  item('2607.30004', 'A Survey of Quasar Methods', ['survey']),
  item('2607.30005', 'Efficient Attention Kernels', ['attention']),
];
const QUASAR = ['2607.30001', '2607.30004'];

/** `{ id: [filter, reason] }` of every card. */
async function filterMap(page: Page): Promise<Record<string, [string | null, string | null]>> {
  return Object.fromEntries((await cards(page)).map((c) => [c.id, [c.filter, c.reason]]));
}

function expected(hiddenIds: readonly string[], reason: string): Record<string, [string | null, string | null]> {
  return Object.fromEntries(ITEMS.map((i) => [i.paper.id, hiddenIds.includes(i.paper.id) ? ['hidden', reason] : [null, null]]));
}

async function expectFilters(page: Page, hiddenIds: readonly string[], reason: string): Promise<void> {
  await expect.poll(() => filterMap(page), { timeout: SETTLE_MS }).toEqual(expected(hiddenIds, reason));
}

describe('topic filters', () => {
  it('adds a keyword filter in the popup: matching cards hide live, survive a reload, and come back when it is off', async () => {
    const page = await openDaily(h, ITEMS);
    await expectFilters(page, [], '');
    const popup = await h.openPopup(await h.pageTabId(page));
    await expectPopupCounts(popup, { hidden: 0, unread: 5, total: 5 });

    await popup.getByRole('textbox', { name: /pattern/i }).fill('quasar');
    await popup.getByRole('button', { name: 'Add filter' }).click();
    await expectFilters(page, QUASAR, 'quasar');
    await expectPopupCounts(popup, { hidden: 2, unread: 3, total: 5 });

    await page.reload();
    await expectFilters(page, QUASAR, 'quasar');

    // The switch is controlled by the stored rule: it flips once the background has stored the change.
    const toggle = popup.getByRole('switch', { name: /quasar/ });
    await toggle.click();
    await expect.poll(() => toggle.isChecked(), { timeout: SETTLE_MS }).toBe(false);
    await expectFilters(page, [], '');
    await expectPopupCounts(popup, { hidden: 0, unread: 5, total: 5 });
  });

  it('refuses an invalid regex with a sentence and stores nothing', async () => {
    const page = await openDaily(h, ITEMS);
    const popup = await h.openPopup(await h.pageTabId(page));
    await expectPopupCounts(popup, { total: 5 });
    await popup.getByLabel('Kind').selectOption('regex');
    await popup.getByRole('textbox', { name: /pattern/i }).fill('(');
    const alert = popup.getByRole('alert').first();
    await alert.waitFor({ timeout: SETTLE_MS });
    const sentence = ((await alert.textContent()) ?? '').trim();
    expect(sentence).toMatch(/^[A-Z].{10,}[.!]$/);
    await popup.getByRole('button', { name: 'Add filter' }).click();
    await popup.waitForTimeout(1_000);
    expect(await popup.locator('[data-pi-rule]').count()).toBe(0);
    await expectFilters(page, [], '');
  });

  it('mutes a keyword from a card: every card with it hides; Undo brings them back', async () => {
    const items = [
      item('2607.30011', 'Lensing One', ['gravitational lensing', 'cosmology']),
      item('2607.30012', 'Unrelated Two', ['robotics']),
      item('2607.30013', 'Lensing Three', ['gravitational lensing']),
    ];
    const page = await openDaily(h, items);
    await card(page, '2607.30011').getByRole('button', { name: /Mute/ }).click();
    const menu = page.getByRole('menu');
    await menu.waitFor({ timeout: SETTLE_MS });
    // The overlay's stylesheet is a web-accessible file linked from the shadow root: it applies.
    await expect.poll(() => menu.evaluate((el) => getComputedStyle(el).position), { timeout: SETTLE_MS }).toBe('fixed');
    await menu.getByRole('menuitem', { name: /gravitational lensing/ }).click();
    await expect
      .poll(async () => Object.fromEntries((await cards(page)).map((c) => [c.id, c.filter])), { timeout: SETTLE_MS })
      .toEqual({ '2607.30011': 'hidden', '2607.30012': null, '2607.30013': 'hidden' });
    const reasons = (await cards(page)).filter((c) => c.filter === 'hidden').map((c) => c.reason);
    expect(reasons).toEqual(['gravitational lensing', 'gravitational lensing']);
    // The toast's Undo removes the rule again: every card comes back.
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await cards(page)).map((c) => c.filter), { timeout: SETTLE_MS })
      .toEqual([null, null, null]);
  });
});
