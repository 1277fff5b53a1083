import { describe, expect, it } from 'vitest';
import { inSlices } from '../../../lib/content/lifetime';

/** A clock that advances `step` ms per reading, so slices end after a known number of items. */
function fakeClock(step: number): () => number {
  let now = 0;
  return () => (now += step);
}

describe('inSlices', () => {
  it('does every item once, in order, in one task when the work is fast', async () => {
    const done: number[] = [];
    const items = Array.from({ length: 1_000 }, (_, i) => i);
    let yields = 0;
    const tick = setInterval(() => (yields += 1), 0);
    await inSlices(items, 20, new AbortController().signal, (i) => done.push(i), { clock: () => 0 });
    clearInterval(tick);
    expect(done).toEqual(items);
    expect(yields).toBe(0); // the clock never moved: no reason to yield
  });

  it('yields once a slice has used its time, and keeps going after the yield', async () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const seen: number[] = [];
    let yields = 0;
    const clock = fakeClock(5); // every clock reading is 5 ms later: a 20 ms slice ends fast
    const work = (i: number) => seen.push(i);
    const tick = setInterval(() => (yields += 1), 0);
    await inSlices(items, 20, new AbortController().signal, work, { clock });
    clearInterval(tick);
    expect(seen).toEqual(items);
    expect(yields).toBeGreaterThan(0); // timers ran between slices: the main thread was given back
  });

  it('stops when the signal aborts between slices', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const items = Array.from({ length: 100 }, (_, i) => i);
    const run = inSlices(items, 1, controller.signal, (i) => {
      seen.push(i);
      if (i === 20) controller.abort();
    }, { clock: fakeClock(5) });
    await run;
    expect(seen.length).toBeLessThan(100);
    expect(seen.length).toBeGreaterThan(20);
  });

  it('with yieldFirst, gives the main thread back before the first item', async () => {
    const seen: number[] = [];
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const run = inSlices([1, 2, 3], 20, new AbortController().signal, (i) => seen.push(i), { clock: () => 0, yieldFirst: true });
    expect(seen).toEqual([]); // nothing ran in the caller's task
    await run;
    expect(seen).toEqual([1, 2, 3]);
    expect(timerRan).toBe(true); // a task queued before the call ran before the work
  });
});

describe('inSlices: what the last slice spent', () => {
  it('returns the ms of the last slice only, so the caller can tell whether its task is already full', async () => {
    const spent = await inSlices(Array.from({ length: 64 }, (_, i) => i), 20, new AbortController().signal, () => {}, { clock: fakeClock(5) });
    // Each clock read is 5 ms on: slices end every 16 items, the last one read the clock twice more.
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(25);
    expect(await inSlices([1], 20, new AbortController().signal, () => {}, { clock: () => 0 })).toBe(0);
  });
});
