import type { ReportError } from '../problems';
import type { PapersInboxDb } from '../store/db';
import { getSettings } from '../store/repository';
import { decodeItems, encodeState, type Encoded } from '../sync/encode';
import { mergeIntoStore, saveSyncStatus } from '../sync/merge-store';
import { planPush, pushOps, pushedValues, type PushPlan } from '../sync/push-plan';
import { SYNC_QUOTAS } from '../sync/quotas';
import { failureOf, failureSentence, type SyncFailure } from '../sync/sync-failure';
import type { SyncRow, SyncStatus } from '../sync/sync-row';
import { pruneWriteLog, writeDelay } from '../sync/write-rate';

/** The slice of `browser.storage.sync` the engine uses (tests give it the in-memory area). */
export interface SyncStorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface SyncCycleDeps {
  db: PapersInboxDb;
  area: SyncStorageArea;
  now: () => number;
  /** Tabs re-read everything: any paper, rule or setting may have changed. */
  notifyTabs: () => void;
  /** After merged changes were written here, besides telling the tabs (e.g. recompute badges). */
  onApplied?: () => void;
  reportError: ReportError;
  newDeviceId: () => string;
  /** Told what a push is about to write, before it does: its echo in storage.onChanged is then known. */
  willPush: (values: Map<string, string>) => void;
}

/** A refused write retries after this long (the per-minute window has moved on by then). */
export const RATE_RETRY_MS = 60_000;

/** When to run again: after `retryInMs`, or only at the next change (undefined). */
export interface CycleOutcome {
  retryInMs?: number;
}

/** One cycle: merge the area into the store, then push what the area lacks, within the browser's rates. */
export async function runSyncCycle(deps: SyncCycleDeps): Promise<CycleOutcome> {
  if (!(await getSettings(deps.db)).sync) return {};
  const now = deps.now();
  let remote: Record<string, unknown>;
  try {
    remote = await deps.area.get(null);
  } catch (error) {
    await recordFailure(deps, 'unavailable', {}, error);
    return {};
  }
  const { row, applied } = await mergeIntoStore(deps.db, decodeItems(remote).state, now, deps.newDeviceId);
  if (applied > 0) {
    deps.notifyTabs();
    deps.onApplied?.();
  }
  return pushState(deps, row, remote, now);
}

async function pushState(deps: SyncCycleDeps, row: SyncRow, remote: Record<string, unknown>, now: number): Promise<CycleOutcome> {
  const encoded = encodeState(row.state);
  const figures = figuresOf(encoded);
  // Over the space even without any read: the browser would refuse the write, so none is tried.
  if (!encoded.fits) return recordFailure(deps, 'too-big', figures);
  const plan = planPush(remote, encoded.items);
  const ops = pushOps(plan);
  const log = pruneWriteLog(row.writeLog, now);
  const wait = ops === 0 ? 0 : writeDelay(log, now, ops, SYNC_QUOTAS);
  if (wait > 0) {
    // The merged state is kept in the row; only the push waits for the rate to allow it.
    await saveSyncStatus(deps.db, figures, deps.newDeviceId);
    return { retryInMs: wait };
  }
  const written = [...log, ...Array.from({ length: ops }, () => now)];
  try {
    deps.willPush(pushedValues(plan));
    await writePlan(deps.area, plan);
  } catch (error) {
    const kind = failureOf(error);
    await recordFailure(deps, kind, figures, error, written);
    return kind === 'rate' ? { retryInMs: RATE_RETRY_MS } : {};
  }
  await saveSyncStatus(deps.db, { ...figures, lastSyncAt: now, lastError: undefined }, deps.newDeviceId, written);
  return {};
}

async function writePlan(area: SyncStorageArea, plan: PushPlan): Promise<void> {
  if (plan.remove.length > 0) await area.remove(plan.remove);
  if (Object.keys(plan.set).length > 0) await area.set(plan.set);
}

function figuresOf(encoded: Encoded): Partial<SyncStatus> {
  return { readCount: encoded.readCount, savedCount: encoded.savedCount, bytes: encoded.bytes, droppedReads: encoded.droppedReads };
}

/** The sentence goes to the settings' status line and, with the browser's own words, to the problems row. */
async function recordFailure(deps: SyncCycleDeps, kind: SyncFailure, figures: Partial<SyncStatus>, error?: unknown, writeLog?: number[]): Promise<CycleOutcome> {
  const sentence = failureSentence(kind);
  const cause = error instanceof Error ? error.message : error === undefined ? '' : String(error);
  deps.reportError('background/sync', new Error(cause === '' ? sentence : `${sentence} (${cause})`));
  await saveSyncStatus(deps.db, { ...figures, lastError: sentence }, deps.newDeviceId, writeLog);
  return {};
}
