/** Why a sync did not happen, as the user needs to know it. */
export type SyncFailure = 'too-big' | 'full' | 'rate' | 'unavailable';

/**
 * The kind of a storage.sync refusal, from its message: the only place the browsers say which
 * limit was met. Chrome: "Resource::kQuotaBytes quota exceeded" (older: "QUOTA_BYTES quota
 * exceeded."), "Resource::kQuotaBytesPerItem …", "Resource::kMaxItems …", and "This request
 * exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota."; Firefox names QUOTA_BYTES(_PER_ITEM) too.
 */
export function failureOf(error: unknown): SyncFailure {
  const text = error instanceof Error ? error.message : String(error);
  if (/WRITE_OPERATIONS/i.test(text)) return 'rate';
  if (/quota|MAX_ITEMS/i.test(text)) return 'full';
  return 'unavailable';
}

/** The sentence the settings show. Each says nothing was lost: a failure never touches the local store. */
export function failureSentence(kind: SyncFailure): string {
  if (kind === 'too-big') return "Not synced: your reading list, rules and settings need more than the browser's 100 KB of sync space. Nothing was lost; everything stays on this device.";
  if (kind === 'full') return "Not synced: the browser's sync space (100 KB) is full. Nothing was lost; everything stays on this device.";
  if (kind === 'rate') return 'Not synced yet: the browser limits how often sync may write. Nothing was lost; it will retry in a minute.';
  return "Not synced: the browser's sync is unavailable. Nothing was lost; it will retry on the next change.";
}
