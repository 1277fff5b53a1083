/** Seeded random choices (mulberry32), so a failing property test replays the same way. */
export function randomPicker(seed: number) {
  let a = seed;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number): number => Math.floor(next() * n);
  const pick = (xs: readonly string[]): string => xs[below(xs.length)] ?? '';
  return { next, below, pick };
}
