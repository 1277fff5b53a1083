import type { PaperMeta } from '../paper';
import { dot, termsOf, vectorize } from './features';
import { hashedCounts } from './hashed-counts';
import { explain, reasonText } from './explain';
import type { RankingModel } from './model';

/** A paper's "for you" score (0–1, higher = more wanted) and its one-line reason. */
export interface PaperScore {
  score: number;
  why: string;
}

/** Two decimals: enough to order by, and short on the wire and in `data-pi-score`. */
export const roundScore = (score: number) => Math.round(score * 100) / 100;

export function scorePaper(model: RankingModel, meta: PaperMeta): PaperScore {
  const vector = vectorize(hashedCounts(meta), model.idf);
  const score = 1 / (1 + Math.exp(-(dot(model.weights, vector) + model.bias)));
  return { score: roundScore(score), why: reasonText(explain(model, meta.id, termsOf(meta), vector)) };
}

/** Scores for papers with text; one without any (a bare card) gets none rather than a guess. */
export function scorePapers(model: RankingModel, metas: readonly PaperMeta[]): Record<string, PaperScore> {
  const scores: Record<string, PaperScore> = {};
  for (const meta of metas) {
    if (meta.title || meta.summary || meta.keywords?.length) scores[meta.id] = scorePaper(model, meta);
  }
  return scores;
}
