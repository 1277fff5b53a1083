import { browser } from 'wxt/browser';

/**
 * The content script's lifetime, built in place of WXT's ContentScriptContext (wxt.config.ts swaps
 * the module for the content-script build; WXT's own entry wrapper still constructs it). WXT's
 * class carries intervals, idle callbacks, a logger and unique custom-event names: 2 kB of a
 * 40 kB budget, for the four things this script uses:
 * - `signal`, aborted when a newer copy of this script starts in the page (an extension update
 *   or reload injects one beside the old) or when the extension context is gone;
 * - `setTimeout` and `requestAnimationFrame` that never run after that;
 * - `wxt:locationchange`: the page's soft navigations (HF is a SvelteKit app).
 * Its methods are a subset of WXT's, same signatures: the entry runs on either class.
 */
export class ContentScriptContext {
  readonly #controller = new AbortController();
  readonly #id = Math.random().toString(36).slice(2);
  readonly #started: string;

  constructor(contentScriptName: string) {
    // The event WXT's class uses too, with its detail: a copy built by an older version stops.
    this.#started = `${browser.runtime?.id}:${contentScriptName}:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(this.#started, { detail: { contentScriptName, messageId: this.#id } }));
    document.addEventListener(this.#started, this.#onStarted, { signal: this.signal });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  abort(): void {
    this.#controller.abort();
  }

  /** False once stopped; an extension reload takes `runtime` away from the old script. */
  get #alive(): boolean {
    if (browser.runtime?.id == null) this.abort();
    return !this.signal.aborted;
  }

  readonly #onStarted = (event: Event) => {
    if (event instanceof CustomEvent && event.detail?.messageId !== this.#id) this.abort();
  };

  setTimeout(handler: () => void, ms: number): number {
    const id = window.setTimeout(() => this.#alive && handler(), ms);
    this.signal.addEventListener('abort', () => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(handler: () => void): number {
    const id = requestAnimationFrame(() => this.#alive && handler());
    this.signal.addEventListener('abort', () => cancelAnimationFrame(id));
    return id;
  }

  /**
   * WXT's `ctx.addEventListener(window, 'wxt:locationchange', handler)`, the one event this script
   * listens to through its context: `handler` runs on every change of the URL by the page. From
   * the Navigation API's `navigate` event where the browser has it (it fires before location.href
   * changes), else by polling once a second (Firefox before 147).
   */
  addEventListener(_target: Window, _type: 'wxt:locationchange', handler: () => void, nav = navigationOf(globalThis)): void {
    let last = location.href;
    const changed = (href: string) => {
      if (href === last) return;
      last = href;
      handler();
    };
    if (nav) nav.addEventListener('navigate', (event) => changed(event.destination.url), { signal: this.signal });
    else {
      // One interval (not a timeout re-armed each second, each adding an abort listener).
      const id = window.setInterval(() => this.#alive && changed(location.href), 1_000);
      this.signal.addEventListener('abort', () => clearInterval(id));
    }
  }
}

type NavigateEvent = Event & { destination: { url: string } };
type Navigation = {
  addEventListener(type: 'navigate', listener: (event: NavigateEvent) => void, options: { signal: AbortSignal }): void;
};

function navigationOf(global: object): Navigation | null {
  const nav = (global as { navigation?: Partial<Navigation> }).navigation;
  return typeof nav?.addEventListener === 'function' ? (nav as Navigation) : null;
}
