/**
 * `npm run eval:ranking`: replays the real Daily Papers API fixtures with simulated users and
 * measures the "for you" ranking on days it did not train on, against two baselines.
 *
 * A simulated user has a few topics (regexes over title and HF keywords: what the user really
 * wants) and one muted topic. On the training days they save some papers of their topics, open a
 * few more (and a few others, by curiosity), have a mute rule that hides their muted topic, and
 * pass over the rest; the extension's own signal code (`labelledPapers`) turns that history into
 * labels, exactly as in the background. On the held-out days every paper of the day is ranked;
 * relevant = on one of the user's topics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDailyPapersResponse } from '../lib/hf/api';
import type { PaperMeta } from '../lib/paper';
import { scorePaper } from '../lib/ranking/score';
import { labelledPapers } from '../lib/ranking/signals';
import { trainNow } from '../lib/ranking/train';
import { auc, mean, precisionAt } from './ranking-metrics';

const FIXTURE_DIRS = ['tests/fixtures/hf/api', '/work/shared/fixtures/hf/api'];
const DAY_MS = 86_400_000;
/** The first days train, the rest are held out (chosen before any result was looked at). */
const TEST_DAYS = 5;

const TOPICS: Record<string, RegExp> = {
  robotics: /\b(robot\w*|embodied|manipulation|grasp\w*|humanoid)\b/i,
  video: /\bvideos?\b/i,
  agents: /\bagent(s|ic)?\b/i,
  '3d': /\b(3d|gaussian splatting|point clouds?|meshes|nerf)\b/i,
  audio: /\b(speech|audio|music|voice)\b/i,
  safety: /\b(safety|jailbreak\w*|harmful|red[- ]teaming)\b/i,
  medical: /\b(medical|clinical|biomedical|patients?)\b/i,
  code: /\b(code generation|coding|software engineering|programming)\b/i,
  math: /\b(mathematical|math|theorem\w*)\b/i,
  rl: /\b(reinforcement learning|rl|reward\w*|policy optimization|grpo)\b/i,
  diffusion: /\b(diffusion|denois\w*)\b/i,
  image: /\b(image generation|text-to-image|image editing)\b/i,
};

interface SimUser {
  name: string;
  topics: string[];
  muted: string;
}
const USERS: SimUser[] = [
  { name: 'roboticist', topics: ['robotics', '3d'], muted: 'audio' },
  { name: 'video maker', topics: ['video', 'diffusion'], muted: 'math' },
  { name: 'agent builder', topics: ['agents', 'code'], muted: 'medical' },
  { name: 'RL + math', topics: ['rl', 'math'], muted: 'video' },
  { name: 'speech + safety', topics: ['audio', 'safety', 'medical'], muted: 'agents' },
  { name: 'image maker', topics: ['image', 'diffusion', '3d'], muted: 'robotics' },
];

function loadPapers(): PaperMeta[] {
  const byId = new Map<string, PaperMeta>();
  for (const dir of FIXTURE_DIRS) {
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    } catch {
      continue; // the shared copy is optional: the repo's own fixtures are enough
    }
    for (const file of files) {
      for (const meta of parseDailyPapersResponse(JSON.parse(readFileSync(join(dir, file), 'utf8')))) {
        if (meta.submittedOnDailyAt && !byId.has(meta.id)) byId.set(meta.id, meta);
      }
    }
  }
  return [...byId.values()];
}

const dayOf = (meta: PaperMeta) => (meta.submittedOnDailyAt ?? '').slice(0, 10);
/** About a topic: it is in the title or HF keywords, or named at least twice in the abstract. */
const onTopic = (meta: PaperMeta, topic: string) => {
  const regex = TOPICS[topic];
  if (!regex) return false;
  if (regex.test(`${meta.title ?? ''} ${(meta.keywords ?? []).join(', ')}`)) return true;
  return ((meta.summary ?? '').match(new RegExp(regex.source, 'gi'))?.length ?? 0) >= 2;
};

/** Deterministic per (user, paper) coin: the same history every run. */
function coin(user: string, id: string, salt: string): number {
  let hash = 2166136261;
  for (const ch of `${user}|${id}|${salt}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
  return (hash >>> 0) / 4294967296;
}

interface History {
  papers: (PaperMeta & { firstShownAt: number; readAt?: number })[];
  saved: Map<string, number>;
  hidden: Set<string>;
}

function simulate(user: SimUser, trainPapers: readonly PaperMeta[]): History {
  const history: History = { papers: [], saved: new Map(), hidden: new Set() };
  for (const meta of trainPapers) {
    const shownAt = Date.parse(dayOf(meta));
    const wanted = user.topics.some((t) => onTopic(meta, t));
    const row: History['papers'][number] = { ...meta, firstShownAt: shownAt };
    if (!wanted && onTopic(meta, user.muted)) history.hidden.add(meta.id);
    else if (wanted && coin(user.name, meta.id, 'save') < 0.4) history.saved.set(meta.id, shownAt + 1000);
    else if (coin(user.name, meta.id, 'read') < (wanted ? 0.3 : 0.05)) row.readAt = shownAt + 2000;
    history.papers.push(row);
  }
  return history;
}

type Ranker = (meta: PaperMeta) => number;

function keywordRanker(trainPapers: readonly PaperMeta[], saved: ReadonlyMap<string, number>): Ranker {
  const keywords = new Set<string>();
  for (const meta of trainPapers) {
    if (saved.has(meta.id)) for (const k of meta.keywords ?? []) keywords.add(k.trim().toLowerCase());
  }
  // Ties (most papers share no keyword) fall back to HF's order: the baseline at its best.
  return (meta) => (meta.keywords ?? []).filter((k) => keywords.has(k.trim().toLowerCase())).length + upvoteRanker(meta) / 1e6;
}
const upvoteRanker: Ranker = (meta) => meta.upvotes ?? 0;

function measure(ranker: Ranker, days: readonly PaperMeta[][], relevantOf: (m: PaperMeta) => boolean) {
  const p10: number[] = [];
  const aucs: number[] = [];
  for (const papers of days) {
    const scores = papers.map(ranker);
    const relevant = papers.map(relevantOf);
    p10.push(precisionAt(10, scores, relevant));
    aucs.push(auc(scores, relevant));
  }
  return { p10: mean(p10), auc: mean(aucs) };
}

function main(): void {
  const papers = loadPapers();
  const days = [...new Set(papers.map(dayOf))].sort();
  if (days.length <= TEST_DAYS) throw new Error(`Need more than ${TEST_DAYS} days of fixtures, found ${days.length}.`);
  const trainDays = new Set(days.slice(0, -TEST_DAYS));
  const trainPapers = papers.filter((m) => trainDays.has(dayOf(m)));
  const testDays = days.slice(-TEST_DAYS).map((day) => papers.filter((m) => dayOf(m) === day));
  const lastTrain = Date.parse(days[days.length - TEST_DAYS - 1] ?? '') + DAY_MS;
  console.log(`${papers.length} papers, ${days.length} days: train ${trainDays.size} (${trainPapers.length} papers), test ${TEST_DAYS} (${testDays.flat().length} papers)\n`);
  console.log('user              | saves | relevant | P@10 model / upvotes / keywords | AUC model / upvotes / keywords | beats both');
  const rows: { model: { p10: number; auc: number }; beats: boolean }[] = [];
  for (const user of USERS) {
    const history = simulate(user, trainPapers);
    const examples = labelledPapers({ papers: history.papers, saved: history.saved, hidden: history.hidden, now: lastTrain + 3 * DAY_MS });
    const model = trainNow(examples, trainPapers);
    const relevantOf = (m: PaperMeta) => user.topics.some((t) => onTopic(m, t));
    const ours = measure((m) => scorePaper(model, m).score, testDays, relevantOf);
    const votes = measure(upvoteRanker, testDays, relevantOf);
    const words = measure(keywordRanker(trainPapers, history.saved), testDays, relevantOf);
    const beats = ours.p10 > Math.max(votes.p10, words.p10) && ours.auc > Math.max(votes.auc, words.auc);
    rows.push({ model: ours, beats });
    const relevant = testDays.flat().filter(relevantOf).length;
    const f = (n: number) => n.toFixed(2);
    console.log(
      `${user.name.padEnd(17)} | ${String(history.saved.size).padStart(5)} | ${String(relevant).padStart(8)} | ` +
        `${f(ours.p10)} / ${f(votes.p10)} / ${f(words.p10)}`.padEnd(31) + ` | ${f(ours.auc)} / ${f(votes.auc)} / ${f(words.auc)}`.padEnd(31) + ` | ${beats ? 'yes' : 'NO'}`,
    );
  }
  const avgAuc = mean(rows.map((r) => r.model.auc));
  const avgP10 = mean(rows.map((r) => r.model.p10));
  console.log(`\naverage: P@10 ${avgP10.toFixed(2)}, AUC ${avgAuc.toFixed(3)} (target ≥ 0.8); beats both baselines for ${rows.filter((r) => r.beats).length} of ${rows.length} users`);
  if (avgAuc < 0.8 || rows.some((r) => !r.beats)) process.exitCode = 1;
}

main();
