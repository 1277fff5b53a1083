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
 * The background's message handler: the route table (lib/background/routes/) behind the
 * dispatcher, with the reads the routes keep between writes. `routes` is for tests only.
 */
export function createRequestHandler(deps: RequestHandlerDeps, routes: RouteTable = ROUTES): RequestHandler {
  const routeDeps: RouteDeps = {
    ...deps,
    rules: cachedRead(() => listFilters(deps.db)),
    savedIds: cachedRead(() => getSavedIds(deps.db)),
    seenTabs: new Set(),
  };
  return createDispatcher({
    routes,
    deps: routeDeps,
    invalidate: createInvalidator(routeDeps),
    // Development builds and tests: a wrong answer is our bug, caught where it is made.
    checkResponses: import.meta.env.DEV,
  });
}
