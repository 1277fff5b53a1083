import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Route, type Worker } from 'playwright-core';
import type { Browser } from '@wxt-dev/browser';

/**
 * Launches Debian's Chromium with the built extension (`.output/chrome-mv3`) through playwright-core,
 * serves a fake huggingface.co from routes (every other host is aborted: the machine has no network
 * and tests must never depend on it), and gives tests typed helpers for tabs, popup, badge and the
 * service worker.
 *
 * What works (checked on Chromium 156, Debian): `--load-extension` in new headless mode; the service
 * worker's own `fetch` calls ARE intercepted by `context.route` (so the background's API refresh is
 * served from fixtures); `ServiceWorker.stopAllWorkers` over CDP really stops the worker, but the
 * Playwright `Worker` handle is then stale (evaluate hangs) and no new `serviceworker` event fires —
 * so every chrome.* call goes through an extension page ("helper page") instead of the worker.
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');
const FIXTURES_API = path.resolve(import.meta.dirname, '../fixtures/hf/api');

type Chrome = typeof Browser;
/** The `chrome` global inside an extension page (only referenced inside `evaluate` callbacks). */
type ExtensionGlobal = { chrome: Chrome };

export interface ApiRequest {
  url: string;
  /** True when the request came from the extension's service worker (not a page). */
  fromServiceWorker: boolean;
}

/** A fake huggingface.co: HTML per path (+query), API answered from the vendored fixtures. */
export class FakeSite {
  private readonly pages = new Map<string, string>();
  readonly apiRequests: ApiRequest[] = [];
  /** Override to change the API's answers (status + JSON body); return null for the default. */
  apiOverride: ((url: URL) => { status: number; body: unknown } | null) | null = null;
  private dailyItems: unknown[] = loadApiFixture('daily_papers_2026-07-31.json');

  /** Serves `html` at `pathAndQuery` (e.g. `/papers/date/2026-07-31` or `/papers?q=x`). */
  serve(pathAndQuery: string, html: string): void {
    this.pages.set(pathAndQuery, html);
  }

  setDailyItems(items: unknown[]): void {
    this.dailyItems = items;
  }

  async handle(route: Route, fromServiceWorker: boolean): Promise<void> {
    const url = new URL(route.request().url());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return route.continue();
    if (url.hostname !== 'huggingface.co') return route.abort('blockedbyclient');
    if (url.pathname.startsWith('/api/')) return this.handleApi(route, url, fromServiceWorker);
    const html = this.pages.get(url.pathname + url.search) ?? this.pages.get(url.pathname);
    if (html === undefined) {
      return route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>404</title><h1>404</h1>' });
    }
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  }

  private async handleApi(route: Route, url: URL, fromServiceWorker: boolean): Promise<void> {
    this.apiRequests.push({ url: url.href, fromServiceWorker });
    const override = this.apiOverride?.(url) ?? null;
    if (override !== null) return json(route, override.status, override.body);
    if (url.pathname === '/api/daily_papers') return json(route, 200, this.dailyItems);
    const paperMatch = /^\/api\/papers\/(\d{4}\.\d{4,5})$/.exec(url.pathname);
    if (paperMatch) {
      const paper = findPaper(this.dailyItems, paperMatch[1] ?? '') ?? findPaperInAllFixtures(paperMatch[1] ?? '');
      return paper === null ? json(route, 404, { error: 'Paper not found' }) : json(route, 200, paper);
    }
    return json(route, 404, { error: 'Not found' });
  }
}

function json(route: Route, status: number, body: unknown): Promise<void> {
  return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
}

const fixtureCache = new Map<string, unknown[]>();
/** A vendored API response (parsed once: the paper API may be asked once per card). */
export function loadApiFixture(name: string): unknown[] {
  const cached = fixtureCache.get(name);
  if (cached) return cached;
  const parsed: unknown = JSON.parse(readFileSync(path.join(FIXTURES_API, name), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`fixture ${name} is not an array`);
  fixtureCache.set(name, parsed);
  return parsed;
}

function findPaper(items: readonly unknown[], id: string): unknown {
  for (const item of items) {
    if (typeof item !== 'object' || item === null || !('paper' in item)) continue;
    const paper: unknown = item.paper;
    if (typeof paper === 'object' && paper !== null && 'id' in paper && paper.id === id) return paper;
  }
  return null;
}

function findPaperInAllFixtures(id: string): unknown {
  for (const name of ['daily_papers_2026-06-12.json', 'daily_papers_2026-07-31.json', 'daily_papers_2026-07-13_to_07-27_weekdays.json']) {
    const found = findPaper(loadApiFixture(name), id);
    if (found !== null) return found;
  }
  return null;
}

export interface LaunchOptions {
  /** Reuse a profile (e.g. to check that state survives a browser restart). Default: a new temp dir. */
  userDataDir?: string;
  /**
   * Give the browser a disk of this many MB: its profile on a private tmpfs, so IndexedDB meets a
   * real full disk (CDP's quota override does not apply to extension origins). Needs `unshare`.
   */
  diskMb?: number;
}

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  /** The service worker as first started. Stale after `restartServiceWorker()`: prefer `extPage`. */
  serviceWorker: Worker;
  site: FakeSite;
  userDataDir: string;
  /** Opens `https://huggingface.co${pathAndQuery}` in a new tab, serving `html` there when given. */
  openPapersPage(pathAndQuery: string, html?: string): Promise<Page>;
  /** Opens `popup.html?tabId=N` in a new tab. */
  openPopup(tabId: number): Promise<Page>;
  openReadingList(): Promise<Page>;
  /** The chrome tab id of a page (looked up by its URL; the URL must be unique among tabs). */
  pageTabId(page: Page): Promise<number>;
  /** The toolbar badge text for a tab (or the global one). */
  badgeText(tabId?: number): Promise<string>;
  /** A long-lived extension page where `chrome.*` is available: `(await h.extPage()).evaluate(...)`. */
  extPage(): Promise<Page>;
  /** Stops the extension's service worker (CDP) and wakes it again with a message. */
  restartServiceWorker(): Promise<void>;
  /** SIGKILLs every process of the browser at once, as a crash would: nothing gets to shut down. */
  crash(): Promise<void>;
  close(): Promise<void>;
}

export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--no-sandbox',
    '--disable-gpu',
  ];
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  const ownsDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'pi-e2e-'));
  const smallDisk = options.diskMb === undefined ? null : smallDiskChromium(userDataDir, options.diskMb);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: smallDisk?.launcher ?? CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(EXTENSION_DIR),
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  const site = new FakeSite();
  // Pages and the service worker both go through context routes. Only the web: routing the
  // extension's own chrome-extension:// files through Node would slow every popup load measured.
  const web = (url: URL) => url.protocol === 'https:' || url.protocol === 'http:';
  await context.route(web, (route) => site.handle(route, route.request().serviceWorker() !== null));
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  const base = `chrome-extension://${extensionId}`;

  let helper: Page | null = null;
  async function helperPage(): Promise<Page> {
    if (helper !== null && !helper.isClosed()) return helper;
    const page = await context.newPage();
    // Any extension page has the chrome.* APIs; manifest-declared pages exist in every build.
    await page.goto(`${base}/popup.html?tabId=0`);
    helper = page;
    return page;
  }

  async function pageTabId(page: Page): Promise<number> {
    const url = page.url();
    const ids = await (await helperPage()).evaluate(async (u: string) => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      const tabs = await chrome.tabs.query({});
      return tabs.filter((t) => t.url === u || t.pendingUrl === u).map((t) => t.id ?? -1);
    }, url);
    if (ids.length !== 1 || ids[0] === undefined || ids[0] < 0) {
      throw new Error(`expected exactly one tab at ${url}, found ${ids.length}`);
    }
    return ids[0];
  }

  async function badgeText(tabId?: number): Promise<string> {
    return (await helperPage()).evaluate(async (id: number | null) => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      return chrome.action.getBadgeText(id === null ? {} : { tabId: id });
    }, tabId ?? null);
  }

  async function restartServiceWorker(): Promise<void> {
    const page = await helperPage();
    const cdp: CDPSession = await context.newCDPSession(page);
    const scriptUrl = serviceWorker.url();
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const v of event.versions) if (v.scriptURL === scriptUrl) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    const before = statuses.length;
    await cdp.send('ServiceWorker.stopAllWorkers');
    // An open extension page may wake it again at once, so look for 'stopped' anywhere after the call.
    await waitFor(() => statuses.indexOf('stopped', before) >= 0, 10_000, 'the service worker did not stop');
    const stoppedAt = statuses.indexOf('stopped', before);
    // Any message wakes it; get-page-context has no side effects.
    await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      // The event alone wakes the worker; a missing listener must not fail the restart.
      await chrome.runtime.sendMessage({ type: 'get-page-context' }).catch(() => undefined);
    });
    await waitFor(() => statuses.indexOf('running', stoppedAt) >= 0, 10_000, 'the service worker did not start again');
    await cdp.send('ServiceWorker.disable');
    await cdp.detach();
  }

  return {
    context,
    extensionId,
    serviceWorker,
    site,
    userDataDir,
    async openPapersPage(pathAndQuery, html) {
      if (html !== undefined) site.serve(pathAndQuery, html);
      const page = await context.newPage();
      await page.goto(`https://huggingface.co${pathAndQuery}`);
      return page;
    },
    async openPopup(tabId) {
      const page = await context.newPage();
      await page.goto(`${base}/popup.html?tabId=${tabId}`);
      return page;
    },
    async openReadingList() {
      const page = await context.newPage();
      await page.goto(`${base}/reading-list.html`);
      return page;
    },
    pageTabId,
    badgeText,
    extPage: helperPage,
    restartServiceWorker,
    async crash() {
      const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
      process.kill(-browserProcessGroup(userDataDir), 'SIGKILL');
      await closed;
    },
    async close() {
      await context.close();
      if (ownsDir) rmSync(userDataDir, { recursive: true, force: true });
      if (smallDisk !== null) rmSync(smallDisk.dir, { recursive: true, force: true });
    },
  };
}

/**
 * The process group of the browser using `userDataDir`: Playwright starts Chromium detached, so the
 * browser leads a group that holds every one of its processes (renderers, the service worker's,
 * the storage and network services).
 */
function browserProcessGroup(userDataDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      // The field after the parenthesized name: state, parent, process group.
      const group = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[2]);
      if (group === Number(entry) && args.includes(`--user-data-dir=${userDataDir}`)) return group;
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error(`no browser process found for the profile ${userDataDir}`);
}

/**
 * A launcher that runs Chromium in a mount namespace of its own (root mapped to the caller, so no
 * privileges needed) with a `sizeMb` tmpfs over the profile. The tmpfs goes away with the browser.
 */
function smallDiskChromium(userDataDir: string, sizeMb: number): { launcher: string; dir: string } {
  if (!Number.isInteger(sizeMb) || sizeMb < 32) throw new Error(`diskMb must be an integer ≥ 32 (Chromium's profile needs room), got ${sizeMb}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'pi-disk-'));
  const launcher = path.join(dir, 'chromium');
  const quoted = `'${userDataDir.replaceAll("'", "'\\''")}'`;
  writeFileSync(
    launcher,
    `#!/bin/sh\nexec unshare --map-root-user --mount sh -c 'mount -t tmpfs -o size=${sizeMb}m tmpfs "$0" && exec ${CHROMIUM_PATH} "$@"' ${quoted} "$@"\n`,
  );
  chmodSync(launcher, 0o755);
  return { launcher, dir };
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${message} (after ${timeoutMs} ms)`);
}
