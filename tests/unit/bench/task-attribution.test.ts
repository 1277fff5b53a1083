import { describe, expect, it } from 'vitest';
import { extensionParts, topLevelTasks, type TraceEvent } from '../../../bench/task-attribution';

// A page main thread (pid 1, tid 1) with three tasks, and CPU samples every 100 µs.
const OURS = 'chrome-extension://abc/content-scripts/papers.js';
const task = (ts: number, dur: number, name = 'RunTask'): TraceEvent => ({ name, ph: 'X', pid: 1, tid: 1, ts, dur });
const nodes = [
  { id: 1, callFrame: { url: '' } }, // (root)
  { id: 2, parent: 1, callFrame: { url: 'https://huggingface.co/page.js' } },
  { id: 3, parent: 1, callFrame: { url: OURS } },
  { id: 4, parent: 3, callFrame: { url: '' } }, // a DOM call made by our script
];

/** Samples every 100 µs from `start`: `node` for each. */
function chunk(start: number, ids: number[]): TraceEvent[] {
  return [
    { name: 'Profile', ph: 'P', pid: 1, tid: 1, ts: start, id: '0x1', args: { data: { startTime: start } } },
    { name: 'ProfileChunk', ph: 'P', pid: 1, tid: 2, ts: start, id: '0x1', args: { data: { cpuProfile: { nodes, samples: ids }, timeDeltas: ids.map(() => 100) } } },
  ];
}

describe('extension share of each task (bench)', () => {
  const dcl: TraceEvent = { name: 'MarkDOMContent', ph: 'I', pid: 1, tid: 1, ts: 5_000, args: { data: { isOutermostMainFrame: true } } };

  it('counts samples with a content-script frame on the stack, in the task they fall in', () => {
    // Task A 0–1000 µs: page script only. Task B 2000–3000: 5 samples ours (one of them in a DOM
    // call below our frame), 5 the page's. Nested events are not tasks of their own.
    const samples = [...Array(10).fill(2), ...Array(10).fill(1), ...Array(4).fill(3), 4, ...Array(5).fill(2)];
    const events = [dcl, task(0, 1_000), task(100, 200, 'Layout'), task(2_000, 1_000), task(4_000, 500), ...chunk(0, samples)];
    const result = extensionParts(events, '/content-scripts/');
    expect(result?.dcl).toBe(5_000);
    expect(result?.parts.map((p) => [p.start, p.durMs, Math.round(p.extensionMs * 10) / 10])).toEqual([
      [0, 1, 0],
      [2_000, 1, 0.5],
      [4_000, 0.5, 0],
    ]);
  });

  it('never charges an idle gap after a sample to it, and needs the page DOMContentLoaded', () => {
    const events = [dcl, task(0, 10_000), ...chunk(0, [3])]; // one sample, then nothing for 10 ms
    expect(extensionParts(events, '/content-scripts/')?.parts[0]?.extensionMs).toBeLessThanOrEqual(1);
    expect(extensionParts([task(0, 10)], '/content-scripts/')).toBeNull();
  });

  it('takes only the outermost events as tasks', () => {
    expect(topLevelTasks([task(0, 100), task(10, 20), task(200, 5), task(0, 50)], 1, 1).map((t) => t.ts)).toEqual([0, 200]);
  });
});
