import type { Feature } from './feature';
import type { PageSession } from './page-session';

/**
 * "For you" order (setting `cardOrder`): `<html data-pi-order="for-you">` lets for-you-order.css
 * lay the cards out by their `data-pi-score`, with CSS `order` only: HF's DOM is never moved.
 */
export const forYouOrder: Feature = {
  pages: 'lists',
  init(life, { doc, session }) {
    session.onSettings((settings) => doc.documentElement.setAttribute('data-pi-order', settings.cardOrder), life.signal);
  },
};

/** The cards in the order the user sees them: j/k follow it. (The sort is stable, as equal `order` values keep the page's order.) */
export function inShownOrder(session: PageSession): string[] {
  const ids = session.ids();
  const score = (id: string) => session.view(id)?.score?.score ?? 0;
  if (session.settings?.cardOrder === 'for-you') ids.sort((a, b) => score(b) - score(a));
  return ids;
}
