import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDailyPapersResponse } from '../../../lib/hf/api';
import type { PaperMeta } from '../../../lib/paper';
import { bucketOf, DIMENSIONS, termsOf } from '../../../lib/ranking/features';
import { hashedCounts } from '../../../lib/ranking/hashed-counts';
import { isCurrentModel, modelBytes } from '../../../lib/ranking/model';
import { scorePaper, scorePapers } from '../../../lib/ranking/score';
import { labelledPapers, savesStillNeeded, type LabelledPaper } from '../../../lib/ranking/signals';
import { tokenize } from '../../../lib/ranking/tokenize';
import { Training, trainNow } from '../../../lib/ranking/train';
import { auc, precisionAt } from '../../../tools/ranking-metrics';

const papers: PaperMeta[] = parseDailyPapersResponse(
  JSON.parse(readFileSync('tests/fixtures/hf/api/daily_papers_2026-07-13_to_07-27_weekdays.json', 'utf8')),
);
const ROBOTS = /\b(robot\w*|embodied|manipulation|humanoid)\b/i;
const isRobotics = (meta: PaperMeta) => ROBOTS.test(meta.title ?? '');

function robotUser(saves: number) {
  const robotics = papers.filter(isRobotics);
  const savedPapers = robotics.slice(0, saves);
  const unseen = papers.filter((meta) => !savedPapers.includes(meta)).slice(-120);
  const shown = papers.filter((meta) => !unseen.includes(meta) && !savedPapers.includes(meta)).slice(0, 60);
  const now = Date.UTC(2026, 6, 30);
  const examples = labelledPapers({
    papers: [...savedPapers, ...shown].map((meta) => ({ ...meta, firstShownAt: now - 5 * 86_400_000 })),
    saved: new Map(savedPapers.map((meta, i) => [meta.id, now - i])),
    hidden: new Set(),
    now,
  });
  return { examples, unseen, now };
}

describe('tokenize and features', () => {
  it('keeps content words and drops stop words, numbers and single letters', () => {
    expect(tokenize('We propose a Novel 3D robot-grasping method in 2026, x')).toEqual(['3d', 'robot', 'grasping']);
  });
  it('gives words, bigrams, keywords, authors and the organization', () => {
    const keys = termsOf({ id: '2607.00001', title: 'Robot grasping', keywords: ['Dexterous Hands'], authors: ['Ada Lovelace'], organization: 'Acme' }).map((t) => t.key);
    expect(keys).toEqual(expect.arrayContaining(['robot', 'grasping', 'robot grasping', 'k:dexterous hands', 'a:ada lovelace', 'o:acme']));
  });
});

describe('signals', () => {
  it('labels saves and reads as wanted, hidden and long-ignored papers as not, and skips fresh ones', () => {
    const now = 10 * 86_400_000;
    const row = (id: string, extra: object) => ({ id, title: `paper ${id}`, ...extra });
    const examples = labelledPapers({
      papers: [
        row('2607.00001', { firstShownAt: now }),
        row('2607.00002', { firstShownAt: now, readAt: now }),
        row('2607.00003', { firstShownAt: now }),
        row('2607.00004', { firstShownAt: now - 4 * 86_400_000 }),
        row('2607.00005', { firstShownAt: now }),
        { id: '2607.00006', firstShownAt: 0 },
      ],
      saved: new Map([['2607.00001', now]]),
      hidden: new Set(['2607.00003']),
      now,
    });
    expect(examples.map((e) => [e.meta.id, e.kind, e.label])).toEqual([
      ['2607.00001', 'saved', 1],
      ['2607.00002', 'read', 1],
      ['2607.00003', 'hidden', 0],
      ['2607.00004', 'ignored', 0],
    ]);
    expect(savesStillNeeded(2)).toBe(3);
    expect(savesStillNeeded(7)).toBe(0);
  });
});

describe('the model', () => {
  it('after 5 saves on one topic, scores unseen papers of that topic above the rest, with reasons naming them', () => {
    const { examples, unseen } = robotUser(5);
    const model = trainNow(examples, papers);
    const scores = unseen.map((meta) => scorePaper(model, meta));
    const relevant = unseen.map(isRobotics);
    expect(relevant.filter(Boolean).length).toBeGreaterThan(3);
    expect(auc(scores.map((s) => s.score), relevant)).toBeGreaterThan(0.8);
    const topRobot = unseen.map((meta, i) => ({ meta, s: scores[i] })).filter(({ meta }) => isRobotics(meta))
      .sort((a, b) => (b.s?.score ?? 0) - (a.s?.score ?? 0))[0];
    expect(topRobot?.s?.why).toMatch(/robot|embodied|manipulation|humanoid|like: /i);
  });

  it('trains the same model in slices as in one go, each slice stopping at its deadline', () => {
    const { examples } = robotUser(6);
    const whole = trainNow(examples, papers);
    const training = new Training(examples, papers);
    let time = 0;
    let slices = 0;
    // A fake clock that advances per read: every slice has to stop on its own deadline.
    while (!training.step(time + 5, () => (time += 1))) slices += 1;
    expect(slices).toBeGreaterThan(10);
    const sliced = training.model(0);
    expect(sliced.bias).toBeCloseTo(whole.bias, 6);
    expect(Array.from(sliced.weights.slice(0, 2000))).toEqual(Array.from(whole.weights.slice(0, 2000)));
  });

  it('fits the storage cap and round-trips its shape check', () => {
    const { examples } = robotUser(8);
    const model = trainNow(examples, papers, 5);
    expect(model.weights.length).toBe(DIMENSIONS);
    expect(model.saves).toBe(8);
    expect(model.likes).toHaveLength(8);
    expect(modelBytes(model)).toBeLessThan(2 * 1024 * 1024);
    expect(isCurrentModel(structuredClone(model))).toBe(true);
    expect(isCurrentModel({ ...model, version: 0 })).toBe(false);
  });

  it('names the saved paper an unseen one resembles', () => {
    const { examples } = robotUser(5);
    const model = trainNow(examples, papers);
    const saved = examples.find((e: LabelledPaper) => e.kind === 'saved');
    if (!saved) throw new Error('no save');
    // The same paper under another id is as like it as a paper gets.
    const twin = { ...saved.meta, id: '2612.99999' };
    expect(scorePaper(model, twin).why).toContain(`like: ${(saved.meta.title ?? '').slice(0, 30)}`);
    expect(scorePapers(model, [{ id: '2612.99998' }])).toEqual({});
  });
});

describe('eval metrics', () => {
  it('precision@k and AUC', () => {
    expect(precisionAt(2, [0.9, 0.1, 0.8, 0.3], [true, false, false, true])).toBe(0.5);
    expect(auc([0.9, 0.1, 0.8, 0.3], [true, false, false, true])).toBe(0.75);
    expect(auc([3, 2, 1], [true, true, false])).toBe(1);
    expect(auc([1, 1], [true, false])).toBe(0.5);
    expect(auc([1], [true])).toBeNaN();
  });
});

describe('hashed counts (the training featurizer)', () => {
  it('puts every term of termsOf in its bucket, with its weighted count', () => {
    for (const meta of papers.slice(0, 40)) {
      const expected = new Map<number, number>();
      for (const term of termsOf(meta)) {
        const bucket = bucketOf(term.key);
        expected.set(bucket, (expected.get(bucket) ?? 0) + term.count);
      }
      const { index, count } = hashedCounts(meta);
      const actual = new Map([...index].map((bucket, k) => [bucket, count[k] ?? 0]));
      expect(actual.size).toBe(expected.size);
      for (const [bucket, c] of expected) expect(actual.get(bucket)).toBeCloseTo(c, 5);
    }
  });
  it('skips stop words, numbers and one-letter words, and joins bigrams over them', () => {
    const { index } = hashedCounts({ id: '2607.00001', title: 'The robot of 2026 x grasping' });
    expect(new Set(index)).toEqual(new Set([bucketOf('robot'), bucketOf('grasping'), bucketOf('robot grasping')]));
  });
});
