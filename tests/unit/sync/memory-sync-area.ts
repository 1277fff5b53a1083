import { SYNC_QUOTAS, itemBytes, type SyncQuotas } from '../../../lib/sync/quotas';

/**
 * An in-memory `storage.sync` that refuses what the browsers refuse: a write over the total,
 * per-item or item-count quota, or past the per-minute / per-hour write rates, fails whole with
 * the browser's kind of message and changes nothing. Time is the caller's clock.
 */
export class MemorySyncArea {
  private readonly items = new Map<string, string>();
  private readonly writes: number[] = [];
  constructor(private readonly now: () => number, readonly quotas: SyncQuotas = SYNC_QUOTAS) {}

  get(): Record<string, unknown> {
    return Object.fromEntries([...this.items].map(([key, json]) => [key, JSON.parse(json) as unknown]));
  }

  bytesInUse(): number {
    return [...this.items].reduce((sum, [key, json]) => sum + key.length + new TextEncoder().encode(json).length, 0);
  }

  set(values: Record<string, unknown>): void {
    this.countWrite();
    const next = new Map(this.items);
    for (const [key, value] of Object.entries(values)) {
      if (itemBytes(key, value) > this.quotas.bytesPerItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(key, JSON.stringify(value));
    }
    if (next.size > this.quotas.maxItems) throw new Error('MAX_ITEMS quota exceeded');
    const total = [...next].reduce((sum, [key, json]) => sum + key.length + new TextEncoder().encode(json).length, 0);
    if (total > this.quotas.bytes) throw new Error('QUOTA_BYTES quota exceeded');
    this.replace(next);
  }

  remove(keys: string[]): void {
    this.countWrite();
    for (const key of keys) this.items.delete(key);
  }

  private replace(next: Map<string, string>): void {
    this.items.clear();
    for (const [key, json] of next) this.items.set(key, json);
  }

  private countWrite(): void {
    const now = this.now();
    const inLast = (ms: number) => this.writes.filter((t) => t > now - ms).length;
    if (inLast(60_000) >= this.quotas.writesPerMinute) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    if (inLast(3_600_000) >= this.quotas.writesPerHour) throw new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
    this.writes.push(now);
  }
}
