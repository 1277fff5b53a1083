import { paperIdFromHref } from '../hf/paper-link';
import { FOR_ATTR, UI_ATTR } from './annotate';
import type { PageActions } from './actions';
import { openMuteMenu } from './mute-menu';
import type { PageSession } from './page-session';
import type { Overlay } from './toast';

type Deps = { session: PageSession; actions: PageActions; overlay: Overlay; signal: AbortSignal };

/** Our control buttons: delegated, so one listener serves every card. */
function onControl(button: HTMLElement, { session, actions, overlay }: Deps): void {
  const id = button.getAttribute(FOR_ATTR);
  if (!id) return;
  const action = button.getAttribute('data-pi-action');
  if (action === 'save') void actions.toggleSave(id);
  else if (action === 'read') void actions.toggleRead(id);
  else if (action === 'mute') openMuteMenu(button, session.metaOf(id), overlay, (choice) => void actions.mute(choice));
  else if (action === 'show') actions.reveal(id);
}

/** A click on a card's own paper link (title, thumbnail) is reading it: mark read before navigating. */
function onPaperLink(link: HTMLAnchorElement, session: PageSession, actions: PageActions): void {
  const card = link.closest('[data-pi-id]');
  const id = card?.getAttribute('data-pi-id');
  if (!id || paperIdFromHref(link.getAttribute('href')) !== id || link.closest(`[${UI_ATTR}]`)) return;
  if (session.page?.elements.get(id) === card) actions.markRead([id]);
}

/** Capture-phase listeners on document: run before HF's handlers and before navigation starts. */
export function listenForClicks(doc: Document, deps: Deps): void {
  const opts = { capture: true, signal: deps.signal };
  doc.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const control = target?.closest<HTMLElement>('[data-pi-action]');
    if (control?.closest(`[${UI_ATTR}]`)) {
      event.preventDefault();
      event.stopPropagation(); // HF's card-wide handlers must not see our buttons' clicks
      onControl(control, deps);
      return;
    }
    const link = target?.closest('a');
    if (link) onPaperLink(link, deps.session, deps.actions);
  }, opts);
  // Middle-click opens a tab without a click event: auxclick covers it.
  doc.addEventListener('auxclick', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (link && event.button === 1) onPaperLink(link, deps.session, deps.actions);
  }, opts);
}
