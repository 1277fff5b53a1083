import type { ReportError } from '../problems';
import type { PapersInboxDb } from '../store/db';
import { getSettings } from '../store/repository';
import { canonicalJson } from '../sync/canonical';
import { SYNC_PREFIX, decodeItems, encodeState, type Encoded } from '../sync/encode';
import { planApply, stampLocal } from '../sync/local';
import { applyWrites, readSnapshot, writeCount } from '../sync/local-store';
import { merge } from '../sync/merge';
import { SYNC_QUOTAS } from '../sync/quotas';
import { emptySyncState } from '../sync/state';
import { SyncRow, emptyStatus, type SyncStatus } from '../sync/sync-row';
import { pruneWriteLog, writeDelay } from '../sync/write-rate';

/** The slice of `browser.storage.sync` the engine uses (tests give it the in-memory area). */
export interface SyncStorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface SyncEngineDeps {
  db: PapersInboxDb;
  area: SyncStorageArea;
  now: () => number;
  /** Tabs re-read everything: any paper, rule or setting may have changed. */
  notifyTabs: () => void;
  /** After merged changes were written here (the background recomputes its badges). */
  onApplied: () => void;
  reportError: ReportError;
  /** setTimeout; returns a cancel function. */
  schedule?: (run: () => void, ms: number) => () => void;
  newDeviceId?: () => string;
}

/** A burst of edits (mark all read, typing a note) becomes one write. */
export const PUSH_DEBOUNCE_MS = 3_000;

export interface SyncEngine {
  /** A local write happened (the write-watch middleware calls it). */
  noticeLocalWrite(): void;
  /** storage.sync changed (another device, or this one). */
  noticeRemoteChange(): void;
  /** One full cycle now (merge, apply, push); resolves when done. Cycles never overlap. */
  syncNow(): Promise<void>;
}

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const schedule = deps.schedule ?? ((run, ms) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  });
  let cancel: (() => void) | undefined;
  let running: Promise<void> = Promise.resolve();
  const later = (ms: number) => {
    cancel?.();
    cancel = schedule(() => {
      cancel = undefined;
      void syncNow();
    }, ms);
  };
  const syncNow = (): Promise<void> => {
    running = running.then(() => cycle(deps, later)).catch((error: unknown) => deps.reportError('background/sync', error));
    return running;
  };
  return { noticeLocalWrite: () => later(PUSH_DEBOUNCE_MS), noticeRemoteChange: () => later(0), syncNow };
}

function randomDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => (b % 36).toString(36)).join('');
}

async function loadRow(deps: SyncEngineDeps): Promise<SyncRow> {
  const parsed = SyncRow.safeParse(await deps.db.sync.get('device'));
  if (parsed.success) return parsed.data;
  // A missing or unreadable row: start from nothing; the first sync merges with what the area holds.
  return { key: 'device', device: (deps.newDeviceId ?? randomDeviceId)(), state: emptySyncState(), writeLog: [], status: emptyStatus() };
}

/** One cycle: stamp local changes, merge the area's state, write what changed here, push what changed there. */
async function cycle(deps: SyncEngineDeps, retryIn: (ms: number) => void): Promise<void> {
  if (!(await getSettings(deps.db)).sync) return;
  const row = await loadRow(deps);
  const now = deps.now();
  let remoteItems: Record<string, unknown>;
  try {
    remoteItems = await deps.area.get(null);
  } catch (error) {
    await fail(deps, row, error, 'unavailable');
    return;
  }
  const local = await readSnapshot(deps.db, row.state, now);
  const state = merge(stampLocal(row.state, local, now, row.device), decodeItems(remoteItems).state);
  const writes = planApply(state, local, now);
  await applyWrites(deps.db, writes, now);
  if (writeCount(writes) > 0) {
    deps.notifyTabs();
    deps.onApplied();
  }
  const encoded = encodeState(state);
  const next: SyncRow = { ...row, state, status: statusOf(encoded, row.status) };
  if (!encoded.fits) {
    await fail(deps, next, new Error('The reading list, rules and settings exceed the sync space.'), 'full');
    return;
  }
  const stale = Object.keys(remoteItems).filter((key) => key.startsWith(SYNC_PREFIX) && !(key in encoded.items));
  const changed = Object.fromEntries(Object.entries(encoded.items).filter(([key, value]) => canonicalJson(remoteItems[key]) !== canonicalJson(value)));
  const ops = (Object.keys(changed).length > 0 ? 1 : 0) + (stale.length > 0 ? 1 : 0);
  const log = pruneWriteLog(row.writeLog, now);
  const wait = ops === 0 ? 0 : writeDelay(log, now, ops, SYNC_QUOTAS);
  if (wait > 0) {
    // The state (with this device's changes) is kept; the push waits for the rate to allow it.
    await deps.db.sync.put({ ...next, writeLog: log });
    if (Number.isFinite(wait)) retryIn(wait);
    return;
  }
  try {
    if (Object.keys(changed).length > 0) await deps.area.set(changed);
    if (stale.length > 0) await deps.area.remove(stale);
  } catch (error) {
    await fail(deps, { ...next, writeLog: log }, error, quotaKind(error));
    return;
  }
  const written = ops > 0 ? [...log, ...Array.from({ length: ops }, () => now)] : log;
  await deps.db.sync.put({ ...next, writeLog: written, status: { ...next.status, lastSyncAt: now, lastError: undefined } });
}

function statusOf(encoded: Encoded, previous: SyncStatus): SyncStatus {
  return { ...previous, readCount: encoded.readCount, savedCount: encoded.savedCount, bytes: encoded.bytes, droppedReads: encoded.droppedReads };
}

type FailureKind = 'full' | 'rate' | 'unavailable';

function quotaKind(error: unknown): FailureKind {
  const text = error instanceof Error ? error.message : String(error);
  if (/WRITE_OPERATIONS/i.test(text)) return 'rate';
  if (/QUOTA|MAX_ITEMS/i.test(text)) return 'full';
  return 'unavailable';
}

/** The sentence the settings show. Every one says nothing was lost: the local store is never touched by a failure. */
export function failureSentence(kind: FailureKind): string {
  if (kind === 'full') return "Not synced: the browser's sync space (100 KB) is full. Nothing was lost; everything stays on this device.";
  if (kind === 'rate') return 'Not synced yet: the browser limits how often sync may write. Nothing was lost; it will retry.';
  return "Not synced: the browser's sync is unavailable. Nothing was lost; it will retry on the next change.";
}

async function fail(deps: SyncEngineDeps, row: SyncRow, error: unknown, kind: FailureKind): Promise<void> {
  deps.reportError('background/sync', error);
  await deps.db.sync.put({ ...row, status: { ...row.status, lastError: failureSentence(kind) } });
}
