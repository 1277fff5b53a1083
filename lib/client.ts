import type { Reply, Request, ResponseMap } from './messages';

/**
 * Sends one request to the background and unwraps its reply. The transport is swappable so
 * component tests can route requests straight into the background's handler.
 */
export type Transport = (request: Request) => Promise<unknown>;

let transport: Transport = (request) => browser.runtime.sendMessage(request);

export function setTransport(next: Transport): void {
  transport = next;
}

export class RequestError extends Error {}
/** The background answered with a refusal (a sentence for the user): asking again would not help. */
export class RefusedError extends RequestError {}

export async function send<T extends Request['type']>(
  request: Extract<Request, { type: T }>,
): Promise<ResponseMap[T]> {
  const reply = (await transport(request)) as Reply<ResponseMap[T]> | undefined;
  if (!reply) throw new RequestError('The extension did not answer. Reload the page and try again.');
  if (!reply.ok) throw new RefusedError(reply.error);
  return reply.data;
}
