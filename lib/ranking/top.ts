import type { PaperMeta } from '../paper';
import type { RankingModel } from './model';
import { scorePaper, type PaperScore } from './score';

/** At or above this a paper counts as "for you" (the badge): the model's own decision boundary. */
export const FOR_YOU_THRESHOLD = 0.5;

export type RankedPaper = PaperScore & { meta: PaperMeta };

/** Papers with text, best first (ties keep the given order, e.g. HF's). */
export function rankForYou(model: RankingModel, papers: readonly PaperMeta[]): RankedPaper[] {
  return papers
    .filter((meta) => meta.title || meta.summary || meta.keywords?.length)
    .map((meta, i) => ({ meta, i, ...scorePaper(model, meta) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ i: _i, ...ranked }) => ranked);
}
