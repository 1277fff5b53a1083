import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRequestHandler, type MessageSender, type RequestHandlerDeps } from '../../../lib/background/handle-request';
import { Responses, type StoreChanged } from '../../../lib/messages';
import type { PageSummary } from '../../../lib/page-summary';
import { PapersInboxDb } from '../../../lib/store/db';
import * as repo from '../../../lib/store/repository';
import { FilterEngine } from '../../../lib/filters/match';
import { createRanker } from '../../../lib/background/ranker';

const RUNTIME = 'abcdef';
const ORIGIN = 'chrome-extension://abcdef/';
const page: MessageSender = { id: RUNTIME, url: 'https://huggingface.co/papers/trending', tab: { id: 7 } };
const popup: MessageSender = { id: RUNTIME, url: `${ORIGIN}popup.html` };

let db: PapersInboxDb;
let notified: StoreChanged[];
let deps: RequestHandlerDeps;
let summaries: Map<number, PageSummary>;

beforeEach(() => {
  db = new PapersInboxDb(`test-${Math.random()}`);
  notified = [];
  summaries = new Map();
  deps = {
    db,
    now: () => 1000,
    runtimeId: RUNTIME,
    extensionOrigin: ORIGIN,
    notifyTabs: (msg) => notified.push(msg),
    onStateChange: vi.fn(),
    tabSummaries: {
      get: async (id) => summaries.get(id) ?? null,
      set: async (id, s) => void summaries.set(id, s),
    },
    refreshToday: vi.fn(async () => ({ ok: true, fetchedAt: 1 })),
    filters: new FilterEngine(),
    reportError: vi.fn(),
  };
});
afterEach(async () => {
  await db.delete();
});

const paper = { id: '2502.00001', title: 'Alpha', summary: 'About alpha' };

describe('who may ask', () => {
  it('refuses other extensions, foreign origins and content scripts asking for extension-only requests, then keeps working', async () => {
    const handle = createRequestHandler(deps);
    const get = { type: 'get-states', ids: [paper.id] };
    expect(await handle(get, { ...page, id: 'other' })).toEqual({ ok: false, error: expect.stringMatching(/other extensions/) });
    expect(await handle(get, { id: RUNTIME, url: 'https://evil.example/papers' })).toMatchObject({ ok: false });
    expect(await handle(get, { id: RUNTIME, url: 'https://huggingface.co.evil.example/' })).toMatchObject({ ok: false });
    const restore = await handle({ type: 'restore-backup', text: '{}' }, page);
    expect(restore).toEqual({ ok: false, error: expect.stringMatching(/extension's own pages/) });
    expect(await handle({ type: 'update-settings', patch: { badge: 'off' } }, page)).toMatchObject({ ok: false });
    expect(await handle(get, page)).toEqual({ ok: true, data: { read: [], saved: [], shown: [], verdicts: {} } });
  });

  it('refuses malformed and unknown requests with a sentence, never throwing', async () => {
    const handle = createRequestHandler(deps);
    for (const bad of [null, 42, 'x', {}, { type: 'nope' }, { type: 'set-read', ids: ['not-an-id'], read: true }, { type: 'cards-shown', loadId: '', papers: [] }]) {
      const reply = await handle(bad, page);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error).toMatch(/\.$/);
    }
    expect((await handle({ type: 'set-read', ids: [paper.id], read: true }, page)).ok).toBe(true);
  });

  it('refuses huge payloads whole, with a sentence, storing nothing of them, and keeps working', async () => {
    const handle = createRequestHandler(deps);
    const id = (i: number) => `2502.${String(10_000 + i)}`;
    const ids = Array.from({ length: 10_001 }, (_, i) => id(i));
    const huge: [unknown, MessageSender][] = [
      [{ type: 'get-states', ids }, page],
      [{ type: 'set-read', ids, read: true }, page],
      [{ type: 'cards-shown', loadId: 'load-1', papers: ids.map((i) => ({ id: i })) }, page],
      [{ type: 'cards-shown', loadId: 'load-1', papers: [{ ...paper, title: 'x'.repeat(2_001) }] }, page],
      [{ type: 'cards-shown', loadId: 'load-1', papers: [{ ...paper, authors: Array.from({ length: 5_001 }, () => 'A. Author') }] }, page],
      [{ type: 'cards-shown', loadId: 'x'.repeat(101), papers: [paper] }, page],
      [{ type: 'save', paper: { ...paper, summary: 'x'.repeat(20_001) } }, page],
      [{ type: 'mute', kind: 'keyword', pattern: 'x'.repeat(201) }, page],
      [{ type: 'update-saved', id: paper.id, note: 'x'.repeat(20_001) }, popup],
      [{ type: 'restore-backup', text: ' '.repeat(60_000_001) }, popup],
    ];
    for (const [message, sender] of huge) {
      const reply = await handle(message, sender);
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/malformed or unknown, so nothing was changed\.$/) });
    }
    expect({ papers: await db.papers.count(), saved: await db.saved.count(), filters: await db.filters.count() }).toEqual({ papers: 0, saved: 0, filters: 0 });
    expect(notified).toEqual([]);
    // The largest batch that is allowed still goes through.
    const most = await handle({ type: 'cards-shown', loadId: 'load-2', papers: ids.slice(0, 10_000).map((i) => ({ id: i })) }, page);
    expect(most.ok).toBe(true);
    expect(await db.papers.count()).toBe(10_000);
  });
});

describe('routing', () => {
  it('cards-shown returns per-load states and triggers one today refresh per tab', async () => {
    const handle = createRequestHandler(deps);
    const first = await handle({ type: 'cards-shown', loadId: 'l1', papers: [paper] }, page);
    expect(first).toEqual({ ok: true, data: { states: { [paper.id]: 'new' }, saved: [], metas: [], verdicts: {} } });
    await handle({ type: 'cards-shown', loadId: 'l1', papers: [paper] }, page);
    expect(deps.refreshToday).toHaveBeenCalledTimes(1);
  });

  it('get-states follows every save, unsave and undo (the saved ids it keeps are dropped on each write)', async () => {
    const handle = createRequestHandler(deps);
    const saved = async () => {
      const reply = await handle({ type: 'get-states', ids: [paper.id] }, page);
      if (!reply.ok) throw new Error(reply.error);
      return (reply.data as { saved: string[] }).saved;
    };
    expect(await saved()).toEqual([]);
    const save = await handle({ type: 'save', paper }, page);
    expect(await saved()).toEqual([paper.id]);
    expect((await handle({ type: 'unsave', id: paper.id }, page)).ok).toBe(true);
    expect(await saved()).toEqual([]);
    if (!save.ok) throw new Error(save.error);
    await handle({ type: 'undo', token: (save.data as { undoToken: string }).undoToken }, page);
    expect(await saved()).toEqual([]); // undoing the save: still not saved
    await handle({ type: 'save', paper }, page);
    expect(await saved()).toEqual([paper.id]);
  });

  it('refuses to store an enabled rule that cannot run, with its sentence; stores it switched off', async () => {
    const handle = createRequestHandler(deps);
    const rule = { id: 'rb', pattern: '(a)\\1', kind: 'regex', fields: ['title'], action: 'hide', enabled: true, createdAt: 1, updatedAt: 1 };
    const refused = await handle({ type: 'upsert-filter', rule }, popup);
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/back-reference/) });
    expect(await db.filters.get('rb')).toBeUndefined();
    expect((await handle({ type: 'upsert-filter', rule: { ...rule, enabled: false } }, popup)).ok).toBe(true);
    expect((await db.filters.get('rb'))?.enabled).toBe(false);
  });

  it('get-month-states answers one month of the state index, and only while the index alone predicts a card', async () => {
    const handle = createRequestHandler(deps);
    const month = ['2502.00001', '2502.00002', '2502.00003', '2502.10000'];
    const other = { id: '2503.00001' };
    await repo.recordShown(db, 'l0', [...month.map((id) => ({ id })), other], 500);
    await repo.setRead(db, ['2502.00002', '2502.10000', other.id], true, 600);
    expect((await handle({ type: 'save', paper: { id: '2502.00003' } }, page)).ok).toBe(true);
    expect((await handle({ type: 'save', paper: other }, page)).ok).toBe(true);
    const answer = await handle({ type: 'get-month-states', month: '2502.5' }, page);
    expect(answer).toEqual({ ok: true, data: { predictable: true, read: ['2502.00002', '2502.10000'], shown: month, saved: ['2502.00003'] } });
    expect(Responses['get-month-states'].safeParse(answer.ok && answer.data).success).toBe(true);
    // Four-digit suffixes (2014 and before) keep their width; a month with nothing stored is empty.
    await repo.recordShown(db, 'l1', [{ id: '1409.0473' }], 700);
    expect(await handle({ type: 'get-month-states', month: '1409.4' }, page)).toMatchObject({ data: { shown: ['1409.0473'] } });
    expect(await handle({ type: 'get-month-states', month: '2601.5' }, page)).toMatchObject({ data: { predictable: true, read: [], shown: [] } });
    expect(await handle({ type: 'get-month-states', month: '2502' }, page)).toMatchObject({ ok: false });

    const unpredictable = { ok: true, data: { predictable: false, read: [], shown: [], saved: [] } };
    // A rule on: its verdicts need the papers' text, which the index does not hold.
    const rule = { id: 'r1', pattern: 'alpha', kind: 'keyword', fields: ['title'], action: 'hide', enabled: true, createdAt: 1, updatedAt: 1 };
    expect((await handle({ type: 'upsert-filter', rule }, popup)).ok).toBe(true);
    expect(await handle({ type: 'get-month-states', month: '2502.5' }, page)).toEqual(unpredictable);
    expect((await handle({ type: 'upsert-filter', rule: { ...rule, enabled: false } }, popup)).ok).toBe(true);
    expect(await handle({ type: 'get-month-states', month: '2502.5' }, page)).toMatchObject({ data: { predictable: true } });
    // A ranking model: its scores and reasons are part of what a card shows.
    const ranker = createRanker({ db, now: () => 1000, filters: deps.filters, reportError: vi.fn(), onTrained: vi.fn() });
    const withModel = createRequestHandler({ ...deps, ranker: { ...ranker, hasModel: async () => true } });
    expect(await withModel({ type: 'get-month-states', month: '2502.5' }, page)).toEqual(unpredictable);
  });

  it('runs the topic filters for the page: cards-shown and get-states answer with verdicts', async () => {
    const handle = createRequestHandler(deps);
    const rule = { id: 'r1', pattern: 'alpha', kind: 'keyword', fields: ['title'], action: 'hide', enabled: true, createdAt: 1, updatedAt: 1 };
    expect((await handle({ type: 'upsert-filter', rule }, popup)).ok).toBe(true);
    const beta = { id: '2502.00002', title: 'Beta' };
    const hidden = { [paper.id]: { action: 'hide', reason: 'alpha', ruleId: 'r1' } };
    // Before anything is stored, the page's own data is what the filters read.
    const early = await handle({ type: 'get-states', ids: [paper.id, beta.id], papers: [paper, beta] }, page);
    expect(early).toMatchObject({ ok: true, data: { shown: [], verdicts: hidden } });
    const shown = await handle({ type: 'cards-shown', loadId: 'l1', papers: [paper, beta] }, page);
    expect(shown).toMatchObject({ ok: true, data: { verdicts: hidden } });
    const bare = await handle({ type: 'cards-shown', loadId: 'l2', papers: [{ id: paper.id }] }, page);
    expect(bare).toMatchObject({ ok: true, data: { verdicts: hidden } }); // a card with no data: the stored title matches
    // Later, by id alone: the stored data decides; a rule switched off hides nothing.
    expect(await handle({ type: 'get-states', ids: [paper.id, beta.id] }, page)).toMatchObject({ data: { verdicts: hidden } });
    expect((await handle({ type: 'upsert-filter', rule: { ...rule, enabled: false } }, popup)).ok).toBe(true);
    expect(await handle({ type: 'get-states', ids: [paper.id] }, page)).toMatchObject({ data: { verdicts: {} } });
  });

  it('mutations broadcast store-changed and refresh the badge; undo restores', async () => {
    const handle = createRequestHandler(deps);
    const reply = await handle({ type: 'mark-all-read', ids: [paper.id] }, page);
    expect(notified).toEqual([{ type: 'store-changed', ids: [paper.id], states: { read: [paper.id], saved: [] } }]);
    expect(deps.onStateChange).toHaveBeenCalled();
    if (!reply.ok) throw new Error(reply.error);
    const { undoToken } = reply.data as { undoToken: string };
    expect(await handle({ type: 'undo', token: undoToken }, page)).toEqual({ ok: true, data: { restored: 1 } });
    expect((await db.papers.get(paper.id))?.readAt).toBeUndefined();
  });

  it('store-changed carries the new states of the written ids and the token of the request that wrote them', async () => {
    const handle = createRequestHandler(deps);
    const other = '2502.00002';
    await handle({ type: 'save', paper, token: 't-save' }, page);
    await handle({ type: 'set-read', ids: [paper.id, other], read: true, token: 't-read' }, page);
    await handle({ type: 'unsave', id: paper.id, token: 't-unsave' }, page);
    await handle({ type: 'set-read', ids: [other], read: false }, page);
    expect(notified).toEqual([
      { type: 'store-changed', ids: [paper.id], states: { read: [], saved: [paper.id] }, origin: 't-save' },
      { type: 'store-changed', ids: [paper.id, other], states: { read: [paper.id, other], saved: [paper.id] }, origin: 't-read' },
      // The read half of an unsave comes from the state index: still read.
      { type: 'store-changed', ids: [paper.id], states: { read: [paper.id], saved: [] }, origin: 't-unsave' },
      { type: 'store-changed', ids: [other], states: { read: [], saved: [] } },
    ]);
    notified.length = 0;
    await handle({ type: 'save', paper }, page);
    await handle({ type: 'update-saved', id: paper.id, note: 'n' }, popup);
    expect(notified[1]).toEqual({ type: 'store-changed', ids: [paper.id], states: { read: [paper.id], saved: [paper.id] } });
  });

  it('rule and settings changes carry the page context after the change, and a mute its origin', async () => {
    const handle = createRequestHandler(deps);
    const rule = { id: 'r1', pattern: 'alpha', kind: 'keyword', fields: ['title'], action: 'hide', enabled: true, createdAt: 1, updatedAt: 1 };
    await handle({ type: 'upsert-filter', rule }, popup);
    await handle({ type: 'mute', kind: 'author', pattern: 'Ada Lovelace', token: 't-mute' }, page);
    await handle({ type: 'delete-filter', id: 'r1' }, popup);
    const patterns = (i: number) => notified[i]?.context?.rules.map((r) => r.pattern);
    expect(patterns(0)).toEqual(['alpha']);
    expect(notified[1]).toMatchObject({ rules: true, origin: 't-mute' });
    expect(patterns(1)).toEqual(expect.arrayContaining(['alpha', 'Ada Lovelace']));
    expect(patterns(2)).toEqual(['Ada Lovelace']);
    expect(notified[2]?.origin).toBeUndefined();
    expect(notified.every((n) => n.context?.settings.badge !== undefined)).toBe(true);
  });

  it('report-page stores the summary for the sender tab, and the popup can read it', async () => {
    const handle = createRequestHandler(deps);
    const summary: PageSummary = { url: page.url ?? '', kind: 'trending', recognized: true, ids: [paper.id], newIds: [], counts: { total: 1, new: 0, unread: 1, hidden: 0 }, updatedAt: 1 };
    expect(await handle({ type: 'report-page', summary }, page)).toEqual({ ok: true, data: null });
    expect(deps.onStateChange).toHaveBeenCalledWith(7);
    expect(await handle({ type: 'get-tab-summary', tabId: 7 }, popup)).toEqual({ ok: true, data: { summary } });
  });

  it('settings and filters from extension pages notify tabs', async () => {
    const handle = createRequestHandler(deps);
    await handle({ type: 'update-settings', patch: { badge: 'today' } }, popup);
    const mute = await handle({ type: 'mute', kind: 'keyword', pattern: 'diffusion' }, page);
    expect(mute.ok).toBe(true);
    expect(notified).toMatchObject([
      { type: 'store-changed', settings: true, context: { settings: { badge: 'today' }, rules: [] } },
      { type: 'store-changed', rules: true, context: { settings: { badge: 'today' }, rules: [{ pattern: 'diffusion' }] } },
    ]);
    const ctx = await handle({ type: 'get-page-context' }, page);
    expect(ctx).toMatchObject({ ok: true, data: { settings: { badge: 'today' }, rules: [{ pattern: 'diffusion', action: 'hide' }] } });
  });

  it('a mute can be undone, and its retry adds no second rule', async () => {
    const handle = createRequestHandler(deps);
    const rulesNow = async () => (await repo.listFilters(db)).map((r) => r.pattern);
    const first = await handle({ type: 'mute', kind: 'author', pattern: 'Ada Lovelace', token: 'retry-1' }, page);
    await handle({ type: 'mute', kind: 'author', pattern: 'Ada Lovelace', token: 'retry-1' }, page); // the messenger's retry
    expect(await rulesNow()).toEqual(['Ada Lovelace']);
    expect(first).toMatchObject({ ok: true, data: { undoToken: 'retry-1' } });
    notified.length = 0;
    expect(await handle({ type: 'undo', token: 'retry-1' }, page)).toEqual({ ok: true, data: { restored: 1 } });
    expect(await rulesNow()).toEqual([]);
    expect(notified).toEqual([{ type: 'store-changed' }]); // every tab re-reads its rules
  });

  it('a bad backup is refused with its sentence', async () => {
    const handle = createRequestHandler(deps);
    const reply = await handle({ type: 'restore-backup', text: 'not json' }, popup);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/JSON/) });
  });

  it('update-saved of a paper not on the list is a sentence, not a crash', async () => {
    const handle = createRequestHandler(deps);
    expect(await handle({ type: 'update-saved', id: paper.id, note: 'x' }, popup)).toEqual({ ok: false, error: expect.stringMatching(/reading list/) });
  });

  it('a full disk becomes "Storage is full"', async () => {
    const handle = createRequestHandler(deps);
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    vi.spyOn(db.papers, 'bulkPut').mockRejectedValue(quota);
    const reply = await handle({ type: 'set-read', ids: [paper.id], read: true }, page);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Storage is full/) });
    // The user reads the sentence; the popup's problems row keeps the error for a bug report.
    expect(deps.reportError).toHaveBeenCalledWith('background/set-read', expect.objectContaining({ name: 'QuotaExceededError' }));
  });

  it('a refusal is an answer, not a problem: nothing is reported', async () => {
    const handle = createRequestHandler(deps);
    expect(await handle({ type: 'update-saved', id: paper.id, note: 'x' }, popup)).toMatchObject({ ok: false });
    expect(await handle({ type: 'no-such-request' }, popup)).toMatchObject({ ok: false });
    expect(deps.reportError).not.toHaveBeenCalled();
  });

  it('save of a paper without an abstract fetches it in the background', async () => {
    const fetched = { id: paper.id, title: 'Alpha', summary: 'Fetched abstract', authors: [], publishedAt: '2025-02-01T00:00:00.000Z', upvotes: 2 };
    let done: () => void = () => undefined;
    const finished = new Promise<void>((r) => (done = r));
    deps.fetch = vi.fn(async () => ({ ok: true, status: 200, json: async () => fetched }));
    deps.notifyTabs = (msg) => {
      notified.push(msg);
      if (notified.length === 2) done();
    };
    const handle = createRequestHandler(deps);
    expect((await handle({ type: 'save', paper: { id: paper.id, title: 'Alpha' } }, page)).ok).toBe(true);
    await finished;
    expect(deps.fetch).toHaveBeenCalledWith('https://huggingface.co/api/papers/2502.00001');
    expect((await db.papers.get(paper.id))?.summary).toBe('Fetched abstract');
    expect(await db.saved.get(paper.id)).toBeDefined();
  });
});

describe('response schemas', () => {
  it("every answer of the background parses with its request's response schema", async () => {
    const handle = createRequestHandler(deps);
    const rule = { id: 'r1', pattern: 'alpha', kind: 'keyword', fields: ['title'], action: 'hide', enabled: true, createdAt: 1, updatedAt: 1 };
    const requests: [{ type: keyof typeof Responses } & Record<string, unknown>, MessageSender][] = [
      [{ type: 'cards-shown', loadId: 'l1', papers: [paper] }, page],
      [{ type: 'get-states', ids: [paper.id] }, page],
      [{ type: 'set-read', ids: [paper.id], read: true }, page],
      [{ type: 'mark-all-read', ids: [paper.id] }, page],
      [{ type: 'save', paper }, page],
      [{ type: 'update-saved', id: paper.id, note: 'n' }, popup],
      [{ type: 'unsave', id: paper.id, token: 'u1' }, page],
      [{ type: 'undo', token: 'u1' }, page],
      [{ type: 'upsert-filter', rule }, popup],
      [{ type: 'delete-filter', id: 'r1' }, popup],
      [{ type: 'mute', kind: 'keyword', pattern: 'beta' }, page],
      [{ type: 'get-page-context' }, page],
      [{ type: 'update-settings', patch: { badge: 'off' } }, popup],
      [{ type: 'get-tab-summary', tabId: 7 }, popup],
      [{ type: 'get-tab-counts', tabId: 7 }, popup],
      [{ type: 'refresh-today' }, popup],
      [{ type: 'open-reading-list' }, page],
    ];
    for (const [request, sender] of requests) {
      const reply = await handle(request, sender);
      if (!reply.ok) throw new Error(`${request.type}: ${reply.error}`);
      expect(Responses[request.type].safeParse(reply.data).success, request.type).toBe(true);
    }
    // A schema that accepted anything would pass the loop: a wrong answer must fail.
    expect(Responses['set-read'].safeParse({ restored: 1 }).success).toBe(false);
  });
});

describe('refresh-today', () => {
  it('the popup forces a refresh, a page only asks for a throttled one', async () => {
    const handle = createRequestHandler(deps);
    await handle({ type: 'refresh-today' }, popup);
    await handle({ type: 'refresh-today' }, page);
    expect(deps.refreshToday).toHaveBeenNthCalledWith(1, true);
    expect(deps.refreshToday).toHaveBeenNthCalledWith(2, false);
  });
});

describe('get-tab-counts', () => {
  const ids = ['2502.00001', '2502.00002', '2502.00003', '2503.00004'];
  const report = (recognized: boolean): PageSummary => ({
    url: 'https://huggingface.co/papers/trending',
    kind: 'trending',
    recognized,
    ids,
    newIds: [],
    counts: { total: 4, new: 0, unread: 4, hidden: 0 },
    updatedAt: 1,
  });

  it("answers the tab's summary with the read and hidden ids among its papers, for extension pages only", async () => {
    const handle = createRequestHandler(deps);
    await repo.recordShown(db, 'l1', ids.map((id, i) => ({ id, title: i === 2 ? 'Diffusion for all' : `Paper ${i}` })), 1);
    await repo.setRead(db, [ids[0] ?? '', ids[3] ?? ''], true, 2);
    summaries.set(7, report(true));
    expect(await handle({ type: 'get-tab-counts', tabId: 7 }, popup)).toEqual({ ok: true, data: { summary: report(true), read: [ids[0], ids[3]], hidden: [] } });
    await handle({ type: 'mute', kind: 'keyword', pattern: 'diffusion', token: 't1' }, page);
    expect(await handle({ type: 'get-tab-counts', tabId: 7 }, popup)).toMatchObject({ ok: true, data: { read: [ids[0], ids[3]], hidden: [ids[2]] } });
    expect(await handle({ type: 'get-tab-counts', tabId: 7 }, page)).toMatchObject({ ok: false });
  });

  it('gives no ids for an unrecognized page or a tab without a report', async () => {
    const handle = createRequestHandler(deps);
    await repo.setRead(db, ids, true, 2);
    summaries.set(7, report(false));
    expect(await handle({ type: 'get-tab-counts', tabId: 7 }, popup)).toEqual({ ok: true, data: { summary: report(false), read: [], hidden: [] } });
    expect(await handle({ type: 'get-tab-counts', tabId: 8 }, popup)).toEqual({ ok: true, data: { summary: null, read: [], hidden: [] } });
  });
});

describe('writes made outside the handler', () => {
  it('after sync writes the store, the next get-states sees the new saves and rules, and tabs are told', async () => {
    const handle = createRequestHandler(deps);
    const ask = () => handle({ type: 'get-states', ids: [paper.id], papers: [paper] }, page);
    expect(await ask()).toMatchObject({ ok: true, data: { saved: [] } });
    // Another device's save and rule arrive through sync: written to the store directly.
    await db.saved.put({ id: paper.id, savedAt: 1, tags: [], note: '', status: 'to-read', updatedAt: 1 });
    await db.filters.put({ id: 'r1', pattern: 'alpha', kind: 'keyword', fields: ['title'], action: 'dim', enabled: true, createdAt: 1, updatedAt: 1 });
    await handle.storeChangedElsewhere();
    // No ids: every tab re-reads everything; the page context rides along.
    expect(notified.at(-1)).toMatchObject({ type: 'store-changed', rules: true, settings: true, context: { rules: [{ id: 'r1' }] } });
    expect(notified.at(-1)).not.toHaveProperty('ids');
    const after = await ask();
    expect(after).toMatchObject({ ok: true, data: { saved: [paper.id], verdicts: { [paper.id]: { action: 'dim' } } } });
  });
});
