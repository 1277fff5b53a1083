import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/store/db';
import type { ReadingListEntry } from '../../lib/export/entry';
import { allSaved, readingListHead, type ReadingListHead } from '../../lib/store/reading-list';
import { PAGE_SIZE } from './RowList';
import { afterPaint } from './after-paint';

/** Rows the first screen reads: exactly what RowList first renders. */
export const FIRST_ROWS = PAGE_SIZE;

export interface ReadingListData {
  /** The newest rows and the tags; undefined until the first read finishes. */
  head: ReadingListHead | undefined;
  /** Every saved entry; undefined until loaded, which starts after the first rows are painted. */
  all: ReadingListEntry[] | undefined;
}

/**
 * The reading list, live (a save in a papers tab appears at once), in two steps: the newest rows
 * through the savedAt index first, so the first row shows without reading 5,000 papers; then every
 * entry, after that first paint, for search, sort, filters and export. `wantAll` starts the second
 * step at once (the user asked for something only the whole list can answer).
 */
export function useReadingList(wantAll: boolean): ReadingListData {
  const head = useLiveQuery(() => readingListHead(getDb(), FIRST_ROWS), []);
  const [painted, setPainted] = useState(false);
  const headLoaded = head !== undefined;
  useEffect(() => (headLoaded && !painted ? afterPaint(() => setPainted(true)) : undefined), [headLoaded, painted]);
  // A short list is whole in its first rows: nothing more to read.
  const headIsAll = head?.whole === true;
  const loadAll = (painted || wantAll) && headLoaded && !headIsAll;
  const rest = useLiveQuery(() => (loadAll ? allSaved(getDb()) : undefined), [loadAll]);
  return { head, all: headIsAll ? head.entries : rest };
}
