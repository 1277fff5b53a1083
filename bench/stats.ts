/** Order statistics for the bench (linear interpolation between the two nearest samples). */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] ?? Number.NaN) + ((s[hi] ?? Number.NaN) - (s[lo] ?? Number.NaN)) * (pos - lo);
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);

/** `p50 / p95` of samples, for a note. */
export const spread = (xs: readonly number[]) => `median ${median(xs).toFixed(1)}, p95 ${quantile(xs, 0.95).toFixed(1)} over ${xs.length} runs`;
