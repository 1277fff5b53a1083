import { getDb } from '../../lib/store/db';
import type { PageSummary } from '../../lib/page-summary';
import { resolveTab, tabIdFromSearch, type TabRef } from '../../components/useTab';
import { fetchTabSummary } from '../../components/useTabSummary';
import { loadPageCounts, type KeyedCounts } from '../../components/usePageCounts';

/** The popup's first reads, begun at load so they run while React renders its first frame. */
export interface PopupStart {
  tab: Promise<TabRef | null>;
  /** The tab's summary, for the tab `tab` resolves to (null when there is no tab). */
  summary: Promise<PageSummary | null>;
  /** Counts for that summary's ids (null when there is no recognized page to count). */
  counts: Promise<KeyedCounts | null>;
}

/**
 * Starts what the counts wait for as one chain instead of one step per render: the tab, its
 * summary, then the counts from the store; the database opens meanwhile. The hooks still run
 * their own live queries: these answers only let the first frame with counts come sooner.
 */
export function startPopup(search: string): PopupStart {
  getDb()
    .open()
    .catch(() => undefined); // a failure shows up (as a sentence) on the first query instead
  const tab = resolveTab(search);
  // With `?tabId=N` the summary needn't wait for the tab's URL.
  const given = tabIdFromSearch(search);
  const tabId = given === null ? tab.then((t) => t?.id ?? null) : Promise.resolve(given);
  const summary = tabId.then((id) => (id === null ? null : fetchTabSummary(id)));
  const counts = summary.then((s) => (s?.recognized ? loadPageCounts(s.ids, s.newIds) : null));
  // The hooks handle rejections; this keeps an early one from being reported as unhandled.
  counts.catch(() => undefined);
  return { tab, summary, counts };
}
