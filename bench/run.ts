/**
 * Benchmarks of the built extension (.output/chrome-mv3) in real Chromium, each against a baseline
 * measured in the same run. `npm run bench` (= `wxt build && node --import tsx bench/run.ts`).
 * Prints a table (metric, value, target, met/missed) and writes bench/results.json.
 * Timings are never assertions in `npm test`: this is the only place they are measured.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, EXTENSION_DIR, launchExtension, type ExtensionHarness } from '../tests/e2e/harness';
import { buildTrendingPage, makeItems } from '../tests/fixtures/pages';
import type { FilterRule } from '../lib/filters/rule';
import type { PaperMeta } from '../lib/paper';
import { benchPapers } from './papers';
import { benchRanking } from './ranking';
import { seedStore, type SeedResult } from './seed';
import { median, quantile, spread } from './stats';
import { firstAppearance, popupOpenTimes } from './probes';
import { writeResultsMarkdown, type ResultRow } from './results-md';
import { benchPopupAtScale, benchStatesAtScale, benchStatesWithModel } from './scale';
import { extensionParts, type TaskPart, type TraceEvent } from './task-attribution';

type Row = ResultRow;
const rows: Row[] = [];
const extra: Record<string, unknown> = {};

function record(metric: string, value: number | null, unit: string, target: string, met: boolean | null, note?: string): void {
  const row: Row = { metric, value: value === null ? null : Math.round(value * 100) / 100, unit, target, met, ...(note ? { note } : {}) };
  rows.push(row);
  // As it goes: a long run (or one cut short) still shows what it measured.
  console.log(`  ${row.metric}: ${row.value ?? 'n/a'} ${row.unit}${note ? ` (${note})` : ''}${met === null ? '' : met ? ' — met' : ' — missed'}`);
}

const errorText = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] ?? String(e) : String(e));

// ---------------------------------------------------------------------------------------------
// (1) + (2) Page annotation and long tasks
// ---------------------------------------------------------------------------------------------

/** annotateMs: DOMContentLoaded → all annotated (the issue's measure); fromNavigationMs also counts
 * any work the extension does before DOMContentLoaded (it runs from document_start). */
type PageRun = {
  annotateMs: number;
  fromNavigationMs: number;
  longTasksAfterDcl: number[];
  maxLongTaskAfterDcl: number;
};

/**
 * Installed before any page script: counts cards whose `data-pi-state` appears (a MutationObserver,
 * cheap per record) and records long tasks. Time origin: DOMContentLoaded start.
 */
function measurementScript(expected: number): void {
  type Probe = { done: number | null; count: number; longtasks: { start: number; dur: number }[] };
  const probe: Probe = { done: null, count: 0, longtasks: [] };
  (window as unknown as { __pi: Probe }).__pi = probe;
  const seen = new WeakSet<Node>();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longtasks.push({ start: e.startTime, dur: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => {
    for (const r of records) {
      if (!seen.has(r.target)) {
        seen.add(r.target);
        probe.count += 1;
      }
    }
    if (probe.done === null && probe.count >= expected) probe.done = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-pi-state'] });
}

/** The bare work the extension must do, done by a page script at DOMContentLoaded (baseline). */
function baselineScript(): void {
  if (location.pathname !== '/bench-baseline') return;
  document.addEventListener('DOMContentLoaded', () => {
    for (const article of Array.from(document.querySelectorAll('article'))) {
      const link = Array.from(article.querySelectorAll('a[href^="/papers/"]')).find((a) => /^\/papers\/\d{4}\.\d{4,5}$/.test(a.getAttribute('href') ?? ''));
      if (!link) continue;
      const id = (link.getAttribute('href') ?? '').slice('/papers/'.length);
      article.setAttribute('data-pi-id', id);
      article.setAttribute('data-pi-state', 'new');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Save';
      article.append(button);
    }
    void document.body.offsetHeight; // force layout, as annotating for real does
  });
}

/** Categories for task attribution: the tasks, and the V8 CPU profiler's samples with their stacks. */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.cpu_profiler.hires'];

type TracedRun = {
  /** The largest extension share of any one task of the page load, and that task's whole length. */
  maxExtensionMs: number;
  taskMs: number;
  /** Tasks where the extension ran more than 50 ms. */
  over50: number;
  extensionTotalMs: number;
};

/** Loads the page with the measurement probe, waits until every card is annotated, then `settleMs`. */
async function loadUntilAnnotated(page: Page, pathName: string, cards: number, settleMs: number): Promise<void> {
  await page.addInitScript(measurementScript, cards);
  await page.goto(`https://huggingface.co${pathName}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as { __pi: { done: number | null } }).__pi.done !== null, undefined, {
    timeout: 120_000,
    polling: 100,
  });
  await page.waitForTimeout(settleMs);
}

/** One page load traced (the profiler slows the page, so these runs are apart from the timed ones). */
async function tracePage(h: ExtensionHarness, pathName: string, cards: number): Promise<TracedRun> {
  const page = await h.context.newPage();
  try {
    const cdp = await h.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e: { value: unknown[] }) => events.push(...e.value.filter(isTraceEvent)));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: TRACE_CATEGORIES } });
    await loadUntilAnnotated(page, pathName, cards, 1_000); // the answers to cards-shown and what they render
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    const attributed = extensionParts(events, '/content-scripts/');
    if (attributed === null) throw new Error('the trace has no DOMContentLoaded of the page');
    const ours = attributed.parts.filter((p) => p.extensionMs > 0);
    const worst = ours.reduce<TaskPart | null>((a, b) => (a === null || b.extensionMs > a.extensionMs ? b : a), null);
    return {
      maxExtensionMs: worst?.extensionMs ?? 0,
      taskMs: worst?.durMs ?? 0,
      over50: ours.filter((p) => p.extensionMs > 50).length,
      extensionTotalMs: ours.reduce((sum, p) => sum + p.extensionMs, 0),
    };
  } finally {
    await page.close();
  }
}

const isTraceEvent = (e: unknown): e is TraceEvent =>
  typeof e === 'object' && e !== null && typeof (e as TraceEvent).name === 'string' && typeof (e as TraceEvent).ts === 'number';

async function measurePage(h: ExtensionHarness, pathName: string, cards: number): Promise<PageRun> {
  const page = await h.context.newPage();
  try {
    await page.addInitScript(baselineScript);
    await loadUntilAnnotated(page, pathName, cards, 500); // trailing long tasks
    return await page.evaluate(() => {
      const probe = (window as unknown as { __pi: { done: number; longtasks: { start: number; dur: number }[] } }).__pi;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const dcl = nav?.domContentLoadedEventStart ?? 0;
      const after = probe.longtasks.filter((t) => t.start + t.dur >= dcl).map((t) => t.dur);
      return {
        annotateMs: probe.done - dcl,
        fromNavigationMs: probe.done,
        longTasksAfterDcl: after,
        maxLongTaskAfterDcl: after.length ? Math.max(...after) : 0,
      };
    });
  } finally {
    await page.close();
  }
}

/** Page sizes of the annotation part: BENCH_SIZES=3000,5000 runs some (default: all four). */
function sizesFromEnv(): number[] {
  const all = [100, 1_000, 3_000, 5_000];
  const wanted = (process.env.BENCH_SIZES ?? '').split(',').map(Number).filter((n) => all.includes(n));
  return wanted.length > 0 ? wanted : all;
}

function annotateTarget(n: number): number | null {
  if (n === 3_000) return 1.25;
  return 1.5;
}

async function benchAnnotation(h: ExtensionHarness, runs: number): Promise<void> {
  for (const n of sizesFromEnv()) {
    // 5,000 cards with full props is a 91 MB document, more than Playwright's route can hand over
    // (the tab crashed); that size runs without the embedded props (cards from the DOM only).
    const withProps = n <= 3_000;
    const html = buildTrendingPage(makeItems(n), withProps ? {} : { props: 'omit' });
    h.site.serve('/papers/trending', html);
    h.site.serve('/bench-baseline', html);
    const ext: PageRun[] = [];
    const base: PageRun[] = [];
    // Warm-up (first visit writes every paper; later visits are the common case) — reported apart.
    let firstVisit: number | null = null;
    try {
      firstVisit = (await measurePage(h, '/papers/trending', n)).annotateMs;
      await measurePage(h, '/bench-baseline', n);
      for (let i = 0; i < runs; i++) {
        // Alternate so machine noise hits both sides alike.
        ext.push(await measurePage(h, '/papers/trending', n));
        base.push(await measurePage(h, '/bench-baseline', n));
      }
    } catch (e) {
      record(`annotate ${n} cards (DOMContentLoaded → all annotated)`, null, 'ms', 'ratio ≤ 1.5× baseline', false, errorText(e));
      continue;
    }
    const extMs = median(ext.map((r) => r.annotateMs));
    const baseMs = median(base.map((r) => r.annotateMs));
    const ratio = extMs / baseMs;
    extra[`annotate_${n}`] = { runs: ext.map((r) => r.annotateMs), baselineRuns: base.map((r) => r.annotateMs), firstVisitMs: firstVisit };
    const label = withProps ? `${n} cards` : `${n} cards (no props)`;
    record(`annotate ${label}, median of ${runs} (extension)`, extMs, 'ms', '—', null, `first visit ${firstVisit?.toFixed(0)} ms`);
    record(`annotate ${label}, median of ${runs} (baseline page script)`, baseMs, 'ms', '—', null);
    // Targets: ≤ 1.5× up to 1,000 cards and for 5,000 without props, ≤ 1.25× at 3,000 (issue #18).
    const limit = annotateTarget(n);
    record(`annotate ${label}: extension / baseline`, ratio, '×', limit === null ? '—' : `≤ ${limit}`, limit === null ? null : ratio <= limit,
      `extension ${spread(ext.map((r) => r.annotateMs))}; baseline ${spread(base.map((r) => r.annotateMs))}`);
    const navRatio = median(ext.map((r) => r.fromNavigationMs)) / median(base.map((r) => r.fromNavigationMs));
    record(`annotate ${label}, from navigation start: extension / baseline`, navRatio, '×', '—', null, 'includes work before DOMContentLoaded');
    // Traces of 5,000 cards run to hundreds of MB: attribution is measured where the target is.
    if (withProps) await benchExtensionTasks(h, label, n, true);
    const extMax = Math.max(...ext.map((r) => r.maxLongTaskAfterDcl));
    const baseMax = Math.max(...base.map((r) => r.maxLongTaskAfterDcl));
    // The page's own longest task with the extension in it (its rendering of all the cards and
    // strips), next to the same page's longest without the extension.
    record(`longest task after DOMContentLoaded, ${label} (page + extension, whole task)`, extMax, 'ms', '—', null, `baseline page ${baseMax.toFixed(0)} ms`);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const added = median(ext.map((r) => sum(r.longTasksAfterDcl))) - median(base.map((r) => sum(r.longTasksAfterDcl)));
    record(`long-task time after DOMContentLoaded added vs baseline, ${label}`, added, 'ms', '—', null);
  }
}

/**
 * Issue #14: patterns of the hostile table (tests/unit/filters/hostile-regex.test.ts) that rules accept,
 * stored as enabled hide rules, on a 1,000-card page whose every abstract is their worst case (a
 * long run of one letter with no final match), against the same page with no regex rule. The
 * background runs the rules before it answers, so a pattern that backtracked would show here.
 */
const HOSTILE_PATTERNS = ['.*.*.*.*.*.*x', 'a*a*a*a*a*a*b', '(a|b)*a(a|b){12}', '[a-z]*[a-z]*[a-z]*[a-z]*!x'];
const HOSTILE_TEXT_CHARS = 5_000;

async function sendFromExtension(h: ExtensionHarness, message: unknown): Promise<void> {
  const reply = await (await h.extPage()).evaluate((m) => {
    const { chrome } = globalThis as unknown as { chrome: ChromeRuntime };
    return chrome.runtime.sendMessage(m) as Promise<{ ok: boolean; error?: string }>;
  }, message);
  if (!reply.ok) throw new Error(reply.error ?? 'refused');
}

async function benchHostileRules(h: ExtensionHarness, runs: number): Promise<void> {
  const n = 1_000;
  const text = `${'a'.repeat(HOSTILE_TEXT_CHARS - 1)}!`;
  const items = makeItems(n).map((item) => ({ ...item, paper: { ...item.paper, summary: text } }));
  h.site.serve('/papers/trending', buildTrendingPage(items));
  const rules: FilterRule[] = HOSTILE_PATTERNS.map((pattern, i) => ({
    id: `hostile-${i}`, pattern, kind: 'regex', fields: ['title', 'abstract', 'keywords'], action: 'hide', enabled: true, createdAt: 1, updatedAt: 1,
  }));
  const label = `annotate ${n} cards, ${rules.length} hostile regex rules on ${HOSTILE_TEXT_CHARS.toLocaleString('en')}-character abstracts`;
  try {
    await measurePage(h, '/papers/trending', n); // first visit: every paper written
    const plain: PageRun[] = [];
    const hostile: PageRun[] = [];
    for (let i = 0; i < runs; i++) {
      plain.push(await measurePage(h, '/papers/trending', n));
      for (const rule of rules) await sendFromExtension(h, { type: 'upsert-filter', rule });
      hostile.push(await measurePage(h, '/papers/trending', n));
      for (const rule of rules) await sendFromExtension(h, { type: 'delete-filter', id: rule.id });
    }
    const withRules = median(hostile.map((r) => r.annotateMs));
    const without = median(plain.map((r) => r.annotateMs));
    record(`${label} (DOMContentLoaded → all annotated)`, withRules, 'ms', '—', null, `no regex rules ${without.toFixed(1)} ms`);
    record(`${label}: with / without the rules`, withRules / without, '×', '—', null,
      `with ${spread(hostile.map((r) => r.annotateMs))}; without ${spread(plain.map((r) => r.annotateMs))}`);
  } catch (e) {
    record(label, null, 'ms', '—', false, errorText(e));
  }
}

/**
 * Issue #15: a 1,000-card page annotated without a model, then with one (the same page, the same
 * browser, one run): 12 saves on one topic, the background trains (3 s after the saves), and the
 * page is measured again. What scoring adds = median (and p95) with the model − without.
 */
async function benchScoredPage(h: ExtensionHarness, runs: number): Promise<void> {
  const n = 1_000;
  const items = makeItems(n);
  h.site.serve('/papers/trending', buildTrendingPage(items));
  const label = `annotate ${n} cards with a "for you" model`;
  try {
    await measurePage(h, '/papers/trending', n); // first visit: every paper written
    const count = Math.max(runs, 5);
    const without: PageRun[] = [];
    for (let i = 0; i < count; i++) without.push(await measurePage(h, '/papers/trending', n));
    const topic = /\b(robot|video|agent)/i;
    const saves = items.filter((item) => topic.test(item.paper.title ?? '')).slice(0, 12);
    for (const { paper } of saves) {
      await sendFromExtension(h, { type: 'save', paper: { id: paper.id, title: paper.title, summary: paper.summary, keywords: paper.ai_keywords } });
    }
    const ids = items.slice(0, 50).map((item) => item.paper.id);
    const ext = await h.extPage();
    await ext.waitForFunction(async (ids: string[]) => {
      const { chrome } = globalThis as unknown as { chrome: ChromeRuntime };
      const reply = (await chrome.runtime.sendMessage({ type: 'get-states', ids })) as { data?: { scores?: unknown } };
      return reply.data?.scores !== undefined;
    }, ids, { timeout: 60_000, polling: 500 });
    await measurePage(h, '/papers/trending', n); // scores computed after this visit's replies are cached
    const withModel: PageRun[] = [];
    for (let i = 0; i < count; i++) withModel.push(await measurePage(h, '/papers/trending', n));
    // The runs are only "with a model" if its scores reach the cards.
    const check = await h.context.newPage();
    await loadUntilAnnotated(check, '/papers/trending', n, 0);
    await check.waitForFunction((n: number) => document.querySelectorAll('[data-pi-score]').length >= n, n, { timeout: 30_000 });
    await check.close();
    const a = withModel.map((r) => r.annotateMs);
    const b = without.map((r) => r.annotateMs);
    const added = median(a) - median(b);
    record(`${label}: median with − without`, added, 'ms', '≤ 10', added <= 10, `with ${spread(a)}; without ${spread(b)}`);
    record(`${label}: p95 with − without`, quantile(a, 0.95) - quantile(b, 0.95), 'ms', '—', null, `ratio of medians ${(median(a) / median(b)).toFixed(2)}×`);
  } catch (e) {
    record(label, null, 'ms', '≤ 10', false, errorText(e));
  }
}

/**
 * (2) The extension's share of each task, from traced loads (task-attribution.ts): its script,
 * promise continuations, DOM calls and the style and layout they force. The worst of 3 loads.
 */
async function benchExtensionTasks(h: ExtensionHarness, label: string, n: number, target: boolean): Promise<void> {
  const metric = `longest extension work in one task, ${label} (traced, worst of 3 loads)`;
  try {
    const traced: TracedRun[] = [];
    for (let i = 0; i < 3; i++) traced.push(await tracePage(h, '/papers/trending', n));
    const worst = traced.reduce((a, b) => (b.maxExtensionMs > a.maxExtensionMs ? b : a));
    extra[`extension_tasks_${n}`] = traced;
    const note = `in a ${worst.taskMs.toFixed(0)} ms task; ${Math.max(...traced.map((t) => t.over50))} task(s) over 50 ms; extension total ${worst.extensionTotalMs.toFixed(0)} ms per load`;
    record(metric, worst.maxExtensionMs, 'ms', target ? '≤ 50' : '—', target ? worst.maxExtensionMs <= 50 : null, note);
  } catch (e) {
    record(metric, null, 'ms', target ? '≤ 50' : '—', target ? false : null, errorText(e));
  }
}

// ---------------------------------------------------------------------------------------------
// (3) Store at scale
// ---------------------------------------------------------------------------------------------

type ChromeRuntime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };

/** `withBase`: the cases above the 1,000 scale (200 ids, 200-card popup, reading list) run too. */
async function benchStore(h: ExtensionHarness, withBase: boolean, withScale: boolean): Promise<void> {
  let seed: SeedResult;
  const list = await h.openReadingList();
  try {
    // The lookup at 1k and 10k history first: the seed then grows to 100k (same ids, overwritten).
    if (withScale) {
      for (const papers of [1_000, 10_000]) await benchStatesAtScale(h, await seedStore(list, { papers, saved: 5_000 }), record);
    }
    seed = await seedStore(list, { papers: 100_000, saved: 5_000 });
  } catch (e) {
    record('seed 100,000 papers + 5,000 saved', null, 's', '—', false, errorText(e));
    return;
  } finally {
    await list.close();
  }
  record('seed 100,000 papers + 5,000 saved (raw IndexedDB, setup only)', seed.ms / 1000, 's', '—', null);
  if (withScale) {
    await benchStatesAtScale(h, seed, record);
    await benchPopupAtScale(h, record);
    await benchStatesWithModel(h, seed, record);
  }
  if (withBase) await benchStoreBase(h, seed);
}

async function benchStoreBase(h: ExtensionHarness, seed: SeedResult): Promise<void> {

  // State lookup for a 200-card page, as a content script asks it.
  const ext = await h.extPage();
  const ids = seed.ids.filter((_, i) => i % 500 === 0).slice(0, 200);
  try {
    const times = await ext.evaluate(async (ids: string[]) => {
      const { chrome } = globalThis as unknown as { chrome: ChromeRuntime };
      const out: number[] = [];
      for (let i = 0; i < 55; i++) {
        const t0 = performance.now();
        const reply = (await chrome.runtime.sendMessage({ type: 'get-states', ids })) as { ok?: boolean; error?: string };
        if (!reply?.ok) throw new Error(`get-states failed: ${reply?.error ?? 'no reply'}`);
        if (i >= 5) out.push(performance.now() - t0); // 5 warm-up calls
      }
      return out;
    }, ids);
    record('get-states for 200 ids, 100k papers stored (p50)', quantile(times, 0.5), 'ms', '—', null);
    record('get-states for 200 ids, 100k papers stored (p95)', quantile(times, 0.95), 'ms', '≤ 25', quantile(times, 0.95) <= 25);
  } catch (e) {
    record('get-states for 200 ids, 100k papers stored (p95)', null, 'ms', '≤ 25', false, errorText(e));
  }

  // Popup first render with counts, for a tab showing a 200-card page.
  try {
    const page = await h.openPapersPage('/papers/trending', buildTrendingPage(makeItems(200)));
    await page.waitForFunction(() => document.querySelectorAll('[data-pi-state]').length === 200, undefined, { timeout: 60_000 });
    const tabId = await h.pageTabId(page);
    const times = await popupOpenTimes(h, tabId, 6);
    const t = median(times.slice(1));
    record('popup first render with counts (median of 5 after 1 warm-up)', t, 'ms', '≤ 150', t <= 150);
    await page.close();
  } catch (e) {
    record('popup first render with counts', null, 'ms', '≤ 150', false, errorText(e));
  }

  // Reading list with 5,000 saved: first row, the whole list loaded, then one search keystroke.
  // The page shows its newest rows first and reads the rest after; the keystroke waits for the
  // rest (`data-pi-complete="true"`) so it measures a search over all 5,000, not over the first rows.
  try {
    const firsts: number[] = [];
    const wholes: number[] = [];
    const keys: number[] = [];
    for (let i = 0; i < 4; i++) {
      const rl = await h.context.newPage();
      await rl.goto(`chrome-extension://${h.extensionId}/reading-list.html`, { waitUntil: 'commit' });
      firsts.push(await firstAppearance(rl, '[data-pi-id]'));
      wholes.push(await firstAppearance(rl, '[data-pi-complete="true"]'));
      await rl.waitForTimeout(300);
      keys.push(await keystrokeToRows(rl, 'z'));
      await rl.close();
    }
    const first = median(firsts.slice(1));
    const whole = median(wholes.slice(1));
    const key = median(keys.slice(1));
    record('reading list first row, 5,000 saved (median of 3 after 1 warm-up)', first, 'ms', '≤ 300', first <= 300);
    record('reading list whole list loaded (search covers all 5,000)', whole, 'ms', '—', null);
    record('reading list search keystroke → rows updated', key, 'ms', '≤ 50', key <= 50);
  } catch (e) {
    record('reading list with 5,000 saved', null, 'ms', '≤ 300 / ≤ 50', false, errorText(e));
  }
}

/** Types one character in the reading list's search box; ms from keydown to the list's first DOM change. */
async function keystrokeToRows(page: Page, char: string): Promise<number> {
  const search = page.getByRole('searchbox', { name: 'Search reading list' });
  await search.focus();
  await page.evaluate(() => {
    type KeyProbe = { down: number | null; changed: number | null };
    const probe: KeyProbe = { down: null, changed: null };
    (window as unknown as { __key: KeyProbe }).__key = probe;
    window.addEventListener('keydown', (e) => (probe.down ??= e.timeStamp), { capture: true, once: true });
    const list = document.querySelector('[data-pi-id]')?.parentElement ?? document.body;
    new MutationObserver(() => {
      if (probe.down !== null) probe.changed ??= performance.now();
    }).observe(list, { childList: true, subtree: true, characterData: true });
  });
  await page.keyboard.type(char);
  const handle = await page.waitForFunction(
    () => {
      const p = (window as unknown as { __key: { down: number | null; changed: number | null } }).__key;
      return p.changed !== null && p.down !== null ? p.changed - p.down : false;
    },
    undefined,
    { timeout: 10_000, polling: 'raf' },
  );
  return Number(await handle.jsonValue());
}

// ---------------------------------------------------------------------------------------------
// (4) Filters in Node
// ---------------------------------------------------------------------------------------------

async function benchFilters(): Promise<void> {
  try {
    const { FilterEngine } = await import('../lib/filters/match');
    const filters = new FilterEngine();
    const papers: PaperMeta[] = benchPapers(1_000);
    // A mix that really matches (about a third of the papers get a verdict): topic words found in
    // the fixtures' titles and abstracts, comma alternatives, real author names, upvote floors.
    const words = ['diffusion', 'reinforcement learning', 'agent', 'benchmark', 'video', 'robot', 'speech', 'graph', 'reasoning', 'language model'];
    const others = ['protein', 'quantum', 'retrieval', 'multimodal', 'vision', 'code', 'math', 'audio', 'medical', 'token'];
    const authors = [...new Set(papers.flatMap((p) => p.authors ?? []))];
    const now = Date.UTC(2026, 10, 23);
    const patternFor = (kind: FilterRule['kind'], i: number): string => {
      const word = words[i % words.length] ?? 'agent';
      const other = others[Math.floor(i / 10) % others.length] ?? 'token';
      if (kind === 'regex') return `\\b${other}s?\\b|${word.split(' ')[0] ?? word}\\w*`;
      if (kind === 'author') return authors[(i * 37) % Math.max(1, authors.length)] ?? 'Ann Author';
      if (kind === 'min-upvotes') return String(5 + (i % 20));
      return i % 20 < 10 ? `${word} ${other}` : `${other}, ${word}`;
    };
    const rules: FilterRule[] = Array.from({ length: 100 }, (_, i) => {
      const kind: FilterRule['kind'] = i % 10 === 9 ? 'regex' : i % 10 === 8 ? 'author' : i % 10 === 7 ? 'min-upvotes' : 'keyword';
      return {
        id: `r${i}`, pattern: patternFor(kind, i), kind, fields: ['title', 'abstract', 'keywords'],
        action: i % 3 === 0 ? 'hide' : i % 3 === 1 ? 'dim' : 'highlight', enabled: true, createdAt: now, updatedAt: now,
      };
    });
    const matched = filters.applyTopicFilters(papers, rules, now).verdicts.size;
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      filters.applyTopicFilters(papers, rules, now);
      const c = process.cpuUsage(c0);
      if (i >= 5) {
        wall.push(performance.now() - t0);
        cpu.push((c.user + c.system) / 1000);
      }
    }
    // A pass is synchronous JavaScript on one thread: its CPU time is its cost, while wall time also
    // counts whatever else the machine runs. The target is checked on CPU time; wall time is shown.
    const t = median(cpu);
    record(
      '100 filter rules over 1,000 papers (Node, CPU time, median of 20)', t, 'ms', '≤ 20', t <= 20,
      `${matched} papers get a verdict; wall time ${median(wall).toFixed(1)} ms`,
    );
  } catch (e) {
    record('100 filter rules over 1,000 papers', null, 'ms', '≤ 20', false, errorText(e));
  }
}

// ---------------------------------------------------------------------------------------------
// (5) Bundle sizes
// ---------------------------------------------------------------------------------------------

function sizeOf(rel: string): number {
  return statSync(path.join(EXTENSION_DIR, rel)).size;
}

/** The files an HTML page loads: its scripts, modulepreloads and stylesheets (Vite lists them all). */
function pageBundle(html: string): number {
  const text = readFileSync(path.join(EXTENSION_DIR, html), 'utf8');
  const refs = new Set<string>();
  for (const m of text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) if (m[1]) refs.add(m[1].replace(/^\//, ''));
  let total = 0;
  for (const ref of refs) total += sizeOf(ref);
  return total;
}

function benchSizes(): void {
  const dir = path.join(EXTENSION_DIR, 'content-scripts');
  const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const content = js.reduce((sum, f) => sum + sizeOf(path.join('content-scripts', f)), 0);
  // kB of 1,000 bytes: the stricter reading of "40 KB".
  record('content script size (content-scripts/*.js)', content / 1000, 'kB', '≤ 40', content <= 40_000, `${content} bytes`);
  record('popup bundle (html-referenced js + css)', pageBundle('popup.html') / 1024, 'KB', '—', null);
  record('reading list bundle (html-referenced js + css)', pageBundle('reading-list.html') / 1024, 'KB', '—', null);
  record('background.js', sizeOf('background.js') / 1024, 'KB', '—', null);
}

// ---------------------------------------------------------------------------------------------

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function printTable(): void {
  const header = ['metric', 'value', 'target', 'met'];
  const lines = rows.map((r) => [
    r.metric,
    r.value === null ? `n/a (${r.note ?? 'failed'})` : `${r.value} ${r.unit}${r.note && r.value !== null ? ` (${r.note})` : ''}`,
    r.target,
    r.met === null ? '' : r.met ? 'met' : 'missed',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(fmt(l));
}

/** Each browser part gets a fresh profile, closed whatever happens inside it. */
async function withExtension(part: (h: ExtensionHarness) => Promise<void>): Promise<void> {
  const h = await launchExtension();
  try {
    await part(h);
  } finally {
    await h.close();
  }
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? '5');
  const only = (process.env.BENCH_ONLY ?? 'annotate,store,filters,size,ranking,hostile,scored').split(',');
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, chromium: chromiumVersion(), date: new Date().toISOString() };
  console.log(`machine: ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, ${machine.chromium}`);

  if (only.includes('size')) benchSizes();
  if (only.includes('filters')) await benchFilters();
  if (only.includes('ranking')) await benchRanking(record);
  if (only.includes('annotate')) await withExtension((h) => benchAnnotation(h, runs));
  if (only.includes('hostile')) await withExtension((h) => benchHostileRules(h, runs));
  if (only.includes('scored')) await withExtension((h) => benchScoredPage(h, runs));
  if (only.includes('store') || only.includes('scale')) await withExtension((h) => benchStore(h, only.includes('store'), true));
  printTable();
  writeFileSync(path.join(import.meta.dirname, 'results.json'), `${JSON.stringify({ machine, runs, results: rows, details: extra }, null, 2)}\n`);
  console.log('\nwrote bench/results.json');
  if (process.argv.includes('--write')) console.log(`wrote ${writeResultsMarkdown(rows, machine, runs, only)}`);
}

await main();
// A crashed renderer can leave Playwright's connection open; the results are written, so leave.
process.exit(0);
