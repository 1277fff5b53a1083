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
});
