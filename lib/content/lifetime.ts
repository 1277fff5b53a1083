/**
 * What a content-script module needs from its environment. In the extension this wraps WXT's
 * ContentScriptContext (so an extension reload tears everything down); tests pass a plain one.
 */
export interface Lifetime {
  readonly signal: AbortSignal;
  setTimeout(handler: () => void, ms: number): number;
  requestAnimationFrame(handler: () => void): number;
}

/** A lifetime from an AbortSignal alone: timers are cleared when the signal aborts. */
export function lifetimeOf(signal: AbortSignal): Lifetime {
  return {
    signal,
    setTimeout(handler, ms) {
      const id = window.setTimeout(() => signal.aborted || handler(), ms);
      signal.addEventListener('abort', () => window.clearTimeout(id), { once: true });
      return id;
    },
    requestAnimationFrame(handler) {
      if (typeof window.requestAnimationFrame !== 'function') return this.setTimeout(handler, 16);
      const id = window.requestAnimationFrame(() => signal.aborted || handler());
      signal.addEventListener('abort', () => window.cancelAnimationFrame(id), { once: true });
      return id;
    },
  };
}

type SchedulerLike = { yield?: () => Promise<void> };

/** Gives the main thread back between batches so no task runs over ~50 ms on a huge page. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs work over items in chunks, yielding between chunks; stops when the signal aborts. */
export async function inChunks<T>(items: T[], size: number, signal: AbortSignal, work: (item: T) => void): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    if (signal.aborted) return;
    if (start > 0) await yieldToMain();
    if (signal.aborted) return;
    for (const item of items.slice(start, start + size)) work(item);
  }
}
