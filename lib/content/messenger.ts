import { RefusedError, sendUnparsed, type Transport } from '../transport';
import type { Request, ResponseMap } from '../messages';

/** Sends a request; resolves null when it failed (the user was told why, unless the extension is gone) instead of throwing into page code. */
export type Requester = <T extends Request['type']>(request: Extract<Request, { type: T }>) => Promise<ResponseMap[T] | null>;

export const RETRY_DELAYS_MS = [200, 800, 2_000] as const;

/** Sent with each undoable write: a retry of it by `send` then counts once (see RetryToken in messages.ts). */
export const retryToken = (): string => crypto.randomUUID();

const isInvalidated = (error: unknown) => error instanceof Error && /context invalidated/i.test(error.message);
/** After an extension reload Chrome leaves the old script running with `runtime` gone (a TypeError, not "invalidated"). */
const runtimeGone = () => browser.runtime?.id === undefined;

type Sleep = (ms: number) => Promise<void>;

export type MessengerOptions = {
  /** The channel to the background (the browser's, from the content script's start). */
  transport: Transport;
  /** Called once when the extension was reloaded under us: the content script must stop. */
  onDead: () => void;
  /** A request failed for good: the sentence to show the user (the background's own when it refused). */
  onFailure: (sentence: string) => void;
  sleep?: Sleep;
};

export const UNREACHABLE = 'Papers Inbox could not reach its background. Reload the page and try again.';

const defaultSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The content script's only way to talk to the background. Retries (the service worker may be
 * restarting) with the same request, so a `cards-shown` retry keeps its loadId and "new" stays right.
 * A refusal (storage full, a bad pattern) is an answer, not a lost message: it is not retried, and
 * its sentence reaches the user.
 */
export function createMessenger({ transport, onDead, onFailure, sleep = defaultSleep }: MessengerOptions): Requester {
  let dead = false;
  return async function request(req) {
    for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
      if (dead) return null;
      try {
        return await sendUnparsed(transport, req);
      } catch (error) {
        if (isInvalidated(error) || runtimeGone()) {
          dead = true;
          onDead();
          return null;
        }
        const refused = error instanceof RefusedError;
        const delay = refused ? undefined : RETRY_DELAYS_MS[attempt];
        if (delay === undefined) {
          onFailure(refused ? error.message : UNREACHABLE);
          return null;
        }
        await sleep(delay);
      }
    }
    return null;
  };
}
