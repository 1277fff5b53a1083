import { paperIdFromHref } from '../hf/paper-link';
import { FOR_ATTR, UI_ATTR } from './annotate';
import type { Feature, FeatureApi } from './feature';

/** Our Save / Mark read / Show buttons (Mute… is the mute menu's). */
function onControl(button: HTMLElement, { actions }: FeatureApi): void {
  const id = button.getAttribute(FOR_ATTR);
  if (!id) return;
  const action = button.getAttribute('data-pi-action');
  if (action === 'save') void actions.toggleSave(id);
  else if (action === 'read') void actions.toggleRead(id);
  else if (action === 'show') actions.reveal(id);
}

/** A click on a card's own paper link (title, thumbnail) is reading it: mark read before navigating. */
function onPaperLink(link: HTMLAnchorElement, { session, actions }: FeatureApi): void {
  const card = link.closest('[data-pi-id]');
  const id = card?.getAttribute('data-pi-id');
  if (!id || paperIdFromHref(link.getAttribute('href')) !== id || link.closest(`[${UI_ATTR}]`)) return;
  if (session.element(id) === card) actions.markRead([id]);
}

/**
 * The cards' controls and paper links. Capture-phase listeners on document, delegated (one serves
 * every card): they run before HF's handlers and before navigation starts.
 */
export const cardControls: Feature = {
  pages: 'lists',
  init(life, api) {
    const opts = { capture: true, signal: life.signal };
    api.doc.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const control = target?.closest<HTMLElement>('[data-pi-action]');
      if (control?.closest(`[${UI_ATTR}]`)) {
        event.preventDefault();
        event.stopPropagation(); // HF's card-wide handlers must not see our buttons' clicks
        onControl(control, api);
        return;
      }
      const link = target?.closest('a');
      if (link) onPaperLink(link, api);
    }, opts);
    // Middle-click opens a tab without a click event: auxclick covers it.
    api.doc.addEventListener('auxclick', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (link && event.button === 1) onPaperLink(link, api);
    }, opts);
  },
};
