import type { PaperMeta } from '../paper';
import { createSaveButton, renderSaveButton, UI_ATTR } from './annotate';
import { retryToken } from './messenger';
import type { PageModel } from './page-model';
import type { PageSession } from './page-session';

/**
 * A paper's own page: record it as shown, mark it read (opening it is reading it), and put a Save
 * button next to its h1. Reports kind 'paper' so the popup describes the tab.
 */
export async function showPaperSave(session: PageSession, page: PageModel, meta: PaperMeta, anchor: HTMLElement | null): Promise<void> {
  const { doc, request } = session.deps;
  // The model needs an element per id for its summary; the h1 is never annotated (render skips paper pages).
  page.elements.set(meta.id, anchor ?? doc.body);
  page.metas.set(meta.id, meta);
  const shown = await request({ type: 'cards-shown', loadId: page.loadId, papers: [meta] });
  if (session.page !== page) return;
  if (shown) {
    for (const m of shown.metas) page.mergeMeta(m);
    if (shown.saved.includes(meta.id)) page.saved.add(meta.id);
  }
  page.states.set(meta.id, 'read');
  void request({ type: 'set-read', ids: [meta.id], read: true, token: retryToken() });
  if (anchor) insertSaveButton(anchor, meta.id, page.saved.has(meta.id));
  await session.report(page);
}

function insertSaveButton(anchor: HTMLElement, id: string, saved: boolean): void {
  const doc = anchor.ownerDocument;
  const wrap = doc.createElement('div');
  wrap.setAttribute(UI_ATTR, 'paper-controls');
  const save = createSaveButton(doc, id);
  renderSaveButton(save, saved);
  wrap.append(save);
  anchor.after(wrap);
}

/** Re-renders the paper page's Save button after a toggle or a store change. */
export function renderPaperSave(doc: Document, id: string, saved: boolean): void {
  const el = doc.querySelector<HTMLButtonElement>(`[data-pi-ui="paper-controls"] [data-pi-action="save"][data-pi-for="${id}"]`);
  if (el) renderSaveButton(el, saved);
}
