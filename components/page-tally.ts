/** The popup's four page counts and what "Mark all read" marks (no filter engine needed here). */
export interface PageTally {
  total: number;
  new: number;
  unread: number;
  hidden: number;
  /** Unread and not hidden: what "Mark all read" marks. */
  unreadIds: string[];
}

/**
 * "Unread" = not read and not hidden, new included; "new" = the part of those never shown
 * before this page load (product.md §4).
 */
export function tallyPage(
  ids: readonly string[],
  newIds: readonly string[],
  readIds: ReadonlySet<string>,
  hiddenIds: ReadonlySet<string>,
): PageTally {
  const unreadIds = ids.filter((id) => !readIds.has(id) && !hiddenIds.has(id));
  const unreadSet = new Set(unreadIds);
  return {
    total: ids.length,
    new: newIds.filter((id) => unreadSet.has(id)).length,
    unread: unreadIds.length,
    hidden: ids.filter((id) => hiddenIds.has(id)).length,
    unreadIds,
  };
}

/** A tally and the ids it is for (so counts for another page are never shown). */
export interface KeyedTally<T extends PageTally = PageTally> {
  key: string;
  counts: T;
}

export const tallyKey = (ids: readonly string[], newIds: readonly string[]) => `${ids.join(',')}|${newIds.join(',')}`;
