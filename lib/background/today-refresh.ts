import { parseDailyPapersResponse, todayApiUrl } from '../hf/api';
import type { PaperMeta } from '../paper';
import type { ReportError } from '../problems';
import type { PapersInboxDb } from '../store/db';
import { getTodayList, setTodayList, storeFetchedPapers } from '../store/repository';

const MINUTE = 60_000;
export const REFRESH_PERIOD_MIN = 60;
/** Page opens trigger a refresh at most this often. */
export const THROTTLE_MS = 10 * MINUTE;
export const MAX_BACKOFF_MIN = 60;
export const RETRY_ALARM = 'today-retry';
export const PERIODIC_ALARM = 'today-refresh';

export type FetchFn = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface AlarmsApi {
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): Promise<void> | void;
  clear(name: string): Promise<boolean> | Promise<void> | void;
}

export interface RefreshResult {
  ok: boolean;
  fetchedAt?: number;
  error?: string;
}

export const utcDate = (now: number) => new Date(now).toISOString().slice(0, 10);

function previousDay(date: string): string {
  return utcDate(Date.parse(`${date}T00:00:00Z`) - 24 * 60 * MINUTE);
}

/** One day's list; null = "nothing for that day yet" (empty or 400), which sends us a day back. */
async function fetchDay(fetchFn: FetchFn, date: string): Promise<PaperMeta[] | null> {
  const response = await fetchFn(todayApiUrl(date));
  if (response.status === 400) return null;
  if (!response.ok) throw new Error(`Hugging Face answered HTTP ${response.status}.`);
  const papers = parseDailyPapersResponse(await response.json());
  return papers.length > 0 ? papers : null;
}

/** Today's list in UTC, or yesterday's: Daily Papers days lag behind the UTC date. */
async function fetchLatest(fetchFn: FetchFn, now: number): Promise<{ date: string; papers: PaperMeta[] }> {
  const today = utcDate(now);
  const papers = await fetchDay(fetchFn, today);
  if (papers) return { date: today, papers };
  const yesterday = previousDay(today);
  return { date: yesterday, papers: (await fetchDay(fetchFn, yesterday)) ?? [] };
}

const describe = (error: unknown) =>
  error instanceof Error && error.message ? error.message : 'The network request failed.';

export interface TodayRefresher {
  refresh(now: number): Promise<RefreshResult>;
  /** For page opens and the popup: skips when a refresh ran less than THROTTLE_MS ago. */
  refreshThrottled(now: number): Promise<RefreshResult>;
}

export function createTodayRefresher(deps: {
  db: PapersInboxDb;
  fetch: FetchFn;
  alarms: AlarmsApi;
  onUpdated(): void;
  reportError: ReportError;
}): TodayRefresher {
  let failures = 0;
  let lastAttempt = -Infinity;
  let running: Promise<RefreshResult> | undefined;

  async function run(now: number): Promise<RefreshResult> {
    lastAttempt = now;
    try {
      const { date, papers } = await fetchLatest(deps.fetch, now);
      await storeFetchedPapers(deps.db, papers, now);
      await setTodayList(deps.db, { key: 'today', date, ids: papers.map((p) => p.id), fetchedAt: now });
      failures = 0;
      await deps.alarms.clear(RETRY_ALARM);
      deps.onUpdated();
      return { ok: true, fetchedAt: now };
    } catch (error) {
      return recordFailure(now, describe(error));
    }
  }

  /** Keeps the last good list, notes the error, and retries after 1, 2, 4 … 60 minutes. */
  async function recordFailure(now: number, error: string): Promise<RefreshResult> {
    const last = await getTodayList(deps.db).catch((e: unknown) => void deps.reportError('background/today-list', e));
    // With no good list yet there is nothing to annotate: the popup says "not fetched yet".
    if (last) {
      await setTodayList(deps.db, { ...last, lastError: error, lastErrorAt: now }).catch((e: unknown) => deps.reportError('background/today-list', e));
    }
    const delay = Math.min(2 ** failures, MAX_BACKOFF_MIN);
    failures += 1;
    await deps.alarms.create(RETRY_ALARM, { delayInMinutes: delay });
    return { ok: false, fetchedAt: last?.fetchedAt, error };
  }

  function refresh(now: number): Promise<RefreshResult> {
    // One fetch at a time: a page open during the alarm's refresh shares its result.
    running ??= run(now).finally(() => {
      running = undefined;
    });
    return running;
  }

  async function refreshThrottled(now: number): Promise<RefreshResult> {
    if (running) return running;
    if (now - lastAttempt < THROTTLE_MS) {
      const list = await getTodayList(deps.db);
      return { ok: list?.lastError === undefined, fetchedAt: list?.fetchedAt, error: list?.lastError };
    }
    return refresh(now);
  }

  return { refresh, refreshThrottled };
}
