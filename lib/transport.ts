import type { Reply, Request, ResponseMap } from './messages';

/**
 * The message channel to the background and the reply's unwrapping, without any schema: the
 * content script sends through this (Zod would not fit its 40 kB), extension pages through
 * lib/client.ts, which parses each reply. Whoever starts a context picks the transport (the
 * browser's, `browserTransport`), so tests route requests straight into a background's handler.
 */
export type Transport = (request: Request) => Promise<unknown>;

/** The browser's channel to the background: what each context's start hands its sender. */
export const browserTransport: Transport = (request) => browser.runtime.sendMessage(request);

export class RequestError extends Error {}
/** The background answered with a refusal (a sentence for the user): asking again would not help. */
export class RefusedError extends RequestError {}

/**
 * Sends one request through `transport` and unwraps its reply, trusting its shape: the answer comes
 * from our own background, whose routes are checked against the same response schemas in development and tests.
 */
export async function sendUnparsed<T extends Request['type']>(
  transport: Transport,
  request: Extract<Request, { type: T }>,
): Promise<ResponseMap[T]> {
  const reply = (await transport(request)) as Reply<ResponseMap[T]> | undefined;
  if (!reply) throw new RequestError('The extension did not answer. Reload the page and try again.');
  if (!reply.ok) throw new RefusedError(reply.error);
  return reply.data;
}
