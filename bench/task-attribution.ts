/**
 * Which part of each main-thread task is the extension's, from a Chromium trace recorded with the
 * V8 CPU profiler on (`disabled-by-default-v8.cpu_profiler`).
 *
 * Long Tasks and Long Animation Frames name no content-script code (checked on Chromium 156), so
 * the bench reads the trace instead: every CPU sample whose JavaScript stack holds a frame of the
 * content script counts for the extension, in the task it fell in. That covers the script, its
 * promise continuations, the DOM calls it makes and the style and layout it forces (they run
 * under its stack). It does not cover the rendering of a later frame (style, layout, paint of what
 * the script added): the bench reports those tasks apart, next to the baseline page's own.
 */

/** The fields of Chrome's trace event format this module reads. */
export type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: { data?: ProfileData & { startTime?: number; isOutermostMainFrame?: boolean } };
};

type CallFrame = { url?: string };
type ProfileNode = { id: number; parent?: number; callFrame: CallFrame };
type ProfileData = { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };

export type TaskPart = {
  /** µs, trace clock. */
  start: number;
  durMs: number;
  extensionMs: number;
};

/** A sample stands for the time to the next one, but never more than this (a gap is idle time). */
const MAX_SAMPLE_US = 1_000;

/** Top-level complete events of one thread: the tasks (nested events lie inside them). */
export function topLevelTasks(events: readonly TraceEvent[], pid: number, tid: number): TraceEvent[] {
  const complete = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of complete) {
    if (e.ts < end) continue;
    tasks.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return tasks;
}

type Sample = { ts: number; ours: boolean };

/** The process's CPU samples, each marked by whether a frame of `scriptUrl` is on its stack. */
export function samplesOf(events: readonly TraceEvent[], pid: number, isOurs: (url: string) => boolean): Sample[] {
  const samples: Sample[] = [];
  for (const profile of events.filter((e) => e.name === 'Profile' && e.pid === pid)) {
    const parent = new Map<number, number | undefined>();
    const url = new Map<number, string>();
    let ts = profile.args?.data?.startTime ?? profile.ts;
    for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id)) {
      const data = chunk.args?.data;
      for (const node of data?.cpuProfile?.nodes ?? []) {
        parent.set(node.id, node.parent);
        url.set(node.id, node.callFrame.url ?? '');
      }
      const ids = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      ids.forEach((id, i) => {
        ts += deltas[i] ?? 0;
        samples.push({ ts, ours: onStack(id, parent, url, isOurs) });
      });
    }
  }
  return samples.sort((a, b) => a.ts - b.ts);
}

function onStack(id: number, parent: Map<number, number | undefined>, url: Map<number, string>, isOurs: (url: string) => boolean): boolean {
  for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) if (isOurs(url.get(node) ?? '')) return true;
  return false;
}

/** Each task of the thread with the extension's share of it. */
export function taskParts(tasks: readonly TraceEvent[], samples: readonly Sample[]): TaskPart[] {
  const parts: TaskPart[] = [];
  let i = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    while (i < samples.length && (samples[i]?.ts ?? Infinity) < task.ts) i += 1;
    let ours = 0;
    for (let j = i; j < samples.length; j++) {
      const sample = samples[j];
      if (sample === undefined || sample.ts > end) break;
      const next = Math.min(samples[j + 1]?.ts ?? sample.ts, end);
      if (sample.ours) ours += Math.min(next - sample.ts, MAX_SAMPLE_US);
    }
    parts.push({ start: task.ts, durMs: (task.dur ?? 0) / 1000, extensionMs: ours / 1000 });
  }
  return parts;
}

/** The page's main thread: where its main frame's DOMContentLoaded was marked. */
export function mainFrameThread(events: readonly TraceEvent[]): { pid: number; tid: number; dcl: number } | null {
  const mark = events.find((e) => e.name === 'MarkDOMContent' && e.args?.data?.isOutermostMainFrame === true);
  return mark ? { pid: mark.pid, tid: mark.tid, dcl: mark.ts } : null;
}

/** Every task of the page's main thread with the extension's share (the content script's URL contains `scriptPath`). */
export function extensionParts(events: readonly TraceEvent[], scriptPath: string): { parts: TaskPart[]; dcl: number } | null {
  const thread = mainFrameThread(events);
  if (thread === null) return null;
  const samples = samplesOf(events, thread.pid, (url) => url.startsWith('chrome-extension://') && url.includes(scriptPath));
  return { parts: taskParts(topLevelTasks(events, thread.pid, thread.tid), samples), dcl: thread.dcl };
}
