import { z } from 'zod';

/**
 * A last-writer-wins register: a value with the time it was written and the device that wrote
 * it. Later time wins; the device id breaks ties between devices, and the value's JSON breaks a
 * tie left by one device writing twice in the same millisecond, so every pair has one winner and
 * merging registers is commutative, associative and idempotent.
 */
export const Stamp = z.object({
  t: z.number().int().min(0),
  /** A device id: base 36, so it never contains the separators of the encoding. */
  d: z.string().regex(/^[0-9a-z]{1,16}$/),
});
export type Stamp = z.infer<typeof Stamp>;

export interface Register<T> {
  v: T;
  t: number;
  d: string;
}

export function registerOf<T extends z.ZodType>(value: T) {
  return z.object({ v: value, t: Stamp.shape.t, d: Stamp.shape.d });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order of registers: time, then device, then value. */
export function compareRegisters<T>(a: Register<T>, b: Register<T>): number {
  if (a.t !== b.t) return a.t - b.t;
  const byDevice = compareText(a.d, b.d);
  if (byDevice !== 0) return byDevice;
  return compareText(JSON.stringify(a.v), JSON.stringify(b.v));
}

export function mergeRegister<T>(a: Register<T>, b: Register<T>): Register<T> {
  return compareRegisters(a, b) >= 0 ? a : b;
}

/** A stamp for a new local write: after `now` and after whatever the register held before. */
export function nextStamp(previous: Stamp | undefined, now: number, device: string): Stamp {
  return { t: Math.max(now, previous ? previous.t + 1 : 0), d: device };
}
