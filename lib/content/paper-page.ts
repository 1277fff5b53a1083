import { createSaveButton, renderSaveButton, UI_ATTR } from './annotate';
import type { Feature } from './feature';
import { retryToken } from './messenger';

/** Save next to the h1: a press is the card controls' Save (the same toggle, the same toast). */
function insertSaveButton(anchor: HTMLElement, id: string, toggle: () => void): HTMLButtonElement {
  const doc = anchor.ownerDocument;
  const wrap = doc.createElement('div');
  wrap.setAttribute(UI_ATTR, 'paper-controls');
  const save = createSaveButton(doc, id);
  save.addEventListener('click', toggle);
  wrap.append(save);
  anchor.after(wrap);
  return save;
}

/**
 * A paper's own page: opening it is reading it (marked read once the store has answered for it,
 * taken back when the write fails), and a Save button next to its h1 that follows the stored state.
 */
export const paperPage: Feature = {
  pages: 'paper',
  init(life, { doc, session, actions, request }) {
    let save: HTMLButtonElement | null = null;
    let opened = false;
    session.onChange((id) => {
      const view = session.view(id);
      const anchor = session.element(id);
      if (!view || !anchor) return;
      if (!opened) {
        opened = true;
        const revert = session.setRead([id], true);
        void request({ type: 'set-read', ids: [id], read: true, token: retryToken() }).then((answer) => answer || revert());
      }
      // The session's element is the h1, or the body when the page has none: no button then.
      if (anchor !== doc.body) save ??= insertSaveButton(anchor, id, () => void actions.toggleSave(id));
      if (save) renderSaveButton(save, view.saved);
    }, life.signal);
  },
};
