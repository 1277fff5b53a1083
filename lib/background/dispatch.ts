import type { Reply } from '../messages';
import { Refusal, type Invalidation, type RequestType, type Route, type RouteDeps, type RouteSender, type RouteTable } from './routes/route';
import { classifySender, type MessageSender } from './sender';
import { storageErrorSentence } from './storage-error-sentence';

export type RequestHandler = (message: unknown, sender: MessageSender) => Promise<Reply<unknown>>;

export interface Dispatcher {
  routes: RouteTable;
  deps: RouteDeps;
  /** Carries out a route's `invalidates` (lib/background/invalidate.ts). */
  invalidate(change: Invalidation, sender: RouteSender): Promise<void>;
  /** Parse every answer with its route's `response`: development builds and tests (our own code's bugs). */
  checkResponses: boolean;
}

/** An answer that does not match its schema: our bug, reported like a storage failure. */
class MalformedAnswer extends Error {}

const typeOf = (message: unknown): unknown =>
  typeof message === 'object' && message !== null && 'type' in message ? message.type : undefined;

// Own keys only: a message typed "toString" or "__proto__" finds no route.
const isRouted = (routes: RouteTable, type: unknown): type is RequestType =>
  typeof type === 'string' && Object.hasOwn(routes, type);

function invalidSentence(type: unknown): string {
  return typeof type === 'string'
    ? `The "${type.slice(0, 40)}" request was malformed or unknown, so nothing was changed.`
    : 'The request had no type, so nothing was changed.';
}

/**
 * The background's one entry for messages: refuses foreign senders, parses the request with its
 * route's schema, keeps extension-only routes from content scripts, runs the route, announces
 * what it changed, and turns every failure into a reply (never a rejection).
 */
export function createDispatcher(dispatcher: Dispatcher): RequestHandler {
  return async (message, messageSender) => {
    const sender = classifySender(messageSender, dispatcher.deps);
    if ('refused' in sender) return { ok: false, error: sender.refused };
    const type = typeOf(message);
    if (!isRouted(dispatcher.routes, type)) return { ok: false, error: invalidSentence(type) };
    return runRoute(dispatcher, type, message, sender);
  };
}

async function runRoute<K extends RequestType>(
  dispatcher: Dispatcher,
  type: K,
  message: unknown,
  sender: RouteSender,
): Promise<Reply<unknown>> {
  const route: Route<K> = dispatcher.routes[type];
  const parsed = route.request.safeParse(message);
  if (!parsed.success) return { ok: false, error: invalidSentence(type) };
  if (sender.kind === 'content' && !route.openToContentScripts) {
    return { ok: false, error: `Only the extension's own pages may send "${type}".` };
  }
  try {
    const output = await route.handle(parsed.data, dispatcher.deps, sender);
    const { invalidates } = route;
    await dispatcher.invalidate(typeof invalidates === 'function' ? invalidates(parsed.data, output) : invalidates, sender);
    if (dispatcher.checkResponses) checkResponse(route, type, output);
    return { ok: true, data: output };
  } catch (error) {
    return failureReply(dispatcher, type, error);
  }
}

/** After the notice: what was written is stored and announced even when the answer is wrong. */
function checkResponse<K extends RequestType>(route: Route<K>, type: K, output: unknown): void {
  const checked = route.response.safeParse(output);
  if (checked.success) return;
  const where = checked.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  throw new MalformedAnswer(`The answer to "${type}" does not match its schema: ${where.slice(0, 200)}`);
}

function failureReply(dispatcher: Dispatcher, type: RequestType, error: unknown): Reply<unknown> {
  if (error instanceof Refusal) return { ok: false, error: error.message };
  dispatcher.deps.reportError(`background/${type}`, error);
  if (error instanceof MalformedAnswer) {
    return { ok: false, error: `Papers Inbox answered "${type}" wrongly; the popup's problems row has the details.` };
  }
  return { ok: false, error: storageErrorSentence(error) };
}
