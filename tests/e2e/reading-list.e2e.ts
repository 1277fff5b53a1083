import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { makeItem, makeItems } from '../fixtures/pages';
import { card, cards, expectPopupCounts, openDaily, servePaper, SETTLE_MS } from './support';

const open: ExtensionHarness[] = [];
async function launch(userDataDir?: string): Promise<ExtensionHarness> {
  const h = await launchExtension(userDataDir === undefined ? {} : { userDataDir });
  open.push(h);
  return h;
}
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

/** Ids of the reading list's rows, sorted (the row order is a view setting, not what we test here). */
async function rowIds(list: Page): Promise<string[]> {
  const ids = await list.$$eval('[data-pi-id]', (rows) => rows.map((r) => r.getAttribute('data-pi-id') ?? ''));
  return ids.sort();
}

async function expectRows(list: Page, ids: readonly string[]): Promise<void> {
  await expect.poll(() => rowIds(list), { timeout: SETTLE_MS }).toEqual([...ids].sort());
}

/** Clicks a button that triggers a download and returns the downloaded file's text. */
async function download(page: Page, buttonName: string | RegExp): Promise<{ name: string; text: string; file: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: SETTLE_MS }), page.getByRole('button', { name: buttonName }).click()]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pi-dl-')), dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), text: readFileSync(file, 'utf8'), file };
}

describe('reading list', () => {
  it('saves from a card and from a paper page, lists, searches, exports BibTeX, and restores a backup in a new profile', async () => {
    const h = await launch();
    const items = [
      makeItem('2607.20001', 'Sparse Mixture Routing for Tiny Language Models'),
      makeItem('2607.20002', 'Protein Folding with Diffusion Priors'),
      ...makeItems(3),
    ];
    const [fromCard, fromPaperPage] = items;
    if (!fromCard || !fromPaperPage) throw new Error('no items');

    // Save from a card.
    const page = await openDaily(h, items);
    const tabId = await h.pageTabId(page);
    await card(page, fromCard.paper.id).getByRole('button', { name: 'Save to reading list' }).click();
    await expect.poll(async () => (await cards(page)).filter((c) => c.saved).map((c) => c.id), { timeout: SETTLE_MS }).toEqual([fromCard.paper.id]);
    await expect(card(page, fromCard.paper.id).getByRole('button', { name: 'Remove from reading list' }).count()).resolves.toBe(1);
    const popup = await h.openPopup(tabId);
    await expectPopupCounts(popup, { saved: 1 });

    // Save from the paper's own page.
    const paperPage = await h.context.newPage();
    await paperPage.goto(`https://huggingface.co${servePaper(h, fromPaperPage)}`);
    await paperPage.getByRole('button', { name: 'Save to reading list' }).click({ timeout: SETTLE_MS });
    await paperPage.getByRole('button', { name: 'Remove from reading list' }).waitFor({ timeout: SETTLE_MS });
    await expectPopupCounts(popup, { saved: 2 });
    // The open list page hears about it without a reload.
    await expect.poll(async () => (await cards(page)).filter((c) => c.saved).map((c) => c.id).sort(), { timeout: SETTLE_MS }).toEqual(
      [fromCard.paper.id, fromPaperPage.paper.id].sort(),
    );

    // The reading list page.
    const list = await h.openReadingList();
    await expectRows(list, [fromCard.paper.id, fromPaperPage.paper.id]);
    await list.getByRole('searchbox', { name: 'Search reading list' }).fill('protein');
    await expectRows(list, [fromPaperPage.paper.id]);
    await list.getByRole('searchbox', { name: 'Search reading list' }).fill('');
    await expectRows(list, [fromCard.paper.id, fromPaperPage.paper.id]);

    // BibTeX: one @misc per paper, with the arXiv eprint.
    const bib = await download(list, /Export BibTeX/);
    expect(bib.text.match(/@misc\s*\{/g) ?? []).toHaveLength(2);
    for (const id of [fromCard.paper.id, fromPaperPage.paper.id]) expect(bib.text).toMatch(new RegExp(`eprint\\s*=\\s*\\{${id.replace('.', '\\.')}\\}`));

    // Backup, then restore into a brand-new profile.
    const backup = await download(list, 'Back up everything');
    expect(() => JSON.parse(backup.text) as unknown).not.toThrow();

    const fresh = await launch();
    const freshList = await fresh.openReadingList();
    await expectRows(freshList, []);
    await freshList.getByLabel('Restore from backup file').setInputFiles(backup.file);
    await expectRows(freshList, [fromCard.paper.id, fromPaperPage.paper.id]);
    // States came along too: the paper page was read, the rest were shown (unread, not new).
    const again = await openDaily(fresh, items);
    await expect.poll(async () => Object.fromEntries((await cards(again)).map((c) => [c.id, c.state])), { timeout: SETTLE_MS }).toEqual(
      Object.fromEntries(items.map((item) => [item.paper.id, item.paper.id === fromPaperPage.paper.id ? 'read' : 'unread'])),
    );
    // And the page said so (checked last so the checks above report on their own).
    // Polled together so a failure shows the page's error sentence, if any.
    await expect
      .poll(
        async () => ({
          restored: (await freshList.getByRole('status').allInnerTexts()).some((t) => /Restored/.test(t)),
          alerts: (await freshList.getByRole('alert').allInnerTexts()).filter((t) => t.trim() !== ''),
        }),
        { timeout: SETTLE_MS },
      )
      .toEqual({ restored: true, alerts: [] });
  });

  it('refuses a bad backup file with a sentence and changes nothing', async () => {
    const h = await launch();
    const items = makeItems(2);
    const page = await openDaily(h, items);
    await card(page, items[0]?.paper.id ?? '').getByRole('button', { name: 'Save to reading list' }).click();
    const list = await h.openReadingList();
    await expectRows(list, [items[0]?.paper.id ?? '']);
    const bad = path.join(mkdtempSync(path.join(tmpdir(), 'pi-bad-')), 'backup.json');
    writeFileSync(bad, JSON.stringify({ version: 999, papers: 'nope' }));
    await list.getByLabel('Restore from backup file').setInputFiles(bad);
    const alert = list.getByRole('alert');
    await alert.waitFor({ timeout: SETTLE_MS });
    expect(((await alert.textContent()) ?? '').trim().length).toBeGreaterThan(10);
    await expectRows(list, [items[0]?.paper.id ?? '']);
  });
});
