import { SYNC_QUOTAS, itemBytes, type SyncQuotas } from '../../lib/sync/quotas';

export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type ChangeListener = (changes: StorageChanges, areaName: 'sync') => void;

/** What one browser account's sync holds: every signed-in browser sees the same items and their changes. */
class SyncAccount {
  readonly items = new Map<string, string>();
  readonly listeners = new Set<ChangeListener>();
}

/**
 * An in-memory `storage.sync` that refuses what Chrome refuses, with Chrome's messages
 * (extensions/browser/api/storage/settings_storage_quota_enforcer.cc and quota_service.cc):
 * a `set` with an item over QUOTA_BYTES_PER_ITEM, then a total over QUOTA_BYTES, then more than
 * MAX_ITEMS keys fails whole and changes nothing; a `set` or `remove` past
 * MAX_WRITE_OPERATIONS_PER_MINUTE / _PER_HOUR is refused before it runs (a size refusal still
 * used its write, as in Chrome). Sizes are counted as Chrome does: key length plus the value's
 * JSON in UTF-8. The rates are counted over sliding windows, stricter than Chrome's fixed ones,
 * so a pusher this area accepts Chrome accepts too.
 *
 * One instance is one browser: `otherDevice()` is a second browser signed in to the same account,
 * sharing the items (replicated at once) and the change events but counting its own writes, as
 * each browser enforces the rates for itself. Listeners hear every change, their own included.
 */
export class MemorySyncArea {
  private readonly writes: number[] = [];
  readonly onChanged = {
    addListener: (listener: ChangeListener) => void this.account.listeners.add(listener),
    removeListener: (listener: ChangeListener) => void this.account.listeners.delete(listener),
  };

  constructor(
    private readonly now: () => number,
    readonly quotas: SyncQuotas = SYNC_QUOTAS,
    private readonly account = new SyncAccount(),
  ) {}

  otherDevice(): MemorySyncArea {
    return new MemorySyncArea(this.now, this.quotas, this.account);
  }

  async get(_keys: null = null): Promise<Record<string, unknown>> {
    return Object.fromEntries([...this.account.items].map(([key, json]) => [key, JSON.parse(json) as unknown]));
  }

  getBytesInUse(): number {
    return totalBytes(this.account.items);
  }

  /** Times of this browser's accepted writes (set / remove calls). */
  writeTimes(): readonly number[] {
    return this.writes;
  }

  async set(values: Record<string, unknown>): Promise<void> {
    this.countWrite();
    const next = new Map(this.account.items);
    for (const [key, value] of Object.entries(values)) {
      if (itemBytes(key, value) > this.quotas.bytesPerItem) throw new Error('Resource::kQuotaBytesPerItem quota exceeded');
      next.set(key, JSON.stringify(value));
    }
    if (totalBytes(next) > this.quotas.bytes) throw new Error('Resource::kQuotaBytes quota exceeded');
    if (next.size > this.quotas.maxItems) throw new Error('Resource::kMaxItems quota exceeded');
    this.commit(next);
  }

  async remove(keys: string[]): Promise<void> {
    this.countWrite();
    const next = new Map(this.account.items);
    for (const key of keys) next.delete(key);
    this.commit(next);
  }

  private countWrite(): void {
    const now = this.now();
    const inLast = (ms: number) => this.writes.filter((t) => t > now - ms).length;
    if (inLast(60_000) >= this.quotas.writesPerMinute) throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    if (inLast(3_600_000) >= this.quotas.writesPerHour) throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    this.writes.push(now);
  }

  /** Replaces the items and tells every listener what changed (nothing, when no value differs), after the call, as browsers do. */
  private commit(next: Map<string, string>): void {
    const changes: StorageChanges = {};
    for (const key of new Set([...this.account.items.keys(), ...next.keys()])) {
      const before = this.account.items.get(key);
      const after = next.get(key);
      if (before === after) continue;
      changes[key] = { ...(before === undefined ? {} : { oldValue: JSON.parse(before) as unknown }), ...(after === undefined ? {} : { newValue: JSON.parse(after) as unknown }) };
    }
    this.account.items.clear();
    for (const [key, json] of next) this.account.items.set(key, json);
    if (Object.keys(changes).length === 0) return;
    for (const listener of this.account.listeners) queueMicrotask(() => listener(changes, 'sync'));
  }
}

function totalBytes(items: ReadonlyMap<string, string>): number {
  return [...items].reduce((sum, [key, json]) => sum + key.length + new TextEncoder().encode(json).length, 0);
}
