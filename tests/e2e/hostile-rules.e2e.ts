import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { makeItem, type HfItem } from '../fixtures/pages';
import { card, cards, expectPopupCounts, openDaily, SETTLE_MS } from './support';
import type { Backup } from '../../lib/export/backup';
import type { FilterRule } from '../../lib/filters/rule';
import { DEFAULT_SETTINGS } from '../../lib/settings';

/**
 * Issue #14: patterns that freeze a backtracking engine for seconds to minutes on the right text,
 * typed in the popup or brought in by a restored backup, then a page whose abstracts set them off.
 * The page must be annotated and keep answering (save, the popup's counts) as with no rule at all.
 */
let h: ExtensionHarness;
beforeEach(async () => {
  h = await launchExtension();
});
afterEach(async () => {
  await h.close();
});

// Worst-case text for the patterns below: long runs with no final match (20,000 characters, the clip).
const A_RUN = `${'a'.repeat(19_999)}!`;
const DOT_RUN = '.'.repeat(900);
const ITEMS: HfItem[] = [
  makeItem('2607.40001', 'Runs of a', { summary: A_RUN }),
  makeItem('2607.40002', 'Runs of dots', { summary: DOT_RUN }),
  makeItem('2607.40003', 'A plain paper', { summary: 'We study a method.' }),
];
const IDS = ITEMS.map((item) => item.paper.id);
const POLYNOMIAL = ['.*.*.*.*.*.*x', 'a*a*a*a*a*a*b'];

async function expectAnnotatedAndAnswering(page: Page): Promise<void> {
  await expect.poll(async () => (await cards(page)).filter((c) => c.state !== null).map((c) => c.id).sort(), { timeout: SETTLE_MS }).toEqual(IDS);
  // Still answering: a save goes through the worker and comes back to the card.
  await card(page, IDS[0] ?? '').locator('[data-pi-action="save"]').first().click();
  await expect.poll(async () => (await cards(page)).find((c) => c.id === IDS[0])?.saved, { timeout: SETTLE_MS }).toBe(true);
  const popup = await h.openPopup(await h.pageTabId(page));
  await expectPopupCounts(popup, { total: 3 });
}

function regexRule(id: string, pattern: string, enabled = true): FilterRule {
  return { id, pattern, kind: 'regex', fields: ['title', 'abstract', 'keywords'], action: 'hide', enabled, createdAt: 1, updatedAt: 1 };
}

describe('hostile user regexes', () => {
  it('rules typed in the popup never freeze a page whose text sets them off', async () => {
    const first = await openDaily(h, ITEMS);
    const popup = await h.openPopup(await h.pageTabId(first));
    await expectPopupCounts(popup, { total: 3 });
    for (const pattern of POLYNOMIAL) {
      await popup.getByLabel('Kind').selectOption('regex');
      await popup.getByRole('textbox', { name: /pattern/i }).fill(pattern);
      await popup.getByRole('button', { name: 'Add filter' }).click();
      await expect.poll(() => popup.locator('[data-pi-rule]').count(), { timeout: SETTLE_MS }).toBeGreaterThan(POLYNOMIAL.indexOf(pattern));
    }
    await popup.close();
    // A fresh load runs every rule over every card's text.
    await first.reload();
    await expectAnnotatedAndAnswering(first);
  });

  it('a restored backup with such rules loses nothing, switches off what cannot run, and freezes nothing', async () => {
    const backup: Backup = {
      format: 'papers-inbox-backup',
      version: 1,
      exportedAt: Date.UTC(2026, 11, 1),
      papers: [],
      saved: [],
      filters: [regexRule('poly-1', POLYNOMIAL[0] ?? ''), regexRule('poly-2', POLYNOMIAL[1] ?? ''), regexRule('backref', '(a)\\1+$')],
      settings: DEFAULT_SETTINGS,
    };
    const list = await h.openReadingList();
    await list.getByLabel('Restore from backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await expect
      .poll(async () => (await list.getByRole('status').allInnerTexts()).join(' '), { timeout: SETTLE_MS })
      .toMatch(/Restored: .*3 filters added.*The filter "\(a\)\\1\+\$" was restored switched off/);
    const stored = await (await h.extPage()).evaluate(
      () =>
        new Promise<{ id: string; enabled: boolean }[]>((resolve, reject) => {
          const open = indexedDB.open('papers-inbox');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('filters').objectStore('filters').getAll();
            all.onsuccess = () => resolve((all.result as { id: string; enabled: boolean }[]).map(({ id, enabled }) => ({ id, enabled })));
          };
        }),
    );
    expect(stored.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'backref', enabled: false },
      { id: 'poly-1', enabled: true },
      { id: 'poly-2', enabled: true },
    ]);
    const page = await openDaily(h, ITEMS);
    await expectAnnotatedAndAnswering(page);
  });
});
