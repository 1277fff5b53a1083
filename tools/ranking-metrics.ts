/** Ranking quality measures for `npm run eval:ranking` (pure, tested in tests/unit/ranking). */

/** Share of the top `k` (by score, stable on ties) that are relevant. */
export function precisionAt(k: number, scores: readonly number[], relevant: readonly boolean[]): number {
  const order = scores.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score || a.i - b.i);
  const top = order.slice(0, k);
  if (top.length === 0) return 0;
  return top.filter(({ i }) => relevant[i]).length / top.length;
}

/**
 * Area under the ROC curve: the chance a random relevant paper scores above a random other one
 * (ties count half). NaN when one class is empty.
 */
export function auc(scores: readonly number[], relevant: readonly boolean[]): number {
  let above = 0;
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < scores.length; i += 1) {
    if (relevant[i]) positives += 1;
    else negatives += 1;
  }
  if (positives === 0 || negatives === 0) return Number.NaN;
  for (let i = 0; i < scores.length; i += 1) {
    if (!relevant[i]) continue;
    for (let j = 0; j < scores.length; j += 1) {
      if (relevant[j]) continue;
      const a = scores[i] ?? 0;
      const b = scores[j] ?? 0;
      above += a > b ? 1 : a === b ? 0.5 : 0;
    }
  }
  return above / (positives * negatives);
}

export const mean = (values: readonly number[]) => {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : Number.NaN;
};
