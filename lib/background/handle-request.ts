import { getSavedIds, listFilters } from '../store/repository';
import { cachedRead } from './cached-read';
import { createDispatcher, type RequestHandler } from './dispatch';
import { createInvalidator } from './invalidate';
import { ROUTES } from './routes';
import type { RequestHandlerDeps, RouteDeps, RouteTable } from './routes/route';

export type { MessageSender } from './sender';
export type { RequestHandler } from './dispatch';
export type { RequestHandlerDeps } from './routes/route';

/**
 * The handler, and what a writer outside it (sync applying another device's changes) calls
 * after writing the store: as after an undo, anything may have changed, so the cached rules and
 * saved ids are dropped and the tabs (with the page context), badges and ranker told.
 */
export type BackgroundHandler = RequestHandler & { storeChangedElsewhere(): Promise<void> };

/**
 * The background's message handler: the route table (lib/background/routes/) behind the
 * dispatcher, with the reads the routes keep between writes. `routes` is for tests only.
 */
export function createRequestHandler(deps: RequestHandlerDeps, routes: RouteTable = ROUTES): BackgroundHandler {
  const routeDeps: RouteDeps = {
    ...deps,
    rules: cachedRead(() => listFilters(deps.db)),
    savedIds: cachedRead(() => getSavedIds(deps.db)),
    seenTabs: new Set(),
  };
  const invalidate = createInvalidator(routeDeps);
  const handle = createDispatcher({
    routes,
    deps: routeDeps,
    invalidate,
    // Development builds and tests: a wrong answer is our bug, caught where it is made.
    checkResponses: import.meta.env.DEV,
  });
  const everything = { everything: true, rules: true, settings: true };
  return Object.assign(handle, { storeChangedElsewhere: () => invalidate(everything, { kind: 'extension' }) });
}
