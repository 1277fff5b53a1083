/** Dexie/IndexedDB failures become one sentence for the user instead of an unhandled rejection. */
export function storageErrorSentence(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = error instanceof Error && 'inner' in error && error.inner instanceof Error ? error.inner.name : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'Storage is full: free some disk space or remove papers from the reading list, then try again.';
  }
  const detail = error instanceof Error && error.message ? ` (${error.message.slice(0, 200)})` : '';
  return `Papers Inbox could not read or write its storage${detail}.`;
}
