/** Opens the reading list in a new tab (an unlisted extension page built as reading-list.html). */
export async function openReadingList(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/reading-list.html') });
  // A popup stays open over the new tab in some browsers; close it so the list is visible.
  if (typeof window !== 'undefined' && window.location.protocol.endsWith('-extension:')) window.close();
}
