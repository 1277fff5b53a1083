/**
 * How many papers fit in the browser's sync space: `npm run measure:sync-fit`. Builds synthetic
 * stores (M saved entries with tags and some notes, N reads spread over the 60-day window, ids
 * drawn from the arXiv months they were read in) and finds the largest N that `encodeState`
 * fits whole in the budget (SYNC_BUDGET: 96,000 of Chrome's 102,400 bytes, 480 of 512 items).
 */
import { seededRandom } from '../lib/seeded-random';
import { encodeState } from '../lib/sync/encode';
import { READ_WINDOW_DAYS } from '../lib/sync/forget';
import { SYNC_BUDGET, SYNC_QUOTAS } from '../lib/sync/quotas';
import type { SyncSaved, SyncState } from '../lib/sync/state';

const TODAY = 20_790; // a day in December 2026 (days since 1970)
/** arXiv receives about 28,000 papers a month: a month's ids run up to about yymm.28000. */
const MONTH_SIZE = 28_000;
const TAGS = ['ml', 'vision', 'nlp', 'rl', 'agents', 'diffusion', 'to-cite', 'reading-group'];

/** The arXiv month of `day` as yymm, and the day it starts on. */
function monthOf(day: number): { yymm: string; start: number } {
  const date = new Date(day * 86_400_000);
  const yymm = `${String(date.getUTCFullYear() % 100).padStart(2, '0')}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  return { yymm, start: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000 };
}

/**
 * Every id of the months the window touches, shuffled, each with a day it was read on: in the
 * window, no earlier than its month began and within a month of it (Daily Papers lags arXiv by
 * days to weeks). Taking the first N gives N distinct reads.
 */
function readPool(rand: () => number): [string, number][] {
  const months = new Map<string, number>();
  for (let day = TODAY - READ_WINDOW_DAYS - 31; day <= TODAY; day++) {
    const { yymm, start } = monthOf(day);
    months.set(yymm, start);
  }
  const pool: [string, number][] = [];
  for (const [yymm, start] of months) {
    const first = Math.max(start, TODAY - READ_WINDOW_DAYS + 1);
    const last = Math.min(start + 45, TODAY);
    if (first > last) continue;
    for (let n = 1; n <= MONTH_SIZE; n++) pool.push([`${yymm}.${String(n).padStart(5, '0')}`, first + Math.floor(rand() * (last - first + 1))]);
  }
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as [string, number], pool[i] as [string, number]];
  }
  return pool;
}

function arxivId(rand: () => number, day: number): string {
  const { yymm } = monthOf(day);
  return `${yymm}.${String(1 + Math.floor(rand() * MONTH_SIZE)).padStart(5, '0')}`;
}

function savedEntry(rand: () => number, t: number): SyncSaved {
  const stamp = { t, d: 'k3j9x0a2' };
  const tags = TAGS.filter(() => rand() < 0.15).slice(0, 3);
  const note = rand() < 0.3 ? 'Check the ablation in section 4; compare with the baseline we use.'.slice(0, 20 + Math.floor(rand() * 60)) : '';
  return { on: { v: true, ...stamp }, status: { v: rand() < 0.4 ? 'done' : 'to-read', ...stamp }, tags: { v: tags, ...stamp }, note: { v: note, ...stamp }, at: t };
}

const POOL = readPool(seededRandom(11));

function store(saved: number, reads: number, seed: number): SyncState {
  const rand = seededRandom(seed);
  const state: SyncState = { saved: {}, reads: {}, rules: {}, settings: { badge: { v: 'today', t: 1, d: 'k3j9x0a2' } } };
  for (let i = 0; i < 12; i++) state.rules[`rule-${i}`] = { v: { id: `rule-${i}`, pattern: `topic ${i}`, kind: 'keyword', fields: ['title', 'abstract'], action: 'hide', enabled: true, createdAt: 1_760_000_000_000, updatedAt: 1_760_000_000_000 }, t: 1_760_000_000_000, d: 'k3j9x0a2' };
  while (Object.keys(state.saved).length < saved) state.saved[arxivId(rand, TODAY - Math.floor(rand() * 365))] = savedEntry(rand, 1_760_000_000_000 + Object.keys(state.saved).length * 60_000);
  for (const [id, day] of POOL.slice(0, reads)) state.reads[id] = { c: 1, day };
  return state;
}

/** The most reads that fit whole with `saved` entries (binary search over N). */
function maxReads(saved: number): { reads: number; bytes: number; items: number } {
  let low = 0;
  let high = POOL.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const encoded = encodeState(store(saved, mid, 7));
    if (encoded.fits && encoded.droppedReads === 0) low = mid;
    else high = mid - 1;
  }
  const encoded = encodeState(store(saved, low, 7));
  return { reads: low, bytes: encoded.bytes, items: Object.keys(encoded.items).length };
}

console.log(`Budget ${SYNC_BUDGET.bytes.toLocaleString('en-US')} B of ${SYNC_QUOTAS.bytes.toLocaleString('en-US')} B, ${SYNC_BUDGET.maxItems} of ${SYNC_QUOTAS.maxItems} items; reads over ${READ_WINDOW_DAYS} days, 12 rules, settings.`);
console.log('saved | read ids that fit | bytes (of the 102,400 quota) | items | bytes per saved entry');
const noSaved = encodeState(store(0, 0, 7)).bytes;
for (const saved of [0, 100, 310, 1_000, 1_300]) {
  const fit = maxReads(saved);
  const listBytes = encodeState(store(saved, 0, 7)).bytes - noSaved;
  const perSaved = saved === 0 ? '-' : (listBytes / saved).toFixed(0);
  console.log(`${saved} | ${fit.reads.toLocaleString('en-US')} | ${fit.bytes.toLocaleString('en-US')} (${((fit.bytes / SYNC_QUOTAS.bytes) * 100).toFixed(1)} %) | ${fit.items} | ${perSaved}`);
}
const perRead = (encodeState(store(0, 20_000, 7)).bytes - noSaved) / 20_000;
console.log(`A read id costs ${perRead.toFixed(2)} B on average (20,000 reads in ${READ_WINDOW_DAYS} days).`);
