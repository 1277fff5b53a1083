import type { Feature, FeatureApi } from './feature';
import { inShownOrder } from './for-you-order';

export const KEYS: ReadonlyArray<readonly [string, string]> = [
  ['j', 'Next paper'],
  ['k', 'Previous paper'],
  ['o / Enter', 'Open the paper'],
  ['s', 'Save / unsave'],
  ['r', 'Mark read / unread'],
  ['m', 'Mute topics or authors…'],
  ['u', 'Undo the last action'],
  ['Shift+A', 'Mark all on this page read'],
  ['?', 'This list'],
  ['Esc', 'Close menus and dialogs'],
];

/** Index of the next card to focus in direction dir, skipping cards the user can't see; -1 if none. */
export function nextIndex(ids: string[], current: string | null, dir: 1 | -1, skip: (id: string) => boolean): number {
  const at = current === null ? -1 : ids.indexOf(current);
  let i = at === -1 ? (dir === 1 ? 0 : ids.length - 1) : at + dir;
  for (; i >= 0 && i < ids.length; i += dir) {
    const id = ids[i];
    if (id !== undefined && !skip(id)) return i;
  }
  return -1;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * j/k/o/Enter/s/r/m/u/Shift+A/?/Escape on a papers list. Listens on document in the capture
 * phase only for unmodified keys outside text fields, so HF's own shortcuts and typing are untouched.
 */
class Keyboard {
  /** The card j/k last went to, in this page view. */
  #focused: string | null = null;

  readonly #api: FeatureApi;

  constructor(api: FeatureApi) {
    this.#api = api;
  }

  get #session() {
    return this.#api.session;
  }

  #focus(id: string): void {
    const element = this.#session.element(id);
    if (!element) return;
    if (this.#focused) this.#session.element(this.#focused)?.removeAttribute('data-pi-focused');
    this.#focused = id;
    element.setAttribute('data-pi-focused', 'true');
    element.scrollIntoView?.({ block: 'center' });
    element.focus({ preventScroll: true });
  }

  #move(dir: 1 | -1): void {
    const ids = inShownOrder(this.#session);
    const i = nextIndex(ids, this.#focused, dir, this.#session.isSkipped);
    const id = ids[i];
    if (id !== undefined) this.#focus(id);
  }

  /** The focused card, or the card the keyboard focus is inside (after Tab into its controls). */
  #current(doc: Document): string | null {
    const inside = doc.activeElement?.closest?.('[data-pi-id]')?.getAttribute('data-pi-id');
    return inside ?? this.#focused;
  }

  #open(id: string): void {
    const link = this.#session.element(id)?.querySelector<HTMLAnchorElement>(`a[href$="/papers/${id}"]`);
    this.#api.actions.markRead([id]);
    if (link) link.click();
    else window.location.assign(`/papers/${id}`);
  }

  #onCardKey(key: string, id: string, doc: Document): boolean {
    const { actions } = this.#api;
    const onCard: Record<string, () => void> = {
      o: () => this.#open(id),
      Enter: () => this.#open(id),
      s: () => void actions.toggleSave(id),
      r: () => void actions.toggleRead(id),
      // The card's own Mute… button: the mute menu opens from it, anchored to it.
      m: () => doc.querySelector<HTMLElement>(`[data-pi-action="mute"][data-pi-for="${id}"]`)?.click(),
    };
    const run = onCard[key];
    // Enter on a focused control (button, link) keeps its native meaning.
    if (!run || (key === 'Enter' && doc.activeElement !== this.#session.element(id))) return false;
    run();
    return true;
  }

  handle = (event: KeyboardEvent): void => {
    const { doc, actions, overlay } = this.#api;
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (event.key === 'Escape') {
      if (overlay.closeOverlays()) event.preventDefault();
      return;
    }
    // Keys typed in our menu or dialog are theirs (they arrive retargeted to the overlay host).
    if (overlay.isOpen()) return;
    const global: Record<string, () => void> = {
      j: () => this.#move(1),
      k: () => this.#move(-1),
      u: () => void actions.undo(),
      A: () => void actions.markAllRead(),
      '?': () => overlay.help(KEYS),
    };
    // Shift+A only (Caps Lock alone must not mark a whole page read).
    const key = event.key.toLowerCase() === 'a' ? (event.shiftKey ? 'A' : 'a') : event.key;
    const run = global[key];
    const id = this.#current(doc);
    const handled = run ? (run(), true) : id !== null && this.#onCardKey(key, id, doc);
    if (handled) event.preventDefault();
  };
}

/** The keys of a papers list, for the page view (a paper's own page has none). */
export const keyboardNav: Feature = {
  pages: 'lists',
  init(life, api) {
    api.doc.addEventListener('keydown', new Keyboard(api).handle, { capture: true, signal: life.signal });
  },
};
