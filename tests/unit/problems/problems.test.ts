import { describe, expect, it } from 'vitest';
import {
  addProblem,
  createErrorReporter,
  MAX_PROBLEMS,
  parseProblems,
  PROBLEMS_KEY,
  problemsReport,
  type ProblemArea,
} from '../../../lib/problems';

/** A storage.session stand-in that can be made to fail. */
function memoryArea(): ProblemArea & { items: Record<string, unknown>; failing: boolean } {
  const area = {
    items: {} as Record<string, unknown>,
    failing: false,
    async get(key: string) {
      return { [key]: area.items[key] };
    },
    async set(items: Record<string, unknown>) {
      if (area.failing) throw new Error('session storage unavailable');
      Object.assign(area.items, items);
    },
  };
  return area;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the problems list', () => {
  it('keeps the newest first and folds a repeat into one row with its count', () => {
    let list = addProblem([], 'background/badge', 'Error: a', 1);
    list = addProblem(list, 'background/today-list', 'Error: b', 2);
    list = addProblem(list, 'background/badge', 'Error: a', 3);
    expect(list).toEqual([
      { scope: 'background/badge', message: 'Error: a', at: 3, count: 2 },
      { scope: 'background/today-list', message: 'Error: b', at: 2, count: 1 },
    ]);
  });

  it(`holds at most ${MAX_PROBLEMS}, dropping the oldest`, () => {
    let list = addProblem([], 'first', 'x', 0);
    for (let i = 1; i <= MAX_PROBLEMS; i += 1) list = addProblem(list, `scope-${i}`, 'x', i);
    expect(list).toHaveLength(MAX_PROBLEMS);
    expect(list.some((p) => p.scope === 'first')).toBe(false);
    expect(list[0]?.scope).toBe(`scope-${MAX_PROBLEMS}`);
  });

  it('reads stored rows leniently: junk is dropped, not thrown on', () => {
    const good = { scope: 's', message: 'm', at: 1, count: 1 };
    expect(parseProblems([good, { scope: 1 }, null, 'x'])).toEqual([good]);
    expect(parseProblems(undefined)).toEqual([]);
  });

  it('copies as plain text a user can paste into a bug report', () => {
    const text = problemsReport([{ scope: 'background/badge', message: 'Error: boom', at: Date.UTC(2026, 11, 7), count: 3 }], {
      version: '0.1.0',
      userAgent: 'Chromium',
    });
    expect(text).toBe('Papers Inbox 0.1.0 — Chromium\n2026-12-07T00:00:00.000Z ×3 background/badge: Error: boom');
  });
});

describe('reportError', () => {
  it('stores every problem, also two reported at once, and logs through the given log', async () => {
    const area = memoryArea();
    const logged: string[] = [];
    const report = createErrorReporter({ area, now: () => 5, log: (scope) => logged.push(scope) });
    report('background/badge', new TypeError('no tab'));
    report('background/prune-undo', 'plain string');
    await settle();
    expect(parseProblems(area.items[PROBLEMS_KEY])).toEqual([
      { scope: 'background/prune-undo', message: 'plain string', at: 5, count: 1 },
      { scope: 'background/badge', message: 'TypeError: no tab', at: 5, count: 1 },
    ]);
    expect(logged).toEqual(['background/badge', 'background/prune-undo']);
  });

  it('clips a long message', async () => {
    const area = memoryArea();
    createErrorReporter({ area, now: () => 1 })('s', new Error('x'.repeat(5000)));
    await settle();
    const [stored] = parseProblems(area.items[PROBLEMS_KEY]);
    expect(stored?.message.length).toBeLessThan(400);
  });

  it('never throws, even when the problems cannot be stored, and stores the next one once it can', async () => {
    const area = memoryArea();
    area.failing = true;
    const report = createErrorReporter({ area, now: () => 1 });
    expect(() => report('a', new Error('first'))).not.toThrow();
    await settle();
    area.failing = false;
    report('b', new Error('second'));
    await settle();
    expect(parseProblems(area.items[PROBLEMS_KEY]).map((p) => p.scope)).toEqual(['b']);
  });
});
