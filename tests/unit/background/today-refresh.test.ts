import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createTodayRefresher, RETRY_ALARM, THROTTLE_MS, type AlarmsApi, type FetchFn } from '../../../lib/background/today-refresh';
import { PapersInboxDb } from '../../../lib/store/db';
import { recordShown, todayUnreadCount } from '../../../lib/store/repository';

const items: unknown = JSON.parse(readFileSync('tests/fixtures/hf/api/daily_papers_2026-07-31_first5_pretty.json', 'utf8'));
const NOW = Date.parse('2026-07-31T12:00:00Z');

const reply = (status: number, body: unknown) => ({ ok: status >= 200 && status < 300, status, json: async () => body });

let db: PapersInboxDb;
let alarms: { create: Mock<AlarmsApi['create']>; clear: Mock<AlarmsApi['clear']> };
beforeEach(() => {
  db = new PapersInboxDb(`test-${Math.random()}`);
  alarms = { create: vi.fn<AlarmsApi['create']>(), clear: vi.fn<AlarmsApi['clear']>() };
});
afterEach(async () => {
  await db.delete();
});

const make = (fetch: FetchFn) => createTodayRefresher({ db, fetch, alarms, onUpdated: () => undefined, reportError: () => undefined });

describe("today's list", () => {
  it('stores the list and its papers without marking them shown', async () => {
    const fetch = vi.fn(async () => reply(200, items));
    const result = await make(fetch).refresh(NOW);
    expect(result).toEqual({ ok: true, fetchedAt: NOW });
    expect(fetch).toHaveBeenCalledWith(expect.stringContaining('date=2026-07-31'));
    const list = await db.meta.get('today');
    expect(list?.ids.length).toBe(5);
    expect(await todayUnreadCount(db)).toBe(5);
    const id = list?.ids[0] ?? '';
    expect((await db.papers.get(id))?.firstShownAt).toBeUndefined();
    expect((await recordShown(db, 'l1', [{ id }], NOW)).states[id]).toBe('new');
  });

  it('falls back to the previous day when today is empty or refused', async () => {
    for (const empty of [reply(200, []), reply(400, { error: 'bad date' })]) {
      const fetch = vi.fn(async (url: string) => (url.includes('2026-07-31') ? empty : reply(200, items)));
      await make(fetch).refresh(NOW);
      expect((await db.meta.get('today'))?.date).toBe('2026-07-30');
    }
  });

  it('offline keeps the last good list, notes the error and backs off 1, 2, 4 … 60 minutes', async () => {
    const online = vi.fn(async () => reply(200, items));
    await make(online).refresh(NOW);
    const refresher = make(vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const delays: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const result = await refresher.refresh(NOW + i * 3_600_000);
      expect(result).toMatchObject({ ok: false, fetchedAt: NOW, error: 'Failed to fetch' });
      delays.push(alarms.create.mock.calls[i]?.[1].delayInMinutes ?? -1);
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(alarms.create).toHaveBeenCalledWith(RETRY_ALARM, expect.anything());
    const list = await db.meta.get('today');
    expect(list).toMatchObject({ fetchedAt: NOW, lastError: 'Failed to fetch' });
    expect(list?.ids.length).toBe(5);
  });

  it('an HTTP error is a sentence', async () => {
    const result = await make(vi.fn(async () => reply(503, null))).refresh(NOW);
    expect(result.error).toBe('Hugging Face answered HTTP 503.');
  });

  it('page opens refresh at most every 10 minutes', async () => {
    const fetch = vi.fn(async () => reply(200, items));
    const refresher = make(fetch);
    await refresher.refreshThrottled(NOW);
    await refresher.refreshThrottled(NOW + 60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    await refresher.refreshThrottled(NOW + THROTTLE_MS + 1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
