import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './harness';
import { buildPeriodPage, buildTrendingPage, makeItems } from '../fixtures/pages';
import {
  allAs,
  card,
  cards,
  dailyPath,
  expectPopupCounts,
  expectStates,
  idsOf,
  openDaily,
  readOneSaveOne,
  servePaper,
  SETTLE_MS,
  switchGrid,
  waitForCards,
} from './support';

let h: ExtensionHarness;
beforeEach(async () => {
  h = await launchExtension();
});
afterEach(async () => {
  await h.close();
});

describe('states on a daily page', () => {
  it('marks every card new on the first visit, with one control strip per card', async () => {
    const items = makeItems(12);
    const page = await openDaily(h, items);
    await expectStates(page, allAs(idsOf(items), 'new'));
    const strips = await page.$$eval('article', (articles) =>
      articles.map((a) => ({
        id: a.getAttribute('data-pi-id'),
        save: a.querySelectorAll('[data-pi-action="save"]').length,
        read: a.querySelectorAll('[data-pi-action="read"]').length,
        mute: a.querySelectorAll('[data-pi-action="mute"]').length,
      })),
    );
    expect(strips).toEqual(idsOf(items).map((id) => ({ id, save: 1, read: 1, mute: 1 })));
    await expect(page.getByRole('button', { name: 'Save to reading list' }).count()).resolves.toBe(12);
  });

  it('shows them as unread after a reload', async () => {
    const items = makeItems(6);
    const page = await openDaily(h, items);
    await expectStates(page, allAs(idsOf(items), 'new'));
    await page.reload();
    await expectStates(page, allAs(idsOf(items), 'unread'));
  });

  it('marks a paper read when its paper page is opened', async () => {
    const items = makeItems(5);
    const [target] = items;
    if (!target) throw new Error('no items');
    const page = await openDaily(h, items);
    await page.goto(`https://huggingface.co${servePaper(h, target)}`);
    // The paper page gets a Save button once the content script has handled it.
    await page.locator('[data-pi-action="save"]').first().waitFor({ timeout: SETTLE_MS });
    await page.goBack();
    await expect.poll(async () => (await cards(page)).find((c) => c.id === target.paper.id)?.state, { timeout: SETTLE_MS }).toBe('read');
    const others = (await cards(page)).filter((c) => c.id !== target.paper.id);
    expect(others.map((c) => c.state).filter((s) => s === 'read')).toEqual([]);
    expect(others).toHaveLength(4);
  });

  it('does not show a paper met on trending as new on a daily page', async () => {
    const items = makeItems(8);
    const seen = items.slice(0, 3);
    const trending = await h.openPapersPage('/papers/trending', buildTrendingPage(seen));
    await expectStates(trending, allAs(idsOf(seen), 'new'));
    const daily = await openDaily(h, items);
    await expectStates(daily, { ...allAs(idsOf(items), 'new'), ...allAs(idsOf(seen), 'unread') });
  });

  it('annotates the right papers after a client-side switch that leaves stale props', async () => {
    const first = makeItems(10).slice(0, 5);
    const second = makeItems(10).slice(5);
    const page = await openDaily(h, first);
    await expectStates(page, allAs(idsOf(first), 'new'));
    // What HF does on the date arrows: pushState, re-render the grid, keep the old DailyPapers props.
    const nextHtml = buildPeriodPage(second, { periodType: 'day', dateString: '2026-07-30' });
    await switchGrid(page, nextHtml, dailyPath('2026-07-30'));
    await waitForCards(page, idsOf(second));
    await expectStates(page, allAs(idsOf(second), 'new'));
    const props = await page.locator('[data-target="DailyPapers"]').getAttribute('data-props');
    expect(props).toContain(first[0]?.paper.id ?? 'missing');
  });
});

describe('popup and badge', () => {
  it('counts new, unread and total for a tab, and the badge shows unread', async () => {
    const items = makeItems(8);
    const trending = await h.openPapersPage('/papers/trending', buildTrendingPage(items.slice(0, 3)));
    await waitForCards(trending, idsOf(items.slice(0, 3)));
    await trending.close();
    const page = await openDaily(h, items);
    const tabId = await h.pageTabId(page);
    const popup = await h.openPopup(tabId);
    await expectPopupCounts(popup, { new: 5, unread: 8, hidden: 0, total: 8 });
    await expect.poll(() => h.badgeText(tabId), { timeout: SETTLE_MS }).toBe('8');

    // One card read from its own button: unread and badge follow.
    await card(page, items[0]?.paper.id ?? '').getByRole('button', { name: 'Mark as read' }).click();
    await expectStates(page, { ...allAs(idsOf(items), 'new'), ...allAs(idsOf(items.slice(0, 3)), 'unread'), [items[0]?.paper.id ?? '']: 'read' });
    await expectPopupCounts(popup, { unread: 7, total: 8 });
    await expect.poll(() => h.badgeText(tabId), { timeout: SETTLE_MS }).toBe('7');
  });

  it('"Mark all read" in the popup marks the cards read, and Undo restores them', async () => {
    const items = makeItems(6);
    const page = await openDaily(h, items);
    const tabId = await h.pageTabId(page);
    const popup = await h.openPopup(tabId);
    await expectPopupCounts(popup, { unread: 6, total: 6 });
    await popup.getByRole('button', { name: 'Mark all read' }).click();
    await expectStates(page, allAs(idsOf(items), 'read'));
    await expectPopupCounts(popup, { unread: 0, total: 6 });
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expectStates(page, allAs(idsOf(items), 'new'));
    await expectPopupCounts(popup, { new: 6, unread: 6, total: 6 });
  });

  it('says the layout is not recognized when a papers page has paper links but no cards', async () => {
    const html = `<!doctype html><html><head><title>Daily Papers</title></head><body class="DailyPapersPage"><main>
      <p>Today: <a href="/papers/2607.10001">one paper</a>, <a href="/papers/2607.10002">another</a> and
      <a href="https://huggingface.co/papers/2607.10003">a third</a>.</p></main></body></html>`;
    const page = await h.openPapersPage(dailyPath('2026-07-31'), html);
    const tabId = await h.pageTabId(page);
    const popup = await h.openPopup(tabId);
    await expect(popup.getByText(/doesn.t recognize this page.s layout/).waitFor({ timeout: SETTLE_MS })).resolves.toBeUndefined();
    expect(await popup.locator('[data-pi-count="total"]').count()).toBe(0);
    expect(await page.locator('[data-pi-id], [data-pi-ui]').count()).toBe(0);
  });

  it('annotates nothing on a page that is not a papers page', async () => {
    const items = makeItems(4);
    const html = buildTrendingPage(items);
    // Positive control: the same document at a papers URL is annotated.
    const papers = await h.openPapersPage('/papers/trending', html);
    await waitForCards(papers, idsOf(items));
    const models = await h.openPapersPage('/models', html);
    await models.waitForTimeout(2_000);
    expect(await models.locator('[data-pi-id], [data-pi-state], [data-pi-ui], [data-pi-action]').count()).toBe(0);
  });
});

describe('durability', () => {
  it('keeps every state across a service-worker restart', async () => {
    const items = makeItems(5);
    const page = await openDaily(h, items);
    const { readId, savedId } = await readOneSaveOne(page, items);
    await expectStates(page, { ...allAs(idsOf(items), 'new'), [readId]: 'read' });

    await h.restartServiceWorker();
    await page.reload();
    await expectStates(page, { ...allAs(idsOf(items), 'unread'), [readId]: 'read' });
    const after = await cards(page);
    expect(after.filter((c) => c.saved).map((c) => c.id)).toEqual([savedId]);
    const popup = await h.openPopup(await h.pageTabId(page));
    await expectPopupCounts(popup, { new: 0, unread: 4, total: 5, saved: 1 });
  });
});
