import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { waitFor } from './harness';

/**
 * Debian's Firefox ESR with the built Firefox extension (`.output/firefox-mv2`) installed as a
 * temporary add-on, driven over WebDriver BiDi. Playwright's Firefox needs its own patched build
 * (not downloadable here) or, over BiDi, commands ESR 153 lacks (`emulation.setMediaFeaturesOverride`
 * at context creation), so this speaks the dozen BiDi commands the smoke tests need itself.
 *
 * No traffic leaves the machine: every http(s) request a tab makes is intercepted and answered
 * from `serve()` (huggingface.co) or failed; what Firefox or the add-on's background would send
 * on its own goes to a proxy on 127.0.0.1:9, where nothing listens.
 */
export const FIREFOX_PATH = '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/firefox-mv2');
/** Fixed through a pref so extension pages have a known address. */
const EXTENSION_UUID = '5f0c2a4e-7d1b-4c39-9a55-3b6e1f0d2c71';
export const EXTENSION_BASE = `moz-extension://${EXTENSION_UUID}`;

const PREFS: Record<string, string | number | boolean> = {
  'remote.active-protocols': 1, // WebDriver BiDi only
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

/** The add-on's id, as the build wrote it (wxt.config.ts sets it): the uuid pref is keyed by it. */
function geckoId(): string {
  const manifest = JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`the Firefox build has no gecko id (${FIREFOX_EXTENSION_DIR}/manifest.json)`);
  return id;
}

type BidiMessage = { id?: number; type?: string; method?: string; params?: Record<string, unknown>; result?: unknown; error?: string; message?: string };
type InterceptedRequest = { isBlocked?: boolean; request?: { request?: string; url?: string } };

/** One WebDriver BiDi connection: commands by id, events to listeners. */
class Bidi {
  private nextId = 1;
  private readonly replies = new Map<number, (message: BidiMessage) => void>();
  private readonly listeners: ((message: BidiMessage) => void)[] = [];

  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as BidiMessage;
      if (message.id !== undefined) this.replies.get(message.id)?.(message);
      else for (const listen of this.listeners) listen(message);
    });
  }

  send(method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.replies.set(id, (reply) => {
        this.replies.delete(id);
        if (reply.type === 'error') reject(new Error(`${method}: ${reply.error ?? ''} ${reply.message ?? ''}`));
        else resolve(reply.result);
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(listen: (message: BidiMessage) => void): void {
    this.listeners.push(listen);
  }
}

/** A browsing context (tab) of the Firefox under test. */
export class FirefoxTab {
  constructor(private readonly bidi: Bidi, readonly context: string) {}

  async goto(url: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  async reload(): Promise<void> {
    await this.bidi.send('browsingContext.reload', { context: this.context, wait: 'complete' });
  }

  /** Runs `fn(arg)` in the page (its source is sent; it must be self-contained) and returns its JSON result. */
  async evaluate<A, T>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
    const expression = `(async () => JSON.stringify(await (${fn.toString()})(${JSON.stringify(arg)}) ?? null))()`;
    const answer = (await this.bidi.send('script.evaluate', { expression, target: { context: this.context }, awaitPromise: true })) as {
      type: string;
      result?: { value?: unknown };
      exceptionDetails?: { text?: string };
    };
    if (answer.type === 'exception') throw new Error(`evaluate failed: ${answer.exceptionDetails?.text ?? 'unknown error'}`);
    return JSON.parse(String(answer.result?.value)) as T;
  }

  /** Polls `fn(arg)` until it returns `expected` (compared as JSON); fails with the last value seen. */
  async until<A, T>(fn: (arg: A) => T | Promise<T>, arg: A, expected: T, timeoutMs = 15_000): Promise<void> {
    let last: T | undefined;
    try {
      await waitFor(async () => JSON.stringify((last = await this.evaluate(fn, arg))) === JSON.stringify(expected), timeoutMs, 'waiting');
    } catch {
      throw new Error(`expected ${JSON.stringify(expected)}, last seen ${JSON.stringify(last)} (after ${timeoutMs} ms)`);
    }
  }
}

export interface FirefoxHarness {
  /** Serves `html` at `https://huggingface.co${pathAndQuery}`. */
  serve(pathAndQuery: string, html: string): void;
  /** Every URL a tab asked for that was not served (failed instead). */
  readonly refused: string[];
  openTab(url: string): Promise<FirefoxTab>;
  /**
   * The tab whose address starts with `prefix`, once one is there. WebDriver BiDi may not navigate
   * to moz-extension: pages, so extension pages are opened the way a user would, then found here.
   */
  findTab(prefix: string, timeoutMs?: number): Promise<FirefoxTab>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxHarness> {
  const profile = mkdtempSync(path.join(tmpdir(), 'pi-firefox-'));
  const prefs = { ...PREFS, 'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: EXTENSION_UUID }) };
  writeFileSync(path.join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`).join(''));
  const firefox = spawn(FIREFOX_PATH, ['--headless', '--remote-debugging-port=0', '--profile', profile, 'about:blank'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const endpoint = await bidiEndpoint(firefox);
    const socket = new WebSocket(`${endpoint}/session`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const bidi = new Bidi(socket);
    await bidi.send('session.new', { capabilities: {} });
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXTENSION_DIR } });
    const pages = new Map<string, string>();
    const refused: string[] = [];
    await bidi.send('session.subscribe', { events: ['network.beforeRequestSent'] });
    await bidi.send('network.addIntercept', { phases: ['beforeRequestSent'] });
    bidi.on((message) => {
      if (message.method !== 'network.beforeRequestSent') return;
      void answer(bidi, message.params as InterceptedRequest, pages, refused);
    });
    return {
      serve: (pathAndQuery, html) => void pages.set(pathAndQuery, html),
      refused,
      async openTab(url) {
        const { context } = (await bidi.send('browsingContext.create', { type: 'tab' })) as { context: string };
        const tab = new FirefoxTab(bidi, context);
        await tab.goto(url);
        return tab;
      },
      async findTab(prefix, timeoutMs = 15_000) {
        let found: string | undefined;
        await waitFor(
          async () => {
            const tree = (await bidi.send('browsingContext.getTree', { maxDepth: 0 })) as { contexts: { context: string; url: string }[] };
            found = tree.contexts.find((c) => c.url.startsWith(prefix))?.context;
            return found !== undefined;
          },
          timeoutMs,
          `no tab at ${prefix}`,
        );
        return new FirefoxTab(bidi, found ?? '');
      },
      async close() {
        socket.close();
        await stop(firefox);
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop(firefox);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** A blocked request: a served huggingface.co page, or failed. */
async function answer(bidi: Bidi, params: InterceptedRequest, pages: Map<string, string>, refused: string[]): Promise<void> {
  const request = params.request?.request;
  if (!params.isBlocked || request === undefined) return;
  const url = new URL(params.request?.url ?? 'about:blank');
  const html = url.hostname === 'huggingface.co' ? (pages.get(url.pathname + url.search) ?? pages.get(url.pathname)) : undefined;
  if (html === undefined) {
    refused.push(url.href);
    await bidi.send('network.failRequest', { request }).catch(() => undefined);
    return;
  }
  const headers = [{ name: 'content-type', value: { type: 'string', value: 'text/html; charset=utf-8' } }];
  await bidi.send('network.provideResponse', { request, statusCode: 200, reasonPhrase: 'OK', headers, body: { type: 'string', value: html } });
}

function bidiEndpoint(firefox: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start WebDriver BiDi in 30 s:\n${output.slice(-2000)}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    firefox.stdout?.on('data', read);
    firefox.stderr?.on('data', read);
    firefox.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (code ${code}) before WebDriver BiDi started:\n${output.slice(-2000)}`));
    });
  });
}

async function stop(firefox: ChildProcess): Promise<void> {
  if (firefox.exitCode !== null || firefox.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => firefox.once('exit', () => resolve()));
  firefox.kill('SIGTERM');
  const timer = setTimeout(() => firefox.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
