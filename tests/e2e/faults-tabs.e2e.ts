import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { buildPeriodPage, makeItems, type HfItem } from '../fixtures/pages';
import { card, cards, dailyPath, expectPopupCounts, idsOf, SETTLE_MS, waitForCards, type CardInfo } from './support';
import { quietExtensionPage, readStore, sendFromExtension } from './fault-support';

/**
 * Issue #6: ten papers tabs annotating at once, with overlapping papers. Every write races every
 * other; the store must serialize them so that each paper is "new" on exactly one of the tabs that
 * show it, read and saved everywhere they should be, and each tab's popup counts its own page.
 */
let h: ExtensionHarness;
beforeEach(async () => {
  h = await launchExtension();
});
afterEach(async () => {
  await h.close();
});

const TABS = 10;
const PER_TAB = 30;
const STEP = 9; // neighbours share 21 papers; 111 distinct papers over the ten tabs
const dateOf = (tab: number) => `2026-07-${String(10 + tab)}`;
const windowOf = (items: HfItem[], tab: number) => items.slice(tab * STEP, tab * STEP + PER_TAB);

type Tab = { page: Page; ids: string[]; seen: CardInfo[] };

/** Marks some papers read and saves others beforehand, as an extension page would. */
async function seed(ext: Page, read: string[], saved: string[]): Promise<void> {
  await sendFromExtension(ext, { type: 'set-read', ids: read, read: true });
  for (const id of saved) await sendFromExtension(ext, { type: 'save', paper: { id, title: `Saved ${id}` } });
}

/** Opens all ten tabs at once and waits until each shows a state on every card. */
async function openAll(items: HfItem[]): Promise<Tab[]> {
  const pages = await Promise.all(
    Array.from({ length: TABS }, (_, tab) => {
      const shown = windowOf(items, tab);
      return h.openPapersPage(dailyPath(dateOf(tab)), buildPeriodPage(shown, { periodType: 'day', dateString: dateOf(tab) }));
    }),
  );
  return Promise.all(pages.map(async (page, tab) => {
    const ids = idsOf(windowOf(items, tab));
    return { page, ids, seen: await waitForCards(page, ids) };
  }));
}

/** For each paper: the states it has on the tabs that show it. */
function statesById(tabs: Tab[]): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const { seen } of tabs) for (const c of seen) byId.set(c.id, [...(byId.get(c.id) ?? []), c.state ?? 'none']);
  return byId;
}

describe('ten tabs annotating at once', () => {
  it('overlapping papers: new on exactly one tab, read and saved everywhere, per-tab popup counts, store consistent', async () => {
    const items = makeItems((TABS - 1) * STEP + PER_TAB);
    const all = idsOf(items);
    const read = all.filter((_, i) => i % 7 === 3);
    const saved = all.filter((_, i) => i % 11 === 5);
    const ext = await quietExtensionPage(h);
    await seed(ext, read, saved);

    const tabs = await openAll(items);
    const byId = statesById(tabs);
    expect([...byId.keys()].sort()).toEqual([...all].sort());
    for (const [id, states] of byId) {
      const expected = read.includes(id) ? states.map(() => 'read') : ['new', ...states.slice(1).map(() => 'unread')];
      expect({ id, states: [...states].sort() }).toEqual({ id, states: [...expected].sort() });
    }
    for (const { seen } of tabs) expect(seen.filter((c) => c.saved).map((c) => c.id)).toEqual(seen.map((c) => c.id).filter((id) => saved.includes(id)));

    for (const { page, seen } of tabs) {
      const popup = await h.openPopup(await h.pageTabId(page));
      const count = (state: string) => seen.filter((c) => c.state === state).length;
      await expectPopupCounts(popup, { new: count('new'), unread: count('new') + count('unread'), total: PER_TAB, hidden: 0 });
      await popup.close();
    }

    // The store agrees: each tab's "new" papers are exactly those its page load showed first.
    const store = await readStore(ext);
    const rows = store.papers.filter((p) => all.includes(p.id));
    expect(rows.filter((p) => p.firstShownAt === undefined).map((p) => p.id)).toEqual([]);
    const firstLoads = new Map<string, string[]>();
    for (const p of rows) if (!read.includes(p.id)) firstLoads.set(p.firstShownLoad ?? '', [...(firstLoads.get(p.firstShownLoad ?? '') ?? []), p.id]);
    const newSets = tabs.map((t) => t.seen.filter((c) => c.state === 'new').map((c) => c.id).sort().join()).filter(Boolean).sort();
    expect([...firstLoads.values()].map((ids) => ids.sort().join()).sort()).toEqual(newSets);
    expect(store.papers.filter((p) => p.readAt !== undefined).map((p) => p.id).sort()).toEqual([...read].sort());
    expect(store.saved.sort()).toEqual([...saved].sort());

    // One more write from one tab reaches every tab showing that paper.
    const shared = all.find((id) => !read.includes(id) && tabs.filter((t) => t.ids.includes(id)).length >= 3) ?? '';
    const showing = tabs.filter((t) => t.ids.includes(shared));
    const [first] = showing;
    if (!first) throw new Error('no paper is shown on three tabs');
    await card(first.page, shared).getByRole('button', { name: 'Mark as read' }).click();
    for (const t of showing) {
      await expect.poll(async () => (await cards(t.page)).find((c) => c.id === shared)?.state, { timeout: SETTLE_MS }).toBe('read');
    }
  }, 240_000);
});
