import type { Reply, Request, ResponseMap } from './messages';

/**
 * The message channel to the background and the reply's unwrapping, without any schema: the
 * content script sends through this (Zod would not fit its 40 kB), extension pages through
 * lib/client.ts, which parses each reply. The transport is swappable so tests can route
 * requests straight into the background's handler.
 */
export type Transport = (request: Request) => Promise<unknown>;

let transport: Transport = (request) => browser.runtime.sendMessage(request);

export function setTransport(next: Transport): void {
  transport = next;
}

export class RequestError extends Error {}
/** The background answered with a refusal (a sentence for the user): asking again would not help. */
export class RefusedError extends RequestError {}

/**
 * Sends one request and unwraps its reply, trusting its shape: the answer comes from our own
 * background, whose routes are checked against the same response schemas in development and tests.
 */
export async function sendUnparsed<T extends Request['type']>(
  request: Extract<Request, { type: T }>,
): Promise<ResponseMap[T]> {
  const reply = (await transport(request)) as Reply<ResponseMap[T]> | undefined;
  if (!reply) throw new RequestError('The extension did not answer. Reload the page and try again.');
  if (!reply.ok) throw new RefusedError(reply.error);
  return reply.data;
}
