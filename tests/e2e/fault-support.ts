import type { Browser } from '@wxt-dev/browser';
import type { CDPSession, Page } from 'playwright-core';
import { waitFor, type ExtensionHarness } from './harness';

type ExtensionGlobal = { chrome: typeof Browser };

/**
 * An extension page that sends nothing by itself (the reading list only reads IndexedDB), unlike the
 * harness's popup-based helper, which polls the background every second and so keeps waking it.
 */
export async function quietExtensionPage(h: ExtensionHarness): Promise<Page> {
  const page = await h.openReadingList();
  await page.waitForLoadState('domcontentloaded');
  return page;
}

/**
 * Watches the extension's service worker over CDP (status transitions) and stops it on demand
 * WITHOUT waking it again: the next message from a tab (a retry) has to wake it, as in real MV3.
 */
export class WorkerControl {
  private readonly statuses: string[] = [];

  private constructor(private readonly cdp: CDPSession, private readonly scriptUrl: string) {
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const v of event.versions) if (v.scriptURL === scriptUrl) this.statuses.push(v.runningStatus);
    });
  }

  static async attach(h: ExtensionHarness, extensionPage: Page): Promise<WorkerControl> {
    const cdp = await h.context.newCDPSession(extensionPage);
    const control = new WorkerControl(cdp, h.serviceWorker.url());
    await cdp.send('ServiceWorker.enable');
    return control;
  }

  /** Stops every service worker of the profile and waits until ours reports 'stopped'. */
  async stop(): Promise<void> {
    const mark = this.statuses.length;
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    // A retrying tab may wake it at once: 'stopped' anywhere after the call counts.
    await waitFor(() => this.statuses.indexOf('stopped', mark) >= 0, 10_000, 'the service worker did not stop');
  }

  async detach(): Promise<void> {
    await this.cdp.send('ServiceWorker.disable').catch(() => undefined);
    await this.cdp.detach().catch(() => undefined);
  }
}

export type StoredPaper = { id: string; title?: string; firstShownAt?: number; firstShownLoad?: string; readAt?: number };
export type StoreDump = { papers: StoredPaper[]; saved: string[]; undo: number };

/**
 * The extension's IndexedDB as it is on disk, read from an extension page with the raw API (no
 * service worker involved): what a restart would find.
 */
export async function readStore(extensionPage: Page): Promise<StoreDump> {
  return extensionPage.evaluate(async () => {
    const open = indexedDB.open('papers-inbox');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (name: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [papers, saved, undo] = await Promise.all([all('papers'), all('saved'), all('undo')]);
    db.close();
    // Rows as Dexie wrote them (PaperRecord / SavedRecord): the test checks their fields.
    return { papers: papers as StoredPaper[], saved: (saved as { id: string }[]).map((row) => row.id), undo: undo.length };
  });
}

/** Of `ids`, how many rows exist / are read: a transaction of `batch` rows shows all or nothing. */
export const rowsOf = (store: StoreDump, ids: string[]) => {
  const wanted = new Set(ids);
  const rows = store.papers.filter((p) => wanted.has(p.id));
  return { rows: rows.length, read: rows.filter((p) => p.readAt !== undefined).length };
};

/** Sends a request as an extension page would (set-read, save, …) and returns the reply. */
export async function sendFromExtension(extensionPage: Page, message: unknown): Promise<unknown> {
  return extensionPage.evaluate(async (msg) => {
    const { chrome } = globalThis as unknown as ExtensionGlobal;
    return chrome.runtime.sendMessage(msg);
  }, message);
}

export type PageProblem = { world: string; text: string };

/**
 * Every uncaught exception and console error/warning of a page, in ANY of its worlds (the page's
 * own and the content script's isolated one), straight from CDP's Runtime domain.
 */
export class PageProblems {
  readonly problems: PageProblem[] = [];
  private readonly worlds = new Map<number, string>();

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Runtime.executionContextCreated', ({ context }) => this.worlds.set(context.id, context.name || 'page'));
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
      const world = this.worlds.get(exceptionDetails.executionContextId ?? -1) ?? 'unknown';
      this.problems.push({ world, text: exceptionDetails.exception?.description ?? exceptionDetails.text });
    });
    cdp.on('Runtime.consoleAPICalled', ({ type, args, executionContextId }) => {
      if (type !== 'error' && type !== 'warning' && type !== 'assert') return;
      const text = args.map((a) => String(a.value ?? a.description ?? '')).join(' ');
      this.problems.push({ world: this.worlds.get(executionContextId) ?? 'unknown', text: `console.${type}: ${text}` });
    });
  }

  static async attach(page: Page): Promise<PageProblems> {
    const cdp = await page.context().newCDPSession(page);
    const problems = new PageProblems(cdp);
    await cdp.send('Runtime.enable');
    return problems;
  }

  /** The content script's isolated world (named after the extension), once the page has one. */
  contentScriptWorld(extensionName: string): number | undefined {
    for (const [id, name] of this.worlds) if (name === extensionName) return id;
    return undefined;
  }

  /** Throws (asynchronously, uncaught) inside a world: proves this collector sees that world. */
  async probe(contextId: number, marker: string): Promise<void> {
    await this.cdp.send('Runtime.evaluate', { contextId, expression: `setTimeout(() => { throw new Error(${JSON.stringify(marker)}); }, 0)` });
  }

  clear(): void {
    this.problems.length = 0;
  }
}

export const EXTENSION_NAME = 'Papers Inbox';

/** One `chrome.runtime.sendMessage` call of the content script, as the tap saw it. */
export type TappedCall = { type: string; loadId?: string; count: number; settled: 'pending' | 'ok' | 'error'; error?: string };

/**
 * Observes (never changes) the content script's messages: wraps `chrome.runtime.sendMessage` in
 * its isolated world, over CDP, as soon as the world exists. The script's first message is sent
 * during its first task and answered in a later one, so the tap is in place for everything after
 * it (`cards-shown`, `mark-all-read`, …). Tells the test exactly when a write is in flight.
 */
export class MessageTap {
  private world: number | undefined;

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.name !== EXTENSION_NAME) return;
      this.world = context.id;
      void cdp.send('Runtime.evaluate', { contextId: context.id, expression: TAP_SOURCE }).catch(() => undefined);
    });
  }

  static async attach(page: Page): Promise<MessageTap> {
    const cdp = await page.context().newCDPSession(page);
    const tap = new MessageTap(cdp);
    await cdp.send('Runtime.enable');
    return tap;
  }

  async calls(): Promise<TappedCall[]> {
    if (this.world === undefined) return [];
    const { result } = await this.cdp.send('Runtime.evaluate', {
      contextId: this.world,
      expression: 'JSON.stringify(globalThis.__piTap ?? [])',
      returnByValue: true,
    });
    return typeof result.value === 'string' ? (JSON.parse(result.value) as TappedCall[]) : [];
  }

  /** Waits until a call of `type` has been sent and is not answered yet (polled as fast as CDP allows). */
  async waitForPending(type: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let calls: TappedCall[] = [];
    while (Date.now() < deadline) {
      calls = await this.calls();
      if (calls.some((c) => c.type === type && c.settled === 'pending')) return;
    }
    throw new Error(`no pending ${type} seen in ${timeoutMs} ms; calls: ${JSON.stringify(calls.slice(-10))}`);
  }
}

/** Runs in the content script's world: records each message and how it settled. */
const TAP_SOURCE = `(() => {
  if (globalThis.__piTap) return;
  const log = (globalThis.__piTap = []);
  const runtime = chrome.runtime;
  const original = runtime.sendMessage.bind(runtime);
  runtime.sendMessage = (...args) => {
    const message = args[0] ?? {};
    const entry = { type: String(message.type), loadId: message.loadId, count: (message.papers ?? message.ids ?? []).length, settled: 'pending' };
    log.push(entry);
    const result = original(...args);
    Promise.resolve(result).then(() => { entry.settled = 'ok'; }, (e) => { entry.settled = 'error'; entry.error = String(e && e.message); });
    return result;
  };
})()`;

/** Where the worker is frozen (then stopped) inside a big write on the `papers` store. */
export type WritePoint = 'mid-write' | 'after-commit';

/**
 * Instrumentation for the service worker (one instance: a restarted worker starts clean). Counts
 * puts per readwrite transaction on `papers` (through `IDBObjectStore.prototype.put`, which Dexie
 * calls per row); 'mid-write' pauses at the `threshold`-th put (part of a batch queued, nothing
 * committed), 'after-commit' pauses in that transaction's `complete` event, before Dexie's own
 * handler (written, reply not sent yet). The pause is a `debugger` statement: the test, attached as a debugger, sees it and stops
 * the worker right there.
 */
const freezeSource = (point: WritePoint, threshold: number) => `(() => {
  const puts = new WeakMap();
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    const tx = this.transaction;
    if (this.name === 'papers' && tx.mode === 'readwrite') {
      const count = (puts.get(tx) ?? 0) + 1;
      puts.set(tx, count);
      if (${JSON.stringify(point)} === 'mid-write' && count === ${threshold}) debugger;
      // Dexie resolves (and the worker replies) from tx.oncomplete: pause before it runs.
      if (${JSON.stringify(point)} === 'after-commit' && count === ${threshold}) {
        const dexie = tx.oncomplete;
        tx.oncomplete = function (event) { debugger; return dexie?.call(this, event); };
      }
    }
    return put.apply(this, args);
  };
})()`;

type TargetReply = { id?: number; method?: string; result?: unknown; error?: { message: string } };

/**
 * A debugger attached to the running service worker through an extension page's CDP session
 * (Playwright gives no CDP session for workers; `Target.sendMessageToTarget` does).
 */
export class WorkerFreezer {
  private nextId = 1;
  private readonly replies = new Map<number, (reply: TargetReply) => void>();
  private paused = false;

  private constructor(private readonly cdp: CDPSession, private readonly sessionId: string) {
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message) as TargetReply;
      if (reply.method === 'Debugger.paused') this.paused = true;
      if (reply.id !== undefined) this.replies.get(reply.id)?.(reply);
    });
  }

  /** Attaches to the extension's running worker (waking it with a harmless message first). */
  static async arm(extensionPage: Page, point: WritePoint, threshold: number): Promise<WorkerFreezer> {
    await sendFromExtension(extensionPage, { type: 'get-page-context' });
    const cdp = await extensionPage.context().newCDPSession(extensionPage);
    const { targetInfos } = await cdp.send('Target.getTargets');
    // Node gives chrome-extension: URLs an opaque origin ("null"): build it from the host.
    const origin = `chrome-extension://${new URL(extensionPage.url()).host}/`;
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(origin));
    if (!target) throw new Error('the extension service worker is not running');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const freezer = new WorkerFreezer(cdp, sessionId);
    await freezer.send('Debugger.enable');
    await freezer.send('Runtime.evaluate', { expression: freezeSource(point, threshold) });
    return freezer;
  }

  private send(method: string, params: object = {}): Promise<TargetReply> {
    const id = this.nextId++;
    const reply = new Promise<TargetReply>((resolve) => this.replies.set(id, resolve));
    void this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    return reply.then((r) => (r.error ? Promise.reject(new Error(`${method}: ${r.error.message}`)) : r));
  }

  async waitUntilFrozen(timeoutMs = 30_000): Promise<void> {
    await waitFor(() => this.paused, timeoutMs, 'the service worker never reached the write point');
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}
