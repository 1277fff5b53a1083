import type { PageActions } from './actions';
import type { PageSession } from './page-session';
import type { Overlay } from './toast';
import { openMuteMenu } from './mute-menu';


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
export class Keyboard {
  focused: string | null = null;

  constructor(private readonly session: PageSession, private readonly actions: PageActions, private readonly overlay: Overlay) {}

  /** Hidden by a filter (and not revealed) or hidden by the read-cards setting. */
  isSkipped = (id: string): boolean => {
    const page = this.session.page;
    if (!page) return true;
    if (page.isHidden(id) && !page.revealed.has(id)) return true;
    return this.session.settings?.readCards === 'hidden' && page.isRead(id);
  };

  focus(id: string): void {
    const page = this.session.page;
    const element = page?.elements.get(id);
    if (!element) return;
    if (this.focused) page?.elements.get(this.focused)?.removeAttribute('data-pi-focused');
    this.focused = id;
    element.setAttribute('data-pi-focused', 'true');
    element.scrollIntoView?.({ block: 'center' });
    element.focus({ preventScroll: true });
  }

  move(dir: 1 | -1): void {
    const page = this.session.page;
    const ids = page?.ids() ?? [];
    // The "for you" order moves the cards with CSS `order` only: j/k follow what the user sees.
    // (sort is stable, as equal `order` values keep the page's order.)
    const score = (id: string) => page?.scores.get(id)?.score ?? 0;
    if (this.session.settings?.cardOrder === 'for-you') ids.sort((a, b) => score(b) - score(a));
    const i = nextIndex(ids, this.focused, dir, this.isSkipped);
    const id = ids[i];
    if (id !== undefined) this.focus(id);
  }

  /** The focused card, or the card the keyboard focus is inside (after Tab into its controls). */
  current(doc: Document): string | null {
    const inside = doc.activeElement?.closest?.('[data-pi-id]')?.getAttribute('data-pi-id');
    return inside ?? this.focused;
  }

  private open(id: string): void {
    const link = this.session.page?.elements.get(id)?.querySelector<HTMLAnchorElement>(`a[href$="/papers/${id}"]`);
    this.actions.markRead([id]);
    if (link) link.click();
    else window.location.assign(`/papers/${id}`);
  }

  private onCardKey(key: string, id: string, doc: Document): boolean {
    const onCard: Record<string, () => void> = {
      o: () => this.open(id),
      Enter: () => this.open(id),
      s: () => void this.actions.toggleSave(id),
      r: () => void this.actions.toggleRead(id),
      m: () => {
        const button = this.session.page?.elements.get(id)?.ownerDocument.querySelector<HTMLElement>(`[data-pi-action="mute"][data-pi-for="${id}"]`);
        if (button) openMuteMenu(button, this.session.metaOf(id), this.overlay, (choice) => void this.actions.mute(choice));
      },
    };
    const run = onCard[key];
    // Enter on a focused control (button, link) keeps its native meaning.
    if (!run || (key === 'Enter' && doc.activeElement !== this.session.page?.elements.get(id))) return false;
    run();
    return true;
  }

  handle = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (event.key === 'Escape') {
      if (this.overlay.closeOverlays()) event.preventDefault();
      return;
    }
    // Keys typed in our menu or dialog are theirs (they arrive retargeted to the overlay host).
    if (this.overlay.isOpen() || !this.session.page || this.session.page.kind.name === 'paper') return;
    const doc = this.session.deps.doc;
    const global: Record<string, () => void> = {
      j: () => this.move(1),
      k: () => this.move(-1),
      u: () => void this.actions.undo(),
      A: () => void this.actions.markAllRead(),
      '?': () => this.overlay.help(KEYS),
    };
    // Shift+A only (Caps Lock alone must not mark a whole page read).
    const key = event.key.toLowerCase() === 'a' ? (event.shiftKey ? 'A' : 'a') : event.key;
    const run = global[key];
    const id = this.current(doc);
    const handled = run ? (run(), true) : id !== null && this.onCardKey(key, id, doc);
    if (handled) event.preventDefault();
  };
}
