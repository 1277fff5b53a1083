import { countsOf, type Counts } from '../lib/counts-of';

/** The popup's four page counts and what "Mark all read" marks (unread and not hidden). */
export interface PageTally extends Counts {
  unreadIds: string[];
}

/** The popup's tally: the one `countsOf` (lib/counts-of.ts), so it agrees with the badge. */
export function tallyPage(...args: Parameters<typeof countsOf>): PageTally {
  const { counts, unreadIds } = countsOf(...args);
  return { ...counts, unreadIds };
}

/** A tally and the ids it is for (so counts for another page are never shown). */
export interface KeyedTally<T extends PageTally = PageTally> {
  key: string;
  counts: T;
}

export const tallyKey = (ids: readonly string[], newIds: readonly string[]) => `${ids.join(',')}|${newIds.join(',')}`;
