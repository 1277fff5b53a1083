import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './harness';
import { makeItems } from '../fixtures/pages';
import { card, openDaily, SETTLE_MS } from './support';

let h: ExtensionHarness;
beforeEach(async () => {
  h = await launchExtension();
});
afterEach(async () => {
  await h.close();
});

const TOPIC = /\bagent(s|ic)?\b/i;

it('after 5 saves on one topic, every card gets a score and a reason, and the topic leads', async () => {
  const items = makeItems(60);
  const onTopic = items.filter((item) => TOPIC.test(item.paper.title ?? ''));
  const saved = onTopic.slice(0, 5).map((item) => item.paper.id);
  expect(saved).toHaveLength(5);
  const page = await openDaily(h, items);
  await expect(page.locator('[data-pi-score]').count()).resolves.toBe(0);
  for (const id of saved) await card(page, id).locator('[data-pi-action="save"]').click();
  // Retrained in the background a few seconds after the saves; the open page gets the scores live.
  await page.waitForFunction((n) => document.querySelectorAll('article[data-pi-score]').length === n, items.length, { timeout: SETTLE_MS * 2 });
  const cards = await page.$$eval('article', (articles) =>
    articles.map((a) => ({
      id: a.getAttribute('data-pi-id') ?? '',
      score: Number(a.getAttribute('data-pi-score')),
      why: a.getAttribute('data-pi-why') ?? '',
      strip: a.querySelector('[data-pi-ui="why"]')?.textContent ?? '',
    })),
  );
  for (const c of cards) {
    expect(c.score).toBeGreaterThanOrEqual(0);
    expect(c.score).toBeLessThanOrEqual(1);
    expect(c.why).not.toBe('');
    expect(c.strip).toBe(c.why);
  }
  const titleOf = new Map(items.map((item) => [item.paper.id, item.paper.title ?? '']));
  const unsaved = cards.filter((c) => !saved.includes(c.id));
  const mean = (list: typeof cards) => list.reduce((sum, c) => sum + c.score, 0) / list.length;
  const topic = unsaved.filter((c) => TOPIC.test(titleOf.get(c.id) ?? ''));
  const rest = unsaved.filter((c) => !TOPIC.test(titleOf.get(c.id) ?? ''));
  expect(topic.length).toBeGreaterThan(0);
  expect(mean(topic)).toBeGreaterThan(mean(rest));
  const best = [...topic].sort((a, b) => b.score - a.score)[0];
  expect(best?.why).toMatch(/agent|like: /i);

  // The "for you" order, chosen in the popup: best first on screen, j/k follow it; and back again.
  const domOrder = cards.map((c) => c.id);
  const byScore = [...cards].sort((a, b) => b.score - a.score).map((c) => c.id); // stable: ties keep HF's order
  expect(byScore).not.toEqual(domOrder);
  const popup = await h.openPopup(await h.pageTabId(page));
  await popup.getByText('Settings').click();
  await popup.getByRole('combobox', { name: 'Papers order' }).selectOption('for-you');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-pi-order') === 'for-you', null, { timeout: SETTLE_MS });
  expect(await onScreenOrder(page)).toEqual(byScore);
  expect(await page.$$eval('article', (articles) => articles.map((a) => a.getAttribute('data-pi-id')))).toEqual(domOrder); // HF's DOM untouched
  await page.bringToFront();
  await page.keyboard.press('j');
  await expect(page.locator('[data-pi-focused]').getAttribute('data-pi-id')).resolves.toBe(byScore[0]);
  await page.keyboard.press('j');
  await expect(page.locator('[data-pi-focused]').getAttribute('data-pi-id')).resolves.toBe(byScore[1]);
  await popup.getByRole('combobox', { name: 'Papers order' }).selectOption('hf');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-pi-order') === 'hf', null, { timeout: SETTLE_MS });
  expect(await onScreenOrder(page)).toEqual(domOrder);
});

/** Card ids from top to bottom as laid out (the fixture grid has one column). */
function onScreenOrder(page: Page): Promise<string[]> {
  return page.$$eval('article', (articles) =>
    articles
      .map((a) => ({ id: a.getAttribute('data-pi-id') ?? '', top: a.getBoundingClientRect().top }))
      .sort((a, b) => a.top - b.top)
      .map((a) => a.id),
  );
}
