import { UI_ATTR } from './annotate';
import type { Lifetime } from './lifetime';

/** Undo toasts stay at least 8 s (product.md §1). */
export const UNDO_TOAST_MS = 8_000;
const PLAIN_TOAST_MS = 5_000;

export type ToastAction = { label: string; run: () => void };
export type ToastOptions = { actions?: ToastAction[]; note?: string; durationMs?: number; role?: 'status' | 'alert' };
export type MenuItem = { label: string; run: () => void } | { heading: string };

/** An element with a class, attributes and text: the overlay builds many small ones. */
function make(doc: Document, tag: string, className: string, attrs: Record<string, string> = {}, text?: string): HTMLElement {
  const el = doc.createElement(tag);
  if (className) el.className = className;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * Toasts, the Mute… menu and the `?` help dialog, in ONE shadow root host so neither HF's CSS nor
 * ours leaks across. Created lazily on first use.
 */
export class Overlay {
  #shadow: ShadowRoot | null = null;
  #closeMenu: (() => void) | null = null;
  #closeHelp: (() => void) | null = null;

  readonly #doc: Document;
  readonly #life: Lifetime;
  /**
   * The overlay's stylesheet (public/overlay.css, web-accessible): linked, not carried
   * in the content script as a string, so pages that never open the overlay never load it.
   */
  readonly #cssUrl: string | undefined;

  constructor(doc: Document, life: Lifetime, cssUrl?: string) {
    this.#doc = doc;
    this.#life = life;
    this.#cssUrl = cssUrl;
  }

  /** Builds the shadow root (and starts loading its stylesheet) ahead of the first use. */
  prepare(): void {
    if (!this.#life.signal.aborted) this.#root();
  }

  #root(): HTMLElement {
    if (!this.#shadow) {
      const host = make(this.#doc, 'div', '', { [UI_ATTR]: 'overlay' });
      this.#doc.body.append(host);
      this.#shadow = host.attachShadow({ mode: 'open' });
      const root = make(this.#doc, 'div', 'root');
      root.append(make(this.#doc, 'div', 'toasts'));
      if (this.#cssUrl) this.#shadow.append(make(this.#doc, 'link', '', { rel: 'stylesheet', href: this.#cssUrl }));
      this.#shadow.append(root);
      this.#life.signal.addEventListener('abort', () => host.remove(), { once: true });
    }
    // The site may replace the body's content on a client-side switch: the host goes back in.
    const host = this.#shadow.host;
    if (!host.isConnected) this.#doc.body.append(host);
    const root = this.#shadow.querySelector<HTMLElement>('.root');
    if (!root) throw new Error('overlay root missing');
    // HF switches themes at runtime: re-read at each use.
    root.classList.toggle('dark', this.#doc.documentElement.classList.contains('dark'));
    return root;
  }

  #button(label: string, run: () => void): HTMLElement {
    const el = make(this.#doc, 'button', '', { type: 'button' }, label);
    el.addEventListener('click', run);
    return el;
  }

  toast(message: string, { actions = [], note, durationMs, role = 'status' }: ToastOptions = {}): void {
    // Torn down (the extension was reloaded under us): a late "could not…" must not leave a toast behind.
    if (this.#life.signal.aborted) return;
    const toasts = this.#root().querySelector('.toasts');
    const toast = make(this.#doc, 'div', 'toast', { role, [UI_ATTR]: 'toast' });
    toast.append(make(this.#doc, 'span', '', {}, message));
    const close = () => toast.remove();
    for (const action of actions) toast.append(this.#button(action.label, () => { close(); action.run(); }));
    if (note) toast.append(make(this.#doc, 'span', 'note', {}, note));
    toasts?.replaceChildren(toast); // one toast at a time: the latest action is the one to undo
    this.#life.setTimeout(close, durationMs ?? (actions.length > 0 ? UNDO_TOAST_MS : PLAIN_TOAST_MS));
  }

  /** A role=menu under anchor; arrow keys move, Escape closes, focus returns to anchor. */
  menu(anchor: HTMLElement, label: string, items: MenuItem[]): void {
    this.closeOverlays();
    const menu = make(this.#doc, 'div', 'menu', { role: 'menu', 'aria-label': label });
    const rect = anchor.getBoundingClientRect();
    menu.style.top = `${Math.round(rect.bottom + 4)}px`; // positions the popup, not a card
    menu.style.left = `${Math.round(rect.left)}px`;
    // Idempotent: removing the menu fires its own focusout, which dismisses it too.
    const dismiss = () => {
      if (!menu.isConnected) return false;
      menu.remove();
      this.#closeMenu = null;
      anchor.setAttribute('aria-expanded', 'false');
      return true;
    };
    const close = () => {
      if (dismiss()) anchor.focus();
    };
    for (const item of items) menu.append(this.#menuEntry(item, close));
    menu.addEventListener('keydown', (event) => this.#onMenuKey(event, menu, close));
    menu.addEventListener('focusout', (event) => {
      if (!(event.relatedTarget instanceof Node) || !menu.contains(event.relatedTarget)) dismiss();
    });
    this.#root().append(menu);
    this.#closeMenu = close;
    anchor.setAttribute('aria-expanded', 'true');
    menu.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }

  #menuEntry(item: MenuItem, close: () => void): HTMLElement {
    if ('heading' in item) {
      return make(this.#doc, 'div', 'heading', { role: 'presentation' }, item.heading);
    }
    const el = this.#button(item.label, () => { item.run(); close(); });
    el.setAttribute('role', 'menuitem');
    el.tabIndex = -1;
    return el;
  }

  #onMenuKey(event: KeyboardEvent, menu: HTMLElement, close: () => void): void {
    const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const at = items.findIndex((el) => el === this.#shadow?.activeElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Escape: close,
      Tab: close,
    };
    const handler = keys[event.key];
    if (!handler) return;
    event.preventDefault();
    event.stopPropagation();
    handler();
  }

  /**
   * The `?` dialog listing every key: a native modal `<dialog>`, so the browser keeps focus in it,
   * makes the page inert, closes it on Escape and gives focus back to where it was.
   */
  help(keys: ReadonlyArray<readonly [string, string]>): void {
    this.closeOverlays();
    const dialog = make(this.#doc, 'dialog', '', { 'aria-labelledby': 'pi-help-title' });
    if (!(dialog instanceof HTMLDialogElement)) return;
    const body = make(this.#doc, 'div', 'help');
    const list = make(this.#doc, 'dl', '');
    for (const [key, what] of keys) {
      const dt = make(this.#doc, 'dt', '');
      dt.append(make(this.#doc, 'kbd', '', {}, key));
      list.append(dt, make(this.#doc, 'dd', '', {}, what));
    }
    const close = () => dialog.close();
    body.append(make(this.#doc, 'h2', '', { id: 'pi-help-title' }, 'Papers Inbox keyboard shortcuts'), list, this.#button('Close', close));
    dialog.append(body);
    // A click outside the body lands on the dialog itself (its ::backdrop): closes, like Escape.
    dialog.addEventListener('click', (event) => event.target === dialog && close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      this.#closeHelp = null;
    });
    this.#root().append(dialog);
    this.#closeHelp = close;
    dialog.showModal();
  }

  isOpen(): boolean {
    return this.#closeMenu !== null || this.#closeHelp !== null;
  }

  /** Escape: closes the menu or dialog; true when something was open. */
  closeOverlays(): boolean {
    const open = this.isOpen();
    this.#closeMenu?.();
    this.#closeHelp?.();
    return open;
  }
}
