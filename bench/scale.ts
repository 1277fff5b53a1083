/**
 * The cases of issue #18 that need a filled store: `get-states` for 1,000 ids among 100,000 stored
 * papers (against a bare message round trip in the same calls) and the popup on a 1,000-card tab.
 * Run from bench/run.ts inside its store part, after the seed.
 */
import type { ExtensionHarness } from '../tests/e2e/harness';
import { buildTrendingPage, makeItems } from '../tests/fixtures/pages';
import type { SeedResult } from './seed';
import { popupOpenTimes } from './probes';
import { median, quantile, spread } from './stats';

export type Recorder = (metric: string, value: number | null, unit: string, target: string, met: boolean | null, note?: string) => void;

const errorText = (e: unknown) => (e instanceof Error ? (e.message.split('\n')[0] ?? String(e)) : String(e));

type Timings = { lookup: number[]; roundTrip: number[] };

/**
 * 1,000 ids spread over the whole history (at 100k every 100th stored paper: no two on the same
 * neighbourhood of keys, the hardest case for an index), 5 warm-ups then 50 timed calls. Each
 * call is paired with a bare round trip (`get-tab-summary` of a tab that has none: a message
 * the background answers from memory), so the ratio says what the lookup adds to messaging.
 */
export async function benchStatesAtScale(h: ExtensionHarness, seed: SeedResult, record: Recorder): Promise<void> {
  const history = seed.ids.length;
  const metric = `get-states for 1,000 ids, ${history >= 1_000 ? `${history / 1_000}k` : history} papers stored`;
  const step = Math.max(1, Math.floor(history / 1_000));
  const ids = seed.ids.filter((_, i) => i % step === 0).slice(0, 1_000);
  try {
    const ext = await h.extPage();
    // tsx (esbuild keepNames) wraps named inner functions in `__name(...)`; give the page that helper.
    await ext.evaluate('globalThis.__name ??= (fn) => fn');
    const t = await ext.evaluate(async (ids: string[]): Promise<Timings> => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      const timed = async (message: unknown) => {
        const t0 = performance.now();
        const reply = (await chrome.runtime.sendMessage(message)) as { ok?: boolean; error?: string; data?: { read?: unknown[] } };
        if (!reply?.ok) throw new Error(`request failed: ${reply?.error ?? 'no reply'}`);
        return { ms: performance.now() - t0, reply };
      };
      const lookup: number[] = [];
      const roundTrip: number[] = [];
      for (let i = 0; i < 55; i++) {
        const states = await timed({ type: 'get-states', ids });
        if ((states.reply.data?.read?.length ?? 0) === 0) throw new Error('get-states found no read paper among the seeded ones');
        const bare = await timed({ type: 'get-tab-summary', tabId: 2_000_000_000 });
        if (i >= 5) {
          lookup.push(states.ms);
          roundTrip.push(bare.ms);
        }
      }
      return { lookup, roundTrip };
    }, ids);
    const p95 = quantile(t.lookup, 0.95);
    record(`${metric} (p50)`, median(t.lookup), 'ms', '—', null, `bare round trip p50 ${median(t.roundTrip).toFixed(1)} ms`);
    record(`${metric} (p95)`, p95, 'ms', '≤ 25', p95 <= 25, `bare round trip p95 ${quantile(t.roundTrip, 0.95).toFixed(1)} ms`);
    record(`${metric}: p50 / bare round trip p50`, median(t.lookup) / median(t.roundTrip), '×', '—', null);
  } catch (e) {
    record(`${metric} (p95)`, null, 'ms', '≤ 25', false, errorText(e));
  }
}

/**
 * Issue #15: the same get-states with a "for you" model. A save makes the background train on the
 * seeded history (5,000 saves); once the 1,000 ids' scores are cached (the first answers score
 * them after replying), the timed calls show whether get-states stays on the state-index path.
 */
export async function benchStatesWithModel(h: ExtensionHarness, seed: SeedResult, record: Recorder): Promise<void> {
  const metric = 'get-states for 1,000 ids, 100k papers stored, with a "for you" model';
  const ids = seed.ids.filter((_, i) => i % 100 === 0).slice(0, 1_000);
  try {
    const ext = await h.extPage();
    await ext.evaluate('globalThis.__name ??= (fn) => fn');
    const lookup = await ext.evaluate(async (ids: string[]): Promise<number[]> => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      type Reply = { ok?: boolean; error?: string; data?: { scores?: Record<string, unknown> } };
      const send = async (message: unknown) => (await chrome.runtime.sendMessage(message)) as Reply;
      const first = ids[0] ?? '';
      await send({ type: 'save', paper: { id: first, title: 'Seeded paper' } });
      const deadline = performance.now() + 180_000;
      for (;;) {
        const reply = await send({ type: 'get-states', ids });
        if (Object.keys(reply.data?.scores ?? {}).length >= ids.length) break;
        if (performance.now() > deadline) throw new Error('no scores for the 1,000 ids after 3 minutes');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const out: number[] = [];
      for (let i = 0; i < 55; i++) {
        const t0 = performance.now();
        const reply = await send({ type: 'get-states', ids });
        if (!reply.ok) throw new Error(`get-states failed: ${reply.error ?? 'no reply'}`);
        if (i >= 5) out.push(performance.now() - t0);
      }
      return out;
    }, ids);
    const p95 = quantile(lookup, 0.95);
    record(`${metric} (p50)`, median(lookup), 'ms', '—', null);
    record(`${metric} (p95)`, p95, 'ms', '≤ 25', p95 <= 25, spread(lookup));
  } catch (e) {
    record(`${metric} (p95)`, null, 'ms', '≤ 25', false, errorText(e));
  }
}

/**
 * The popup for a tab showing a 1,000-card trending page (dual cards and props, as HF serves
 * them), until its counts are shown: 1 warm-up, then 7 opens.
 */
export async function benchPopupAtScale(h: ExtensionHarness, record: Recorder): Promise<void> {
  const metric = 'popup first render with counts, 1,000-card tab';
  try {
    const page = await h.openPapersPage('/papers/trending', buildTrendingPage(makeItems(1_000)));
    await page.waitForFunction(() => document.querySelectorAll('[data-pi-state]').length === 1_000, undefined, { timeout: 120_000 });
    const tabId = await h.pageTabId(page);
    const times = await popupOpenTimes(h, tabId, 8, async (popup) => {
      const total = await popup.locator('[data-pi-count="total"]').textContent();
      if (total !== '1000') throw new Error(`the popup counted ${total} papers, not 1000`);
    });
    const runs = times.slice(1);
    const m = median(runs);
    const p95 = quantile(runs, 0.95);
    record(`${metric} (median)`, m, 'ms', '≤ 150', m <= 150, spread(runs));
    record(`${metric} (p95)`, p95, 'ms', '—', null);
    await page.close();
  } catch (e) {
    record(`${metric} (median)`, null, 'ms', '≤ 150', false, errorText(e));
  }
}
