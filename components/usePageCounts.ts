import { useEffect, useState } from 'react';
import type { PageCounts } from './page-counts';
import { usePageServices } from './page-services';
import { tallyKey, type KeyedTally, type PageTally } from './page-tally';

type Settled<T> = { settled: false } | { settled: true; value: T | undefined };

/** A promise's outcome once it settles (a failure settles with no value: the live counts follow). */
function useSettled<T>(promise: Promise<T> | undefined): Settled<T> {
  const [state, setState] = useState<Settled<T>>({ settled: promise === undefined, value: undefined });
  useEffect(() => {
    let live = true;
    promise?.then(
      (value) => live && setState({ settled: true, value }),
      () => live && setState({ settled: true, value: undefined }),
    );
    return () => {
      live = false;
    };
  }, [promise]);
  return state;
}

export interface PageCountsState {
  /** What to show: the live counts when they are for these ids, else the background's first answer. */
  tally: PageTally | undefined;
  /** The counts read from the store (with rule counts and metadata for the filters), once known. */
  live: PageCounts | undefined;
}

/**
 * Counts for a set of ids. `started` is the background's answer begun before React rendered
 * (popup/start.ts): shown first. Once it has settled, the live counts (Dexie, loaded on demand,
 * components/live-page-counts.ts) start and replace it; run side by side they would compete.
 * Nothing is shown for other ids than these (never the previous tab's), nor while `ids` is null.
 */
export function usePageCounts(
  ids: readonly string[] | null,
  newIds: readonly string[],
  started?: Promise<KeyedTally | null>,
): PageCountsState {
  // A stable key so a new array with the same ids doesn't restart the live counts.
  const key = ids === null ? null : tallyKey(ids, newIds);
  const early = useSettled(started);
  const { filters } = usePageServices();
  const [live, setLive] = useState<KeyedTally<PageCounts> | undefined>(undefined);
  useEffect(() => {
    if (ids === null || !early.settled) return;
    let active = true;
    let subscription: { unsubscribe(): void } | undefined;
    void import('./live-page-counts').then(({ watchPageCounts }) => {
      if (active) subscription = watchPageCounts(filters, ids, newIds, (counts) => active && setLive(counts));
    });
    return () => {
      active = false;
      subscription?.unsubscribe();
    };
    // `key` stands for ids and newIds (new arrays with the same ids must not restart it).
  }, [key, early.settled]);
  const current = live !== undefined && live.key === key ? live.counts : undefined;
  const first = early.settled && early.value?.key === key ? early.value.counts : undefined;
  return { tally: current ?? first, live: current };
}
