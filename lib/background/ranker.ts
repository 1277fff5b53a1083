import type { PaperMeta } from '../paper';
import type { ReportError } from '../problems';
import { isCurrentModel, type RankingModel } from '../ranking/model';
import { scorePaper, type PaperScore } from '../ranking/score';
import { labelledPapers, MIN_SAVES } from '../ranking/signals';
import { Training } from '../ranking/train';
import type { FilterEngine } from '../filters/match';
import type { PapersInboxDb } from '../store/db';
import { readSignalInputs } from './ranking-inputs';
import { pageMetas } from './verdicts';

/**
 * The "for you" model in the background: loaded once from storage, retrained (in slices, no task
 * over ~20 ms) a few seconds after the user's signals change, and asked for the scores of the
 * papers a page shows. Scores are cached per paper until the next model.
 */

export interface RankerDeps {
  db: PapersInboxDb;
  /** The background's filters: the hide rules take papers out of what the model learns from. */
  filters: FilterEngine;
  now: () => number;
  /** A new model is stored (tabs should re-ask for their scores). */
  onTrained(): void;
  /** Where a failed background training or scoring goes (nobody awaits them). */
  reportError: ReportError;
  /** Scores of these papers are now ready (asked for by `pageScores`, computed after the reply). */
  onScored?(ids: string[]): void;
  /** Background time per training slice. */
  sliceMs?: number;
  /** Wait after a change before training: a burst of saves trains once. */
  debounceMs?: number;
  clock?: () => number;
  yieldTask?: () => Promise<void>;
  setTimer?: (handler: () => void, ms: number) => void;
}

type Scores = Record<string, PaperScore>;

const hasText = (meta: PaperMeta) => Boolean(meta.title || meta.summary || meta.keywords?.length);
/** A card first seen with its title only gets a new score once its abstract is known. */
const cacheKey = (meta: PaperMeta) => `${meta.id}|${meta.title?.length ?? 0}|${meta.summary?.length ?? 0}|${meta.keywords?.length ?? 0}`;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface Ranker {
  /** Whether scores exist (then the page's papers need their text read for them). */
  hasModel(): Promise<boolean>;
  /** Every paper's score, computed now (popup-sized lists: the badge). */
  scores(papers: readonly PaperMeta[]): Promise<Scores | undefined>;
  /**
   * For a page's answers: only the scores already computed, so a 1,000-card page's get-states is
   * not held up (scoring costs ~0.3 ms a paper, mostly tokenizing). The rest are computed after
   * the reply, in slices, and announced with `onScored`; the tab then asks for them.
   */
  pageScores(papers: readonly PaperMeta[]): Promise<Scores | undefined>;
  /**
   * For get-states: scores by id from memory, so the fast state-index path stays fast with a
   * model; only the records of ids not scored yet are read (`stored`: rows already read, if any).
   */
  stateScores(ids: readonly string[], stored: readonly PaperMeta[], onPage: readonly PaperMeta[]): Promise<Scores | undefined>;
  /** The user's signals changed: train again soon. */
  retrainSoon(): void;
  /** Trains now (the next retrainSoon resolves into this too); resolves when stored. */
  retrain(): Promise<void>;
  /** On start and on the periodic alarm: trains when there is no model yet or it is older than `maxAgeMs`. */
  retrainIfStale(maxAgeMs: number): Promise<void>;
}

export function createRanker(deps: RankerDeps): Ranker {
  const { db } = deps;
  const { sliceMs = 20, debounceMs = 3000, clock = () => performance.now(), yieldTask = nextTask } = deps;
  const setTimer = deps.setTimer ?? ((handler, ms) => void setTimeout(handler, ms));
  let loaded: Promise<RankingModel | null> | null = null;
  let cache = new Map<string, PaperScore>();
  /** The latest score of each id (whatever text it was scored on), for get-states. */
  let byId = new Map<string, PaperScore>();
  let queue = new Map<string, PaperMeta>();
  let warming = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timerSet = false;

  const load = () => {
    loaded ??= db.ranking.get('model').then((row) => (isCurrentModel(row) ? row : null));
    return loaded;
  };

  async function trainOnce(): Promise<void> {
    const inputs = await readSignalInputs(db, deps.filters, deps.now(), yieldTask);
    const examples = labelledPapers(inputs);
    if (inputs.saved.size < MIN_SAVES) {
      // Fewer saves than the model needs (e.g. after unsaving): no scores rather than weak ones.
      if ((await load()) === null) return;
      await db.ranking.delete('model');
      publish(null);
      return;
    }
    const training = new Training(examples, inputs.corpus);
    while (!training.step(clock() + sliceMs, clock)) await yieldTask();
    const model = training.model(deps.now());
    await db.ranking.put(model);
    publish(model);
  }

  function publish(model: RankingModel | null): void {
    loaded = Promise.resolve(model);
    cache = new Map();
    byId = new Map();
    queue = new Map();
    deps.onTrained();
  }

  async function retrain(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await trainOnce();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function scoreOf(model: RankingModel, meta: PaperMeta): PaperScore {
    const key = cacheKey(meta);
    let score = cache.get(key);
    if (!score) {
      score = scorePaper(model, meta);
      cache.set(key, score);
      byId.set(meta.id, score);
    }
    return score;
  }

  async function warm(): Promise<void> {
    if (warming) return;
    warming = true;
    try {
      while (queue.size > 0) {
        await yieldTask();
        const model = await load();
        if (!model) return;
        const done: string[] = [];
        const deadline = clock() + sliceMs;
        for (const [key, meta] of queue) {
          queue.delete(key);
          scoreOf(model, meta);
          done.push(meta.id);
          if (clock() >= deadline) break;
        }
        deps.onScored?.(done);
      }
    } finally {
      warming = false;
    }
  }

  async function pageScores(papers: readonly PaperMeta[]): Promise<Scores | undefined> {
    const model = await load();
    if (!model) return undefined;
    const scores: Scores = {};
    for (const meta of papers) {
      if (!hasText(meta)) continue;
      const score = cache.get(cacheKey(meta));
      if (score) scores[meta.id] = score;
      else queue.set(cacheKey(meta), meta);
    }
    if (queue.size > 0) void warm().catch((error: unknown) => deps.reportError('background/ranking-scores', error));
    return scores;
  }

  return {
    hasModel: async () => (await load()) !== null,
    pageScores,
    async stateScores(ids, stored, onPage) {
      if ((await load()) === null) return undefined;
      const scores: Scores = {};
      const missing: string[] = [];
      for (const id of ids) {
        const score = byId.get(id);
        if (score) scores[id] = score;
        else missing.push(id);
      }
      if (missing.length === 0) return scores;
      const known = new Set(stored.map((meta) => meta.id));
      const unread = missing.filter((id) => !known.has(id));
      const rows = unread.length ? (await db.papers.bulkGet(unread)).flatMap((row) => (row ? [row] : [])) : [];
      return { ...scores, ...(await pageScores(pageMetas(missing, [...stored, ...rows], onPage))) };
    },
    async scores(papers) {
      const model = await load();
      if (!model) return undefined;
      const scores: Scores = {};
      for (const meta of papers) if (hasText(meta)) scores[meta.id] = scoreOf(model, meta);
      return scores;
    },
    retrainSoon() {
      if (timerSet) return;
      timerSet = true;
      setTimer(() => {
        timerSet = false;
        void retrain().catch((error: unknown) => deps.reportError('background/ranking', error));
      }, debounceMs);
    },
    retrain,
    async retrainIfStale(maxAgeMs) {
      const model = await load();
      if (model && deps.now() - model.trainedAt < maxAgeMs) return;
      if (!model && (await db.saved.count()) < MIN_SAVES) return;
      await retrain();
    },
  };
}
