import type { PageActions } from './actions';
import type { Lifetime } from './lifetime';
import type { Requester } from './messenger';
import type { PageSession } from './page-session';
import type { Overlay } from './toast';

/** What a feature is given: the session (queries, commands, events), the user's actions, the overlay. */
export type FeatureApi = {
  doc: Document;
  session: PageSession;
  actions: PageActions;
  overlay: Overlay;
  request: Requester;
};

/**
 * One content-script feature, the Refined GitHub shape (shared/docs/style.md): listed once in
 * start.ts, started for each page view of the kinds it is for, stopped with `life` when the view ends.
 */
export type Feature = {
  pages: 'lists' | 'paper';
  init(life: Lifetime, api: FeatureApi): void;
};
