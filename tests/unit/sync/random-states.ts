import { seededRandom } from '../../../lib/seeded-random';
import type { Register } from '../../../lib/sync/clock';
import type { SyncState } from '../../../lib/sync/state';

/** The same seed gives the same cases, so a failure can be replayed. */
export const prng = seededRandom;

const IDS = ['2511.00001', '2511.00002', '2511.00417', '2512.10000', '0704.0001', '0704.00001'];
const DEVICES = ['a', 'b', 'c'];

export function randomState(rand: () => number): SyncState {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const reg = <T>(v: T): Register<T> => ({ v, t: Math.floor(rand() * 5), d: pick(DEVICES) });
  const state: SyncState = { saved: {}, reads: {}, rules: {}, settings: {} };
  for (const id of IDS) {
    if (rand() < 0.5) {
      state.saved[id] = {
        on: reg(rand() < 0.7),
        status: reg(pick(['to-read', 'done'] as const)),
        tags: reg(rand() < 0.5 ? [] : [pick(['ml', 'cv', 'nlp'])]),
        note: reg(pick(['', 'good', 'read again'])),
        at: Math.floor(rand() * 5),
      };
    }
    if (rand() < 0.6) state.reads[id] = { c: 1 + Math.floor(rand() * 3), day: 20_000 + Math.floor(rand() * 3) };
  }
  for (const ruleId of ['r1', 'r2']) {
    if (rand() < 0.5) continue;
    const rule = { id: ruleId, pattern: pick(['diffusion', 'llm']), kind: 'keyword' as const, fields: ['title' as const], action: pick(['hide', 'dim'] as const), enabled: rand() < 0.5, createdAt: 1, updatedAt: 2 };
    state.rules[ruleId] = reg(rand() < 0.8 ? rule : null);
  }
  if (rand() < 0.7) state.settings.badge = reg(pick(['off', 'page', 'today']));
  return state;
}
