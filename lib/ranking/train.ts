import { seededRandom } from '../seeded-random';
import type { PaperMeta } from '../paper';
import { countDocument, DIMENSIONS, idfFromCounts, vectorize, type SparseVector } from './features';
import { hashedCounts, type HashedCounts } from './hashed-counts';
import { MAX_LIKES, MODEL_VERSION, type LikedPaper, type RankingModel } from './model';
import type { LabelledPaper } from './signals';

/**
 * Logistic regression on the hashed tf-idf features, by AdaGrad SGD with L2. Training is a
 * sequence of small steps (`Training.step(deadline)`) so the background can run it in slices:
 * tokenizing, idf, vectors and each pass over the examples all stop at the deadline and resume.
 */

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Shuffle seed: the same inputs give the same model (tests, eval). */
  seed?: number;
}

const DEFAULTS = { epochs: 8, learningRate: 0.5, l2: 1e-5, seed: 1 };


type Phase = 'terms' | 'idf' | 'vectors' | 'epochs' | 'done';

export class Training {
  private phase: Phase = 'terms';
  private cursor = 0;
  private epoch = 0;
  private readonly counts: HashedCounts[] = [];
  /** Document frequencies, counted as the terms are read (no long idf pass of its own). */
  private readonly df = new Uint32Array(DIMENSIONS);
  private documents = 0;
  private readonly corpus: readonly PaperMeta[];
  private idf: Float32Array = new Float32Array(0);
  private readonly vectors: SparseVector[] = [];
  private readonly classWeight: [number, number];
  private readonly order: Uint32Array;
  private readonly weights = new Float32Array(DIMENSIONS);
  private readonly squares = new Float32Array(DIMENSIONS);
  private bias = 0;
  private biasSquares = 0;
  private readonly options: Required<TrainOptions>;
  private readonly next: () => number;

  /** `corpus`: more papers (e.g. every stored one) that only sharpen the idf. */
  constructor(
    private readonly examples: readonly LabelledPaper[],
    corpus: readonly PaperMeta[] = [],
    options: TrainOptions = {},
  ) {
    // The corpus usually holds the examples' own papers too: each is read once.
    const labelled = new Set(examples.map((e) => e.meta.id));
    this.corpus = corpus.filter((meta) => !labelled.has(meta.id));
    this.options = { ...DEFAULTS, ...options };
    this.next = seededRandom(this.options.seed);
    this.order = Uint32Array.from(examples.keys());
    // Balanced classes: a few saves against thousands of ignored papers must still count.
    let positive = 0;
    let negative = 0;
    for (const e of examples) {
      if (e.label === 1) positive += e.weight;
      else negative += e.weight;
    }
    const total = positive + negative || 1;
    this.classWeight = [negative ? total / (2 * negative) : 1, positive ? total / (2 * positive) : 1];
  }

  get done(): boolean {
    return this.phase === 'done';
  }

  /** Works until `clock() >= deadline` (checked every few items) or the end; true when finished. */
  step(deadline: number, clock: () => number): boolean {
    while (this.phase !== 'done') {
      if (clock() >= deadline) return false;
      this.advance(deadline, clock);
    }
    return true;
  }

  private advance(deadline: number, clock: () => number): void {
    if (this.phase === 'terms') this.runTerms(deadline, clock);
    else if (this.phase === 'idf') {
      this.idf = idfFromCounts(this.df, this.documents);
      this.phase = 'vectors';
    } else if (this.phase === 'vectors') this.runVectors(deadline, clock);
    else if (this.phase === 'epochs') this.runEpoch(deadline, clock);
  }

  private runTerms(deadline: number, clock: () => number): void {
    const all = this.examples.length + this.corpus.length;
    while (this.cursor < all) {
      const i = this.cursor;
      this.cursor += 1;
      const example = this.examples[i];
      const meta = example ? example.meta : this.corpus[i - this.examples.length];
      if (!meta) continue;
      const counts = hashedCounts(meta);
      if (example) this.counts.push(counts);
      countDocument(this.df, counts);
      this.documents += 1;
      if (clock() >= deadline) return;
    }
    this.cursor = 0;
    this.phase = 'idf';
  }

  private runVectors(deadline: number, clock: () => number): void {
    while (this.cursor < this.counts.length) {
      const counts = this.counts[this.cursor];
      if (counts) this.vectors.push(vectorize(counts, this.idf));
      this.cursor += 1;
      if (this.cursor % 16 === 0 && clock() >= deadline) return;
    }
    this.cursor = 0;
    this.phase = this.examples.length ? 'epochs' : 'done';
    this.shuffle();
  }

  private shuffle(): void {
    for (let i = this.order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      const a = this.order[i] ?? 0;
      this.order[i] = this.order[j] ?? 0;
      this.order[j] = a;
    }
  }

  private runEpoch(deadline: number, clock: () => number): void {
    while (this.cursor < this.order.length) {
      this.update(this.order[this.cursor] ?? 0);
      this.cursor += 1;
      if (this.cursor % 16 === 0 && clock() >= deadline) return;
    }
    this.cursor = 0;
    this.epoch += 1;
    if (this.epoch >= this.options.epochs) this.phase = 'done';
    else this.shuffle();
  }

  /** One AdaGrad step on one example's weighted log loss (+ L2 on the features it touches). */
  private update(i: number): void {
    const example = this.examples[i];
    const x = this.vectors[i];
    if (!example || !x) return;
    const { learningRate, l2 } = this.options;
    let z = this.bias;
    for (let k = 0; k < x.index.length; k += 1) z += (this.weights[x.index[k] ?? 0] ?? 0) * (x.value[k] ?? 0);
    const p = 1 / (1 + Math.exp(-z));
    const g = (p - example.label) * example.weight * this.classWeight[example.label];
    for (let k = 0; k < x.index.length; k += 1) {
      const j = x.index[k] ?? 0;
      const w = this.weights[j] ?? 0;
      const grad = g * (x.value[k] ?? 0) + l2 * w;
      const sq = (this.squares[j] ?? 0) + grad * grad;
      this.squares[j] = sq;
      this.weights[j] = w - (learningRate * grad) / Math.sqrt(sq + 1e-8);
    }
    this.biasSquares += g * g;
    this.bias -= (learningRate * g) / Math.sqrt(this.biasSquares + 1e-8);
  }

  /** The trained model (call once `done`). */
  model(now: number): RankingModel {
    const likes: LikedPaper[] = [];
    const saves: { at: number; i: number }[] = [];
    this.examples.forEach((e, i) => {
      if (e.kind === 'saved') saves.push({ at: e.at, i });
    });
    saves.sort((a, b) => b.at - a.at);
    for (const { i } of saves.slice(0, MAX_LIKES)) {
      const example = this.examples[i];
      const vector = this.vectors[i];
      if (example && vector) likes.push({ id: example.meta.id, title: example.meta.title ?? example.meta.id, ...vector });
    }
    return {
      key: 'model',
      version: MODEL_VERSION,
      trainedAt: now,
      bias: this.bias,
      weights: this.weights,
      idf: this.idf,
      likes,
      saves: saves.length,
      examples: this.examples.length,
    };
  }
}

/** Trains to the end in one go (Node: tests and the eval). The background uses slices. */
export function trainNow(examples: readonly LabelledPaper[], corpus: readonly PaperMeta[] = [], now = 0, options?: TrainOptions): RankingModel {
  const training = new Training(examples, corpus, options);
  training.step(Number.POSITIVE_INFINITY, () => 0);
  return training.model(now);
}
