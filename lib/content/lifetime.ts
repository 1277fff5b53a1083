/**
 * What a content-script module needs from its environment. In the extension this wraps the
 * ContentScriptContext (lib/content/script-context.ts: an extension reload tears everything down);
 * tests pass a plain one.
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

export type SliceOptions = {
  clock?: () => number;
  /** Yield before the first slice too: the caller's task has already done its share. */
  yieldFirst?: boolean;
  /** Runs each slice (a whole slice of work, e.g. unobserved: Grid.quietly). */
  eachSlice?: (slice: () => void) => void;
};

/**
 * Runs work over items in time slices: as many items as fit in `sliceMs`, then yields. A fast
 * machine annotates a 1,000-card page in one task (one style and layout pass, like the page's own
 * render); a slow one still never holds the main thread much past the slice. Stops on abort.
 * Returns the ms the last slice used (0 when aborted): what the caller's task has already spent.
 */
export async function inSlices<T>(
  items: readonly T[],
  sliceMs: number,
  signal: AbortSignal,
  work: (item: T) => void,
  { clock = () => performance.now(), yieldFirst = false, eachSlice = (slice) => slice() }: SliceOptions = {},
): Promise<number> {
  let index = 0;
  let sliceStart = clock();
  while (index < items.length) {
    if (signal.aborted) return 0;
    if (index > 0 || yieldFirst) await yieldToMain();
    if (signal.aborted) return 0;
    sliceStart = clock();
    const deadline = sliceStart + sliceMs;
    eachSlice(() => {
      do {
        const item = items[index];
        index += 1;
        if (item !== undefined) work(item);
        // Checking the clock every 16 items: reading it per item costs more than the check saves.
      } while (index < items.length && (index % 16 !== 0 || clock() < deadline));
    });
  }
  return clock() - sliceStart;
}
