/**
 * The browsers' limits on `storage.sync` (figures and sources in docs/ARCHITECTURE.md, "Sync").
 * Chrome and Firefox share the three size limits; the write rates are Chrome's (Firefox documents
 * none, so the stricter one applies to both).
 */
export interface SyncQuotas {
  /** All items: JSON of every value plus every key's length. */
  bytes: number;
  /** One item: JSON of its value plus its key's length. */
  bytesPerItem: number;
  maxItems: number;
  /** set / remove / clear calls. */
  writesPerHour: number;
  writesPerMinute: number;
}

export const SYNC_QUOTAS: SyncQuotas = {
  bytes: 102_400,
  bytesPerItem: 8_192,
  maxItems: 512,
  writesPerHour: 1_800,
  writesPerMinute: 120,
};

/**
 * What our encoding allows itself: some headroom under each size limit, so a byte counted
 * differently by a browser (UTF-8 vs UTF-16 key lengths) never makes a write fail.
 */
export const SYNC_BUDGET = {
  bytes: 96_000,
  bytesPerItem: 7_800,
  maxItems: 480,
} as const;

/** Size of one item as the browsers count it. */
export function itemBytes(key: string, value: unknown): number {
  return key.length + new TextEncoder().encode(JSON.stringify(value)).length;
}
