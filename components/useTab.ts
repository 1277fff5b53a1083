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

/** The URL only tells "not on HF" from "HF page not reported yet"; unknown is fine. */
async function tabUrl(id: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(id)).url;
  } catch {
    return undefined;
  }
}

/** The tab the popup describes: `?tabId=N`, else the active tab of this window. */
export async function resolveTab(search: string): Promise<TabRef | null> {
  const given = tabIdFromSearch(search);
  if (given !== null) return { id: given, url: await tabUrl(given) };
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined) return null;
  return { id: active.id, url: active.url };
}

/**
 * The tab the popup describes: undefined while resolving, null when there is none. `started` is
 * the same lookup begun before React rendered (the popup starts it at load, see popup/start.ts).
 */
export function useTab(search: string, started?: Promise<TabRef | null>): TabRef | null | undefined {
  const [tab, setTab] = useState<TabRef | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    (started ?? resolveTab(search)).then(
      (t) => live && setTab(t),
      () => live && setTab(null),
    );
    return () => {
      live = false;
    };
  }, [search, started]);
  return tab;
}
