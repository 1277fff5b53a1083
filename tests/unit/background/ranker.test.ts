import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRequestHandler } from '../../../lib/background/handle-request';
import { createRanker, type Ranker } from '../../../lib/background/ranker';
import { parseDailyPapersResponse } from '../../../lib/hf/api';
import type { PaperMeta } from '../../../lib/paper';
import type { ReportError } from '../../../lib/problems';
import { PapersInboxDb } from '../../../lib/store/db';
import * as repo from '../../../lib/store/repository';
import { auc } from '../../../tools/ranking-metrics';
import { FilterEngine } from '../../../lib/filters/match';

const papers: PaperMeta[] = parseDailyPapersResponse(
  JSON.parse(readFileSync('tests/fixtures/hf/api/daily_papers_2026-07-13_to_07-27_weekdays.json', 'utf8')),
);
const ROBOTS = /\b(robot\w*|embodied|manipulation|humanoid)\b/i;
const robotics = papers.filter((meta) => ROBOTS.test(meta.title ?? ''));
const others = papers.filter((meta) => !ROBOTS.test(meta.title ?? ''));
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 7, 1);

let db: PapersInboxDb;
let trained: number;
let ranker: Ranker;
let problems: ReturnType<typeof vi.fn<ReportError>>;

beforeEach(() => {
  db = new PapersInboxDb(`test-ranker-${Math.random()}`);
  trained = 0;
  problems = vi.fn<ReportError>();
  ranker = createRanker({ db, now: () => NOW, filters: new FilterEngine(), reportError: problems, onTrained: () => (trained += 1), yieldTask: async () => undefined });
});
afterEach(async () => {
  await db.delete();
});

/** The user was shown 80 papers five days ago and saved `saves` robotics ones. */
async function history(saves: number): Promise<void> {
  await repo.recordShown(db, 'load-1', [...robotics.slice(0, saves), ...others.slice(0, 80)], NOW - 5 * DAY);
  for (const meta of robotics.slice(0, saves)) await repo.savePaper(db, meta, NOW - 5 * DAY);
}

describe('the background ranker', () => {
  it('gives no scores before 5 saves, then scores unseen papers of the saved topic above the rest', async () => {
    await history(4);
    await ranker.retrainIfStale(DAY);
    expect(await ranker.hasModel()).toBe(false);
    expect(await ranker.scores(others.slice(0, 3))).toBeUndefined();
    expect(trained).toBe(0);

    const fifth = robotics[4];
    if (!fifth) throw new Error('fixture has too few robotics papers');
    await repo.savePaper(db, fifth, NOW);
    await ranker.retrainIfStale(DAY);
    expect(trained).toBe(1);
    const stored = await db.ranking.get('model');
    expect(stored?.saves).toBe(5);

    const unseenRobots = robotics.slice(5);
    const unseenOthers = others.slice(80);
    const scores = await ranker.scores([...unseenRobots, ...unseenOthers]);
    if (!scores) throw new Error('no scores');
    const ranked = [...unseenRobots, ...unseenOthers];
    expect(auc(ranked.map((meta) => scores[meta.id]?.score ?? 0), ranked.map((meta) => unseenRobots.includes(meta)))).toBeGreaterThan(0.8);
    const best = unseenRobots.map((meta) => scores[meta.id]).sort((a, b) => (b?.score ?? 0) - (a?.score ?? 0))[0];
    expect(best?.why).toMatch(/robot|embodied|manipulation|humanoid|like: /i);
  });

  it('forgets the model when saves drop under 5, and a new instance loads the stored one', async () => {
    await history(5);
    await ranker.retrain();
    const again = createRanker({ db, now: () => NOW, filters: new FilterEngine(), reportError: problems, onTrained: vi.fn(), yieldTask: async () => undefined });
    expect(await again.hasModel()).toBe(true);
    await repo.unsavePaper(db, robotics[0]?.id ?? '', NOW);
    await ranker.retrain();
    expect(await ranker.hasModel()).toBe(false);
    expect(await db.ranking.get('model')).toBeUndefined();
    expect(trained).toBe(2);
  });

  it('trains once for a burst of changes, after the debounce', async () => {
    await history(5);
    const timers: (() => void)[] = [];
    const debounced = createRanker({ db, now: () => NOW, filters: new FilterEngine(), reportError: problems, onTrained: () => (trained += 1), yieldTask: async () => undefined, setTimer: (fn) => void timers.push(fn) });
    debounced.retrainSoon();
    debounced.retrainSoon();
    expect(timers).toHaveLength(1);
    timers[0]?.();
    await vi.waitFor(() => expect(trained).toBe(1));
  });

  it('reports a training that fails after the debounce to the error reporter', async () => {
    const timers: (() => void)[] = [];
    const debounced = createRanker({ db, now: () => NOW, filters: new FilterEngine(), reportError: problems, onTrained: vi.fn(), yieldTask: async () => undefined, setTimer: (fn) => void timers.push(fn) });
    debounced.retrainSoon();
    db.close();
    timers[0]?.();
    await vi.waitFor(() => expect(problems).toHaveBeenCalledWith('background/ranking', expect.any(Error)));
  });

  it('answers cards-shown and get-states with scores beside the verdicts, and retrains after a save', async () => {
    await history(5);
    const scored: string[][] = [];
    ranker = createRanker({ db, now: () => NOW, filters: new FilterEngine(), reportError: problems, onTrained: vi.fn(), onScored: (ids) => scored.push(ids), yieldTask: async () => undefined });
    await ranker.retrain();
    const retrainSoon = vi.spyOn(ranker, 'retrainSoon');
    const handle = createRequestHandler({
      db,
      now: () => NOW,
      runtimeId: 'x',
      extensionOrigin: 'chrome-extension://x/',
      notifyTabs: vi.fn(),
      onStateChange: vi.fn(),
      tabSummaries: { get: async () => null, set: async () => undefined },
      refreshToday: async () => ({ ok: true }),
      filters: new FilterEngine(),
      reportError: () => undefined,
      ranker,
    });
    const sender = { id: 'x', url: 'https://huggingface.co/papers', tab: { id: 1 } };
    const fresh = others.slice(90, 93);
    const shown = await handle({ type: 'cards-shown', loadId: 'l2', papers: fresh }, sender);
    if (!shown.ok) throw new Error(shown.error);
    // Not computed yet: the answer does not wait for them; they are announced once ready.
    expect((shown.data as { scores?: object }).scores).toEqual({});
    await vi.waitFor(() => expect(scored.flat().sort()).toEqual(fresh.map((m) => m.id).sort()));
    // Scored ids come from memory: the fast state-index path reads no paper record.
    const recordReads = vi.spyOn(db.papers, 'bulkGet');
    const states = await handle({ type: 'get-states', ids: fresh.map((m) => m.id) }, sender);
    if (!states.ok) throw new Error(states.error);
    expect(recordReads).not.toHaveBeenCalled();
    recordReads.mockRestore();
    const scores = (states.data as { scores?: Record<string, { score: number; why: string }> }).scores ?? {};
    expect(scores).toEqual(await ranker.scores(fresh));
    expect(Object.keys(scores)).toHaveLength(3);
    expect(scored).toHaveLength(1); // cached now: no second round
    // An id not scored yet: only its record is read, then it is scored after the reply.
    const unscored = others[95];
    if (!unscored) throw new Error('fixture too small');
    await repo.recordShown(db, 'l3', [unscored], NOW);
    const reads = vi.spyOn(db.papers, 'bulkGet');
    await handle({ type: 'get-states', ids: [...fresh.map((m) => m.id), unscored.id] }, sender);
    expect(reads.mock.calls.map(([ids]) => ids)).toEqual([[unscored.id]]);
    reads.mockRestore();
    await vi.waitFor(() => expect(scored.flat()).toContain(unscored.id));
    await handle({ type: 'save', paper: fresh[0] }, sender);
    expect(retrainSoon).toHaveBeenCalledTimes(1);
    const popup = { id: 'x', url: 'chrome-extension://x/popup.html' };
    await handle({ type: 'update-settings', patch: { badge: 'off' } }, popup);
    expect(retrainSoon).toHaveBeenCalledTimes(1);
    // A restore brings back the signals (reading list, read times, rules): the model retrains from them.
    const { createBackup, serializeBackup } = await import('../../../lib/export/backup');
    const restored = await handle({ type: 'restore-backup', text: serializeBackup(await createBackup(db, NOW)) }, popup);
    expect(restored.ok).toBe(true);
    expect(retrainSoon).toHaveBeenCalledTimes(2);
  });
});

describe("the badge's for-you mode", () => {
  it("counts the unread among today's 10 best, and every unread paper before the model exists", async () => {
    const { forYouUnreadCount } = await import('../../../lib/background/for-you-badge');
    const today = [...robotics.slice(6, 9), ...others.slice(100, 115)];
    await repo.storeFetchedPapers(db, today, NOW);
    await repo.setTodayList(db, { key: 'today', date: '2026-08-01', ids: today.map((m) => m.id), fetchedAt: NOW });
    expect(await forYouUnreadCount(db, ranker)).toBe(18);
    await history(5);
    await ranker.retrain();
    expect(await forYouUnreadCount(db, ranker)).toBe(10);
    const scores = (await ranker.scores(today)) ?? {};
    const best = [...today].sort((a, b) => (scores[b.id]?.score ?? 0) - (scores[a.id]?.score ?? 0));
    await repo.setRead(db, [best[0]?.id ?? '', best[15]?.id ?? ''], true, NOW);
    // The best one read: 9 of the 10 left; a read paper outside the 10 changes nothing.
    expect(await forYouUnreadCount(db, ranker)).toBe(9);
  });
});
