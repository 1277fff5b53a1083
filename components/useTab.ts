import { useEffect, useState } from 'react';

export interface TabRef {
  id: number;
  url?: string;
}

/** `?tabId=N` in the popup's URL (tests and the reading list use it), else null. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

async function resolveTab(search: string): Promise<TabRef | null> {
  const given = tabIdFromSearch(search);
  if (given !== null) {
    // The URL is only used to tell "not on HF" from "HF page not reported yet"; it may be unknown.
    const url = await browser.tabs.get(given).then((t) => t.url, () => undefined);
    return { id: given, url };
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined) return null;
  return { id: active.id, url: active.url };
}

/** The tab the popup describes: undefined while resolving, null when there is none. */
export function useTab(search: string): TabRef | null | undefined {
  const [tab, setTab] = useState<TabRef | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    resolveTab(search).then(
      (t) => live && setTab(t),
      () => live && setTab(null),
    );
    return () => {
      live = false;
    };
  }, [search]);
  return tab;
}
