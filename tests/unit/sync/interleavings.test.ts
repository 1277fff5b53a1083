import { afterEach, expect, it } from 'vitest';
import type { FilterRule } from '../../../lib/filters/rule';
import { seededRandom } from '../../../lib/seeded-random';
import type { Settings } from '../../../lib/settings';
import type { SavedStatus } from '../../../lib/store/records';
import * as repo from '../../../lib/store/repository';
import { MemorySyncArea } from '../../support/memory-sync-area';
import { SyncDevice, storeView, turnSyncOn } from '../../support/sync-device';
import { VirtualClock } from '../../support/virtual-clock';

const IDS = ['2511.00001', '2511.00002', '2511.00003', '2511.00004', '2511.00005', '2512.10000'];
const RULES = ['r1', 'r2', 'r3'];

type Saved = { tags: string[]; note: string; status: SavedStatus };

/**
 * What the user did, record by record: the last action on each. Actions of two devices on the
 * same record are never concurrent here (the test lets sync settle between them), so "the last
 * one" is well defined; actions on different records interleave freely with each other and with
 * the devices' sync cycles, and every one of them must survive.
 */
class Intent {
  saved = new Map<string, Saved>();
  read = new Set<string>();
  rules = new Map<string, FilterRule>();
  badge: Settings['badge'] = 'page';
  private lastDevice = new Map<string, string>();

  /** True when another device touched `record` last: its change must have reached this one first. */
  crossesDevices(record: string, device: string): boolean {
    const last = this.lastDevice.get(record);
    this.lastDevice.set(record, device);
    return last !== undefined && last !== device;
  }

  view() {
    const saved = [...this.saved].map(([id, s]) => ({ id, ...s })).sort((x, y) => x.id.localeCompare(y.id));
    const rules = [...this.rules.values()].sort((x, y) => x.id.localeCompare(y.id));
    return { saved, read: [...this.read].sort(), rules, badge: this.badge };
  }
}

let devices: SyncDevice[] = [];
afterEach(async () => {
  await Promise.all(devices.map((d) => d.db.delete()));
  devices = [];
});

/** The record an action touches: a reading-list entry, a paper's read state, a rule, the badge setting. */
function recordOf(kind: string, id: string, ruleId: string): string {
  if (kind === 'read' || kind === 'unread') return `read:${id}`;
  if (kind === 'rule' || kind === 'unrule') return `rule:${ruleId}`;
  return kind === 'badge' ? 'badge' : `saved:${id}`;
}

/** One random action on one device, mirrored in `intent`. */
async function act(rand: () => number, device: SyncDevice, intent: Intent, now: number, settle: () => Promise<void>): Promise<void> {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const id = pick(IDS);
  const ruleId = pick(RULES);
  const kind = pick(['save', 'unsave', 'tag', 'note', 'status', 'read', 'unread', 'rule', 'unrule', 'badge'] as const);
  if (intent.crossesDevices(recordOf(kind, id, ruleId), device.id)) await settle();
  const entry = intent.saved.get(id);
  if (kind === 'save') {
    await repo.savePaper(device.db, { id, title: `Paper ${id}` }, now);
    if (!entry) intent.saved.set(id, { tags: [], note: '', status: 'to-read' });
  } else if (kind === 'unsave') {
    await repo.unsavePaper(device.db, id, now);
    intent.saved.delete(id);
  } else if (kind === 'tag' || kind === 'note' || kind === 'status') {
    const patch = kind === 'tag' ? { tags: [pick(['ml', 'cv', 'nlp'])] } : kind === 'note' ? { note: pick(['', 'good', 'read §3 again']) } : { status: pick(['to-read', 'done'] as const) };
    await repo.updateSaved(device.db, id, patch, now);
    if (entry) intent.saved.set(id, { ...entry, ...patch });
  } else if (kind === 'read' || kind === 'unread') {
    await repo.setRead(device.db, [id], kind === 'read', now);
    if (kind === 'read') intent.read.add(id);
    else intent.read.delete(id);
  } else if (kind === 'rule') {
    const next: FilterRule = { id: ruleId, pattern: pick(['llm', 'gan', 'diffusion']), kind: 'keyword', fields: ['title'], action: pick(['hide', 'dim'] as const), enabled: true, createdAt: 1, updatedAt: now };
    await repo.upsertFilter(device.db, next);
    intent.rules.set(ruleId, next);
  } else if (kind === 'unrule') {
    await repo.deleteFilter(device.db, ruleId);
    intent.rules.delete(ruleId);
  } else {
    const badge = pick(['off', 'page', 'today'] as const);
    await repo.updateSettings(device.db, { badge });
    intent.badge = badge;
  }
}

it('saves, reads, unsaves, tags, notes and rule edits on two devices, in random interleavings, end identical with nothing lost', { timeout: 60_000 }, async () => {
  const rand = seededRandom(2017);
  for (let round = 0; round < 12; round++) {
    const clock = new VirtualClock();
    const area = new MemorySyncArea(clock.now);
    const a = new SyncDevice('a', area, clock);
    const b = new SyncDevice('b', area.otherDevice(), clock);
    devices.push(a, b);
    await Promise.all([turnSyncOn(a), turnSyncOn(b)]);
    const intent = new Intent();
    for (let step = 0; step < 40; step++) {
      await act(rand, rand() < 0.5 ? a : b, intent, clock.now(), () => clock.settle());
      // Sometimes at once, sometimes after a debounce or two: cycles land between any two actions.
      await clock.advance(Math.floor(rand() * 5_000));
    }
    await clock.settle();
    const onA = await storeView(a.db);
    expect(await storeView(b.db), `round ${round}`).toEqual(onA);
    const { saved, read, rules, settings } = onA;
    expect({ saved: saved.map(({ savedAt: _at, ...s }) => s), read, rules, badge: settings.badge }, `round ${round}`).toEqual(intent.view());
    expect([...a.problems, ...b.problems]).toEqual([]);
  }
});
