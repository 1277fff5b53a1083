import { useEffect, useState } from 'react';
import { send } from '../lib/client';
import type { PageSummary } from '../lib/page-summary';

/** How often the popup re-asks for the tab's report while open: the page may re-render cards. */
export const SUMMARY_POLL_MS = 1_000;

export type TabSummaryState =
  | { status: 'loading' }
  | { status: 'ready'; summary: PageSummary | null }
  | { status: 'error'; error: string };

/** What the tab last reported to the background, polled so new cards on the page show up. */
export function useTabSummary(tabId: number | null | undefined): TabSummaryState {
  const [state, setState] = useState<TabSummaryState>({ status: 'loading' });
  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setState({ status: 'ready', summary: null });
      return;
    }
    let live = true;
    const ask = () =>
      send({ type: 'get-tab-summary', tabId }).then(
        (r) =>
          live &&
          // Keep the previous object when nothing changed so the popup doesn't re-render every second.
          setState((prev) =>
            prev.status === 'ready' && JSON.stringify(prev.summary) === JSON.stringify(r.summary)
              ? prev
              : { status: 'ready', summary: r.summary },
          ),
        (e: unknown) =>
          live && setState({ status: 'error', error: e instanceof Error ? e.message : String(e) }),
      );
    void ask();
    const timer = setInterval(() => void ask(), SUMMARY_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tabId]);
  return state;
}
