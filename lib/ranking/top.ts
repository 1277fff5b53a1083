import type { PaperMeta } from '../paper';
import type { RankingModel } from './model';
import { scorePaper, type PaperScore } from './score';

/**
 * The badge's "for you" papers: today's best 10 by score. A rank, not a score cut: the scores order
 * papers well (the eval) but are not calibrated probabilities, so a fixed cut like 0.5 would count
 * none on one day and all on another.
 */
export const FOR_YOU_TOP = 10;

export type RankedPaper = PaperScore & { meta: PaperMeta };

/** Papers with text, best first (ties keep the given order, e.g. HF's). */
export function rankForYou(model: RankingModel, papers: readonly PaperMeta[]): RankedPaper[] {
  return papers
    .filter((meta) => meta.title || meta.summary || meta.keywords?.length)
    .map((meta, i) => ({ meta, i, ...scorePaper(model, meta) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ i: _i, ...ranked }) => ranked);
}
