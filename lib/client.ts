import type { z } from 'zod';
import { Responses, type Request, type ResponseMap } from './messages';
import { RequestError, sendUnparsed, type Transport } from './transport';

export { browserTransport, RefusedError, RequestError, type Transport } from './transport';

type Type = Request['type'];
/** `Responses` seen per key, so a generic request type finds its own answer's schema. */
const responseSchemas: { [K in Type]: z.ZodType<ResponseMap[K]> } = Responses;

/** Sends one request and resolves with its parsed answer. */
export type Send = <T extends Type>(request: Extract<Request, { type: T }>) => Promise<ResponseMap[T]>;

/** The extension pages' client: one per page, made by the page's start (entrypoints/*\/main.tsx). */
export interface Client {
  send: Send;
}

/**
 * The extension pages' client over `transport`: `send` sends one request and parses its reply
 * with the request's response schema (`Responses`), so a page never renders an answer of the
 * wrong shape. Content scripts send with `sendUnparsed` (lib/transport.ts): no Zod in their bundle.
 */
export function createClient(transport: Transport): Client {
  async function send<T extends Type>(request: Extract<Request, { type: T }>): Promise<ResponseMap[T]> {
    const data: unknown = await sendUnparsed(transport, request);
    const type: T = request.type;
    const parsed = responseSchemas[type].safeParse(data);
    if (!parsed.success) {
      throw new RequestError(`Papers Inbox gave a malformed answer to "${type}". Reload the page and try again.`);
    }
    return parsed.data;
  }
  return { send };
}
