import { useEffect, useState } from 'react';
import type { Send } from '../lib/client';
import type { PageSummary } from '../lib/page-summary';
import { useClient } from './page-services';

/** How often the popup re-asks for the tab's report while open: the page may re-render cards. */
export const SUMMARY_POLL_MS = 1_000;

export type TabSummaryState =
  | { status: 'loading' }
  | { status: 'ready'; summary: PageSummary | null }
  | { status: 'error'; error: string };

/** Asks the background what a tab last reported (null when it is not a papers page). */
export async function fetchTabSummary(send: Send, tabId: number): Promise<PageSummary | null> {
  return (await send({ type: 'get-tab-summary', tabId })).summary;
}

/**
 * What the tab last reported to the background, polled so new cards on the page show up.
 * `started` is the first answer when it was already asked for (the popup asks at load).
 */
export function useTabSummary(tabId: number | null | undefined, started?: Promise<PageSummary | null>): TabSummaryState {
  const { send } = useClient();
  const [state, setState] = useState<TabSummaryState>({ status: 'loading' });
  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setState({ status: 'ready', summary: null });
      return;
    }
    let live = true;
    const take = (answer: Promise<PageSummary | null>) =>
      answer.then(
        (summary) =>
          live &&
          // Keep the previous object when nothing changed so the popup doesn't re-render every second.
          setState((prev) =>
            prev.status === 'ready' && JSON.stringify(prev.summary) === JSON.stringify(summary) ? prev : { status: 'ready', summary },
          ),
        (e: unknown) => live && setState({ status: 'error', error: e instanceof Error ? e.message : String(e) }),
      );
    void take(started ?? fetchTabSummary(send, tabId));
    const timer = setInterval(() => void take(fetchTabSummary(send, tabId)), SUMMARY_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [send, tabId, started]);
  return state;
}
