import { retryToken } from './messenger';
import type { MuteChoice } from './mute-menu';
import type { PageSession } from './page-session';
import type { Overlay } from './toast';

/**
 * What the user can do to papers on the page (buttons, keys, link clicks, scroll-past). Each action
 * updates the page at once (optimistic), sends one message, and keeps the last undo token for `u`.
 */
export class PageActions {
  #lastUndo: { token: string; label: string } | null = null;

  readonly #session: PageSession;
  readonly #overlay: Overlay;

  constructor(session: PageSession, overlay: Overlay) {
    this.#session = session;
    this.#overlay = overlay;
  }

  get #request() {
    return this.#session.deps.request;
  }

  #remember(token: string | undefined, label: string): void {
    if (token) this.#lastUndo = { token, label };
  }

  #isRead(id: string): boolean {
    return this.#session.view(id)?.state === 'read';
  }

  /** Title/thumbnail click or scroll-past: fire-and-forget, one message per batch. */
  markRead(ids: string[]): void {
    const todo = ids.filter((id) => !this.#isRead(id));
    if (todo.length === 0) return;
    // Shown at once; a failed write is taken back (the messenger has told the user why).
    const revert = this.#session.setRead(todo, true);
    void this.#request({ type: 'set-read', ids: todo, read: true, token: retryToken() }).then((answer) =>
      answer ? this.#remember(answer.undoToken, 'Marked read') : revert(),
    );
  }

  async toggleRead(id: string): Promise<void> {
    const read = !this.#isRead(id);
    const revert = this.#session.setRead([id], read);
    const answer = await this.#request({ type: 'set-read', ids: [id], read, token: retryToken() });
    if (answer) this.#remember(answer.undoToken, read ? 'Marked read' : 'Marked unread');
    else revert();
  }

  async toggleSave(id: string): Promise<void> {
    const meta = this.#session.metaOf(id);
    const view = this.#session.view(id);
    if (!meta || !view) return;
    const saving = !view.saved;
    const revert = this.#session.setSaved(id, saving);
    const token = retryToken();
    const answer = saving ? await this.#request({ type: 'save', paper: meta, token }) : await this.#request({ type: 'unsave', id, token });
    if (!answer) return revert(); // the messenger has told the user why
    this.#remember(answer.undoToken, saving ? 'Saved' : 'Removed');
    this.undoToast(saving ? 'Saved to reading list' : 'Removed from reading list', answer.undoToken, saving);
  }

  /** Shift+A: every card on the page that is not hidden. */
  async markAllRead(): Promise<void> {
    if (this.#session.kind === null) return;
    const ids = this.#session.ids().filter((id) => this.#session.view(id)?.verdict?.action !== 'hide' && !this.#isRead(id));
    if (ids.length === 0) return this.#overlay.toast('Every paper on this page is already read.');
    const revert = this.#session.setRead(ids, true);
    const answer = await this.#request({ type: 'mark-all-read', ids, token: retryToken() });
    if (!answer) return revert();
    const label = `Marked ${ids.length} ${ids.length === 1 ? 'paper' : 'papers'} read`;
    this.#remember(answer.undoToken, label);
    this.undoToast(label, answer.undoToken, false);
  }

  /** A toast with Undo (and "Open reading list" after a save). Also used for the popup's Mark all read. */
  undoToast(label: string, token: string, offerList: boolean, note?: string): void {
    this.#remember(token, label);
    const actions = [{ label: 'Undo', run: () => void this.undo(token) }];
    if (offerList) actions.push({ label: 'Open reading list', run: () => void this.#request({ type: 'open-reading-list' }) });
    this.#overlay.toast(label, note === undefined ? { actions } : { actions, note });
  }

  /** A choice of the Mute… menu: the background adds a hide rule; Undo (or `u`) removes it. */
  async mute(choice: MuteChoice): Promise<void> {
    const answer = await this.#request({ type: 'mute', kind: choice.kind, pattern: choice.pattern, token: retryToken() });
    if (!answer) return; // the messenger has told the user why
    this.undoToast(`Muted “${choice.pattern}”`, answer.undoToken, false, 'Manage filters in the popup');
  }

  /** `u`, or a toast's Undo. The store's store-changed re-reads the restored states. */
  async undo(token = this.#lastUndo?.token): Promise<void> {
    if (!token) return this.#overlay.toast('Nothing to undo.');
    if (this.#lastUndo?.token === token) this.#lastUndo = null;
    if (await this.#request({ type: 'undo', token })) this.#overlay.toast('Undone');
  }

  /** Show on a hidden card: revealed for this page view only. */
  reveal(id: string): void {
    this.#session.reveal(id);
    this.#session.element(id)?.focus();
  }
}
