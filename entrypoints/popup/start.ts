import type { PageSummary } from '../../lib/page-summary';
import type { Client } from '../../lib/client';
import { resolveTab, tabIdFromSearch, type TabRef } from '../../components/useTab';
import { tallyKey, tallyPage, type KeyedTally } from '../../components/page-tally';

/** The popup's first reads, begun at load so they run while React renders its first frame. */
export interface PopupStart {
  tab: Promise<TabRef | null>;
  /** The tab's summary, for the tab `tab` resolves to (null when there is no tab). */
  summary: Promise<PageSummary | null>;
  /** Counts for that summary's ids (null when there is no recognized page to count). */
  counts: Promise<KeyedTally | null>;
}

/** A membership test over ids (a Set, so a 20,000-card page stays linear). */
function has(ids: readonly string[]): (id: string) => boolean {
  const set = new Set(ids);
  return (id) => set.has(id);
}

/**
 * Starts what the counts wait for as one chain instead of one step per render: the tab, then one
 * request for its summary with the read and hidden ids among its papers. The background holds all
 * of it (the tab's report, the state index, the rules), so the first counts need no database in
 * the popup; the live counts (Dexie) load after them (components/usePageCounts.ts).
 */
export function startPopup(search: string, { send }: Client): PopupStart {
  const tab = resolveTab(search);
  // With `?tabId=N` the request needn't wait for the tab's URL.
  const given = tabIdFromSearch(search);
  const tabId = given === null ? tab.then((t) => t?.id ?? null) : Promise.resolve(given);
  const answer = tabId.then((id) => (id === null ? null : send({ type: 'get-tab-counts', tabId: id })));
  const summary = answer.then((a) => a?.summary ?? null);
  const counts = answer.then((a): KeyedTally | null => {
    const page = a?.summary;
    if (!a || !page?.recognized) return null;
    return { key: tallyKey(page.ids, page.newIds), counts: tallyPage(page.ids, page.newIds, has(a.read), has(a.hidden)) };
  });
  // The hooks handle rejections; this keeps an early one from being reported as unhandled.
  counts.catch(() => undefined);
  return { tab, summary, counts };
}
