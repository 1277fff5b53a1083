import { retryToken } from './messenger';
import type { MuteChoice } from './mute-menu';
import type { PageSession } from './page-session';
import type { Overlay } from './toast';

/**
 * What the user can do to papers on the page (buttons, keys, link clicks, scroll-past). Each action
 * updates the page at once (optimistic), sends one message, and keeps the last undo token for `u`.
 */
export class PageActions {
  private lastUndo: { token: string; label: string } | null = null;

  constructor(private readonly session: PageSession, private readonly overlay: Overlay) {}

  private get request() {
    return this.session.deps.request;
  }

  private remember(token: string | undefined, label: string): void {
    if (token) this.lastUndo = { token, label };
  }

  /**
   * Local state for ids, re-rendered and reported (the store's store-changed confirms later).
   * Returns how to take it back when the write fails (the messenger has told the user why): the
   * page must not show as read what the store does not hold. Unread turns a new card new again.
   */
  private setLocalRead(ids: string[], read: boolean): () => void {
    const page = this.session.page;
    const show = (asRead: boolean) => {
      if (!page || this.session.page !== page) return;
      for (const id of ids) if (page.states.has(id)) page.setState(id, asRead ? 'read' : 'unread', false);
      for (const id of ids) this.session.renderOne(id);
      void this.session.report(page);
    };
    show(read);
    return () => show(!read);
  }

  /** Title/thumbnail click or scroll-past: fire-and-forget, one message per batch. */
  markRead(ids: string[]): void {
    const page = this.session.page;
    const todo = ids.filter((id) => !page?.isRead(id));
    if (todo.length === 0) return;
    const revert = this.setLocalRead(todo, true);
    void this.request({ type: 'set-read', ids: todo, read: true, token: retryToken() }).then((answer) =>
      answer ? this.remember(answer.undoToken, 'Marked read') : revert(),
    );
  }

  async toggleRead(id: string): Promise<void> {
    const read = !this.session.page?.isRead(id);
    const revert = this.setLocalRead([id], read);
    const answer = await this.request({ type: 'set-read', ids: [id], read, token: retryToken() });
    if (answer) this.remember(answer.undoToken, read ? 'Marked read' : 'Marked unread');
    else revert();
  }

  async toggleSave(id: string): Promise<void> {
    const page = this.session.page;
    const meta = this.session.metaOf(id);
    if (!page || !meta) return;
    const saving = !page.saved.has(id);
    const show = (saved: boolean) => {
      if (this.session.page !== page) return;
      if (saved) page.saved.add(id);
      else page.saved.delete(id);
      this.session.renderOne(id);
    };
    show(saving);
    const token = retryToken();
    const answer = saving ? await this.request({ type: 'save', paper: meta, token }) : await this.request({ type: 'unsave', id, token });
    if (!answer) return show(!saving); // the messenger has told the user why
    this.remember(answer.undoToken, saving ? 'Saved' : 'Removed');
    this.undoToast(saving ? 'Saved to reading list' : 'Removed from reading list', answer.undoToken, saving);
  }

  /** Shift+A: every card on the page that is not hidden. */
  async markAllRead(): Promise<void> {
    const page = this.session.page;
    if (!page) return;
    const ids = page.ids().filter((id) => !page.isHidden(id) && !page.isRead(id));
    if (ids.length === 0) return this.overlay.toast('Every paper on this page is already read.');
    const revert = this.setLocalRead(ids, true);
    const answer = await this.request({ type: 'mark-all-read', ids, token: retryToken() });
    if (!answer) return revert();
    const label = `Marked ${ids.length} ${ids.length === 1 ? 'paper' : 'papers'} read`;
    this.remember(answer.undoToken, label);
    this.undoToast(label, answer.undoToken, false);
  }

  /** A toast with Undo (and "Open reading list" after a save). Also used for the popup's Mark all read. */
  undoToast(label: string, token: string, offerList: boolean, note?: string): void {
    this.remember(token, label);
    const actions = [{ label: 'Undo', run: () => void this.undo(token) }];
    if (offerList) actions.push({ label: 'Open reading list', run: () => void this.request({ type: 'open-reading-list' }) });
    this.overlay.toast(label, note === undefined ? { actions } : { actions, note });
  }

  /** A choice of the Mute… menu: the background adds a hide rule; Undo (or `u`) removes it. */
  async mute(choice: MuteChoice): Promise<void> {
    const answer = await this.request({ type: 'mute', kind: choice.kind, pattern: choice.pattern, token: retryToken() });
    if (!answer) return; // the messenger has told the user why
    this.undoToast(`Muted “${choice.pattern}”`, answer.undoToken, false, 'Manage filters in the popup');
  }

  /** `u`, or a toast's Undo. The store's store-changed re-reads the restored states. */
  async undo(token = this.lastUndo?.token): Promise<void> {
    if (!token) return this.overlay.toast('Nothing to undo.');
    if (this.lastUndo?.token === token) this.lastUndo = null;
    if (await this.request({ type: 'undo', token })) this.overlay.toast('Undone');
  }

  /** Show on a hidden card: revealed for this page view only. */
  reveal(id: string): void {
    this.session.page?.revealed.add(id);
    this.session.renderOne(id);
    this.session.page?.elements.get(id)?.focus();
  }
}
