import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './harness';
import { makeItems } from '../fixtures/pages';
import { readStore, sendFromExtension } from './fault-support';
import { allAs, card, cards, expectPopupCounts, expectStates, idsOf, openDaily, readOneSaveOne, SETTLE_MS } from './support';

const STORAGE_FULL = 'Storage is full: free some disk space or remove papers from the reading list, then try again.';
const FILLER_DB = 'pi-test-disk-filler';

let h: ExtensionHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/**
 * Fills the disk from an extension page (same origin, so the same quota and the same disk as the
 * extension's own database): random bytes (nothing compresses them), in smaller and smaller
 * pieces until not even 10 bytes fit. Returns the bytes written.
 */
function fillDisk(ext: Page): Promise<number> {
  return ext.evaluate(async (name: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onupgradeneeded = () => open.result.createObjectStore('filler');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const put = (bytes: number, key: number) =>
      new Promise<string>((resolve) => {
        const chunk = new Uint8Array(bytes);
        for (let at = 0; at < bytes; at += 65_536) crypto.getRandomValues(chunk.subarray(at, at + 65_536));
        const tx = db.transaction('filler', 'readwrite');
        // Big pieces as blobs (files of their own), small ones inline in the database's own files.
        tx.objectStore('filler').put(bytes >= 100_000 ? new Blob([chunk]) : chunk, key);
        tx.oncomplete = () => resolve('ok');
        tx.onabort = () => resolve(tx.error?.name ?? 'AbortError');
      });
    let written = 0;
    let key = 0;
    for (const bytes of [1_000_000, 100_000, 10_000, 1_000, 100, 10]) {
      for (;;) {
        const outcome = await put(bytes, key++);
        if (outcome === 'QuotaExceededError') break;
        if (outcome !== 'ok') throw new Error(`filling the disk failed with ${outcome}`);
        written += bytes;
      }
    }
    db.close();
    return written;
  }, FILLER_DB);
}

function freeDisk(ext: Page): Promise<void> {
  return ext.evaluate(
    (name: string) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
    FILLER_DB,
  );
}

const alerts = (page: Page) => page.getByRole('alert').filter({ hasText: STORAGE_FULL });
/** Waits for the storage-full alert, then takes it away, so the next one seen is a new one. */
async function expectAlertThenDismiss(page: Page): Promise<void> {
  await expect.poll(() => alerts(page).count(), { timeout: SETTLE_MS }).toBe(1);
  await alerts(page).evaluate((toast) => toast.remove());
}
const saved = async (page: Page) => (await cards(page)).filter((c) => c.saved).map((c) => c.id).sort();

describe('a full disk (the browser profile on a 96 MB tmpfs, filled through IndexedDB)', () => {
  it('refuses writes with a clear sentence, shows what the store holds, loses nothing, and works again once space is freed', async () => {
    h = await launchExtension({ diskMb: 96 });
    const items = makeItems(6);
    const ids = idsOf(items);
    const [, , toSave = '', toRead = ''] = ids;
    const page = await openDaily(h, items);
    const { readId, savedId } = await readOneSaveOne(page, items);
    const ext = await h.extPage();
    const before = await readStore(ext);
    // The whole disk but Chromium's reserve: tens of MB on this tmpfs.
    expect(await fillDisk(ext)).toBeGreaterThan(20_000_000);

    // Save on a card: refused, said once, and the card goes back to not saved.
    await card(page, toSave).getByRole('button', { name: 'Save to reading list' }).click();
    await expectAlertThenDismiss(page);
    await expect.poll(() => saved(page), { timeout: SETTLE_MS }).toEqual([savedId]);
    expect(await card(page, toSave).getByRole('button', { name: 'Save to reading list' }).count()).toBe(1);

    // Mark as read: refused, and the card is new again, as the store still has it.
    await card(page, toRead).getByRole('button', { name: 'Mark as read' }).click();
    await expectAlertThenDismiss(page);
    await expectStates(page, { ...allAs(ids, 'new'), [readId]: 'read' });

    // The popup's filter form shows the same sentence, and no rule is stored.
    const popup = await h.openPopup(await h.pageTabId(page));
    await popup.getByRole('textbox', { name: /pattern/i }).fill('quasar');
    await popup.getByRole('button', { name: 'Add filter' }).click();
    await expect.poll(() => alerts(popup).count(), { timeout: SETTLE_MS }).toBe(1);
    expect(await sendFromExtension(ext, { type: 'get-page-context' })).toMatchObject({ ok: true, data: { rules: [] } });

    // A reload while full: the cards show the stored states (a revisit has nothing new to write).
    await page.reload();
    await expectStates(page, { ...allAs(ids, 'unread'), [readId]: 'read' });
    await expect.poll(() => saved(page), { timeout: SETTLE_MS }).toEqual([savedId]);
    // Papers never seen: their cards-shown write is refused and said; they are still marked new.
    const unseen = makeItems(9).slice(6);
    const other = await openDaily(h, unseen, '2026-08-03');
    await expectStates(other, allAs(idsOf(unseen), 'new'));
    await expectAlertThenDismiss(other);
    // Every refused write left the store exactly as it was: no row changed, none half-written.
    expect(await readStore(ext)).toEqual(before);

    // Space freed: the same actions work, and nothing written before the disk filled was lost.
    await freeDisk(ext);
    await card(page, toSave).getByRole('button', { name: 'Save to reading list' }).click();
    await card(page, toRead).getByRole('button', { name: 'Mark as read' }).click();
    await expect.poll(() => saved(page), { timeout: SETTLE_MS }).toEqual([savedId, toSave].sort());
    await page.reload();
    await expectStates(page, { ...allAs(ids, 'unread'), [readId]: 'read', [toRead]: 'read' });
    await expect.poll(() => saved(page), { timeout: SETTLE_MS }).toEqual([savedId, toSave].sort());
    expect(await alerts(page).count()).toBe(0);
    await expectPopupCounts(popup, { saved: 2 });
    const after = await readStore(ext);
    expect(after.saved.sort()).toEqual([savedId, toSave].sort());
    expect(after.papers.filter((p) => p.readAt !== undefined).map((p) => p.id).sort()).toEqual([readId, toRead].sort());
  });
});
