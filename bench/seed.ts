import type { Page } from 'playwright-core';
import { bitsRowsFor } from '../lib/store/state-index';

export type SeedResult = { ms: number; ids: string[] };

/**
 * Fills the extension's own database with `papers` paper rows and `saved` reading-list rows,
 * written with the raw IndexedDB API from an extension page (the page's Dexie has created the
 * schema; `serviceWorker.evaluate` cannot import modules, and pushing 100 MB over CDP would be the
 * slow part). Rows follow lib/store/records.ts: PaperRecord in `papers`, SavedRecord in `saved`.
 */
export async function seedStore(page: Page, counts: { papers: number; saved: number }): Promise<SeedResult> {
  // tsx (esbuild keepNames) wraps named inner functions in `__name(...)`; give the page that helper.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  const seeded = await seedRows(page, counts);
  const t0 = Date.now();
  await seedStateIndex(page, seeded.ids, new Set(seeded.readIds));
  return { ms: seeded.ms + (Date.now() - t0), ids: seeded.ids };
}

/**
 * Raw writes bypass Dexie, and with it the middleware that keeps the state index (`stateBits`,
 * lib/store/state-index.ts) in step: the index rows are built here with the extension's own
 * encoding and written beside the papers, as the v3 upgrade would have.
 */
async function seedStateIndex(page: Page, ids: readonly string[], read: ReadonlySet<string>): Promise<void> {
  const rows = bitsRowsFor(ids.map((id) => ({ id, firstShownAt: 1, ...(read.has(id) ? { readAt: 1 } : {}) })));
  const plain = rows.map((row) => ({ key: row.key, read: Array.from(row.read), shown: Array.from(row.shown) }));
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('papers-inbox');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('stateBits', 'readwrite');
      for (const row of rows) tx.objectStore('stateBits').put({ key: row.key, read: new Uint8Array(row.read), shown: new Uint8Array(row.shown) });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    });
    db.close();
  }, plain);
}

function seedRows(page: Page, counts: { papers: number; saved: number }): Promise<SeedResult & { readIds: string[] }> {
  return page.evaluate(async ({ papers, saved }) => {
    const t0 = performance.now();
    const open = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('papers-inbox');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('open failed'));
      });
    // The background's Dexie creates the schema on its first request; never create it ourselves.
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    await chrome.runtime.sendMessage({ type: 'get-states', ids: ['2301.10000'] });
    let db = await open();
    for (let tries = 0; !['papers', 'saved', 'stateBits'].every((name) => db.objectStoreNames.contains(name)); tries++) {
      db.close();
      if (tries > 100) throw new Error("object stores 'papers'/'saved'/'stateBits' missing after 30 s (schema not created?)");
      await new Promise((resolve) => setTimeout(resolve, 300));
      db = await open();
    }
    const words = ['diffusion', 'language', 'models', 'zero-shot', 'fuzzy', 'agents', 'reasoning', 'vision', 'protein', 'graph', 'scaling', 'video', 'speech', 'quantum', 'robot', 'benchmark', 'alignment', 'sparse', 'retrieval', 'tokenizer'];
    const pick = (i: number, k: number) => words[(i * 7 + k * 13) % words.length] ?? 'model';
    const idOf = (i: number) => `${2301 + Math.floor(i / 50_000)}.${String(10_000 + (i % 50_000))}`;
    const now = Date.UTC(2026, 10, 23);
    const ids: string[] = [];
    const readIds: string[] = [];
    const put = (store: string, rows: object[]) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        const os = tx.objectStore(store);
        for (const row of rows) os.put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
      });
    const CHUNK = 5_000;
    for (let start = 0; start < papers; start += CHUNK) {
      const rows: object[] = [];
      for (let i = start; i < Math.min(papers, start + CHUNK); i++) {
        const id = idOf(i);
        ids.push(id);
        if (i % 3 === 0) readIds.push(id);
        const title = `${pick(i, 1)} ${pick(i, 2)} for ${pick(i, 3)} ${pick(i, 4)} (${i})`;
        rows.push({
          id,
          title: title.charAt(0).toUpperCase() + title.slice(1),
          authors: [`Author ${i % 997}`, `Author ${(i * 3) % 991}`, `Author ${(i * 5) % 983}`],
          summary: `We study ${pick(i, 5)} and ${pick(i, 6)}. `.repeat(12),
          keywords: [pick(i, 7), pick(i, 8), pick(i, 9)],
          publishedAt: new Date(now - (i % 900) * 86_400_000).toISOString(),
          submittedOnDailyAt: new Date(now - (i % 900) * 86_400_000).toISOString(),
          upvotes: i % 300,
          firstShownAt: now - i * 1000,
          ...(i % 3 === 0 ? { readAt: now - i * 500 } : {}),
          updatedAt: now - i * 1000,
        });
      }
      await put('papers', rows);
    }
    const savedRows = ids.slice(0, saved).map((id, i) => ({ id, savedAt: now - i * 60_000, tags: i % 4 === 0 ? ['to-cite'] : [], note: '', status: i % 5 === 0 ? 'done' : 'to-read', updatedAt: now - i * 60_000 }));
    for (let start = 0; start < savedRows.length; start += CHUNK) await put('saved', savedRows.slice(start, start + CHUNK));
    db.close();
    return { ms: performance.now() - t0, ids, readIds };
  }, counts);
}
