import { echoOf } from '../sync/push-plan';
import { runSyncCycle, type SyncCycleDeps } from './sync-cycle';

export type { SyncStorageArea } from './sync-cycle';

/** What `storage.onChanged` says of each key that changed. */
export type SyncChanges = Record<string, { newValue?: unknown }>;

export interface SyncEngineDeps extends Omit<SyncCycleDeps, 'newDeviceId' | 'willPush'> {
  /** setTimeout; returns a cancel function. Tests give a virtual clock. */
  schedule?: (run: () => Promise<void>, ms: number) => () => void;
  newDeviceId?: () => string;
}

/** A burst of edits (mark all read, typing a note) becomes one write. */
export const PUSH_DEBOUNCE_MS = 3_000;
/** …but a steady stream of edits (a page marking reads as it scrolls) still syncs this often. */
export const PUSH_MAX_WAIT_MS = 30_000;

export interface SyncEngine {
  /** A local write to a synced table (the write-watch middleware calls it). */
  noticeLocalWrite(table: string): void;
  /** storage.sync changed: another device, or this one's own push (then `changes` say so and nothing runs). */
  noticeRemoteChange(changes?: SyncChanges): void;
  /** One full cycle now (merge, apply, push); resolves when done. Cycles never overlap. */
  syncNow(): Promise<void>;
}

/**
 * Runs sync cycles (lib/background/sync-cycle.ts) when something changed: 3 s after a burst of
 * local writes (30 s at most into a steady stream), at once after a settings write (it may be the
 * switch itself) or a change from another device, and when a push had to wait for the rate.
 * A cycle does nothing while the `sync` setting is off.
 */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const schedule = deps.schedule ?? defaultSchedule;
  const newDeviceId = deps.newDeviceId ?? randomDeviceId;
  let expectedEcho = new Map<string, string>();
  let cancel: (() => void) | undefined;
  let burstStart: number | undefined;
  let running: Promise<void> = Promise.resolve();
  const cycleDeps: SyncCycleDeps = { ...deps, newDeviceId, willPush: (values) => (expectedEcho = values) };

  const syncNow = (): Promise<void> => {
    running = running
      .then(async () => {
        const { retryInMs } = await runSyncCycle(cycleDeps);
        if (retryInMs !== undefined) runIn(retryInMs);
      })
      .catch((error: unknown) => deps.reportError('background/sync', error));
    return running;
  };
  const runIn = (ms: number) => {
    cancel?.();
    cancel = schedule(() => {
      cancel = undefined;
      burstStart = undefined;
      return syncNow();
    }, Math.max(0, ms));
  };
  const isEcho = (changes: SyncChanges) =>
    Object.entries(changes).every(([key, change]) => expectedEcho.get(key) === echoOf(change.newValue));

  return {
    noticeLocalWrite(table) {
      if (table === 'settings') return runIn(0);
      const now = deps.now();
      burstStart ??= now;
      runIn(Math.min(PUSH_DEBOUNCE_MS, burstStart + PUSH_MAX_WAIT_MS - now));
    },
    noticeRemoteChange(changes) {
      if (changes === undefined || !isEcho(changes)) runIn(0);
    },
    syncNow,
  };
}

function defaultSchedule(run: () => Promise<void>, ms: number): () => void {
  const timer = setTimeout(() => void run(), ms);
  return () => clearTimeout(timer);
}

/**
 * 8 base-36 characters (36⁸ ≈ 2.8·10¹²: a user's few browsers never meet twice). Every synced
 * record carries it, so each character more costs about a kilobyte per thousand saved papers.
 */
function randomDeviceId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => (b % 36).toString(36)).join('');
}
