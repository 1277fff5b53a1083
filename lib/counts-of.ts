/** A page's four counts (what the badge and the popup show). */
export interface Counts {
  total: number;
  new: number;
  unread: number;
  hidden: number;
}

/**
 * The one definition of a page's counts, shared by the content script (report-page → badge) and
 * the popup so the two can never disagree (product.md §4): "unread" = not read and not hidden,
 * new included; "new" = the part of those never shown before this page load (`newIds` ⊆ `ids`).
 * `unreadIds` is what "Mark all read" marks.
 */
export function countsOf(
  ids: readonly string[],
  newIds: readonly string[],
  isRead: (id: string) => boolean,
  isHidden: (id: string) => boolean,
): { counts: Counts; unreadIds: string[] } {
  const isUnread = (id: string) => !isRead(id) && !isHidden(id);
  const unreadIds = ids.filter(isUnread);
  return { counts: { total: ids.length, new: newIds.filter(isUnread).length, unread: unreadIds.length, hidden: ids.filter(isHidden).length }, unreadIds };
}
