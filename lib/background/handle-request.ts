import { parseBackup, restoreBackup } from '../export/backup';
import { makeRule } from '../filters/make-rule';
import { validateRule } from '../filters/compile';
import { paperApiUrl, parsePaperResponse } from '../hf/api';
import { Request, type Reply, type RequestOf, type ResponseMap, type StoreChanged } from '../messages';
import type { PaperMeta } from '../paper';
import type { ReportError } from '../problems';
import type { PapersInboxDb } from '../store/db';
import { cachedRead } from './cached-read';
import { filtersOn, verdictsFor } from './verdicts';
import type { Ranker } from './ranker';
import { tabCounts } from './tab-counts';
import * as repo from '../store/repository';
import type { FetchFn, RefreshResult } from './today-refresh';
import type { TabSummaries } from './tab-summaries';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface RequestHandlerDeps {
  db: PapersInboxDb;
  now: () => number;
  runtimeId: string;
  /** e.g. `chrome-extension://<id>/` */
  extensionOrigin: string;
  notifyTabs(msg: StoreChanged): void;
  /** Recompute badges (all tabs, or one after its report). */
  onStateChange(tabId?: number): void;
  tabSummaries: Pick<TabSummaries, 'get' | 'set'>;
  refreshToday(force: boolean): Promise<RefreshResult>;
  /** For `save` of a paper the page had no text for; absent = skip the enrichment. */
  fetch?: FetchFn;
  openReadingList?(): Promise<void>;
  /** Failures that are recovered from but must not vanish (shown in the popup's problems row). */
  reportError: ReportError;
  /** The "for you" model: scores in cards-shown / get-states, retrained after signal changes. */
  ranker?: Ranker;
}

type Type = Request['type'];
export type RequestHandler = (message: unknown, sender: MessageSender) => Promise<Reply<unknown>>;
/**
 * The handler, and what a writer outside it (sync applying another device's changes) calls
 * after writing the store: as after a restore, the cached rules and saved ids are dropped and
 * the tabs, badges and ranker told.
 */
export type BackgroundHandler = RequestHandler & { storeChangedElsewhere(): void };

const HF_ORIGIN = 'https://huggingface.co/';

/**
 * What a huggingface.co content script may ask for. Everything else (settings, arbitrary rules,
 * backups, reading-list edits, other tabs' summaries) is for extension pages only: a compromised
 * or spoofed page must not rewrite the user's data.
 */
export const CONTENT_SCRIPT_ALLOWED: ReadonlySet<Type> = new Set<Type>([
  'cards-shown',
  'get-states',
  'set-read',
  'mark-all-read',
  'undo',
  'save',
  'unsave',
  'get-page-context',
  'report-page',
  'refresh-today',
  'open-reading-list',
  'mute',
]);

type SenderKind = 'extension' | 'content' | { refused: string };

function classifySender(sender: MessageSender, deps: RequestHandlerDeps): SenderKind {
  if (sender.id !== deps.runtimeId) return { refused: 'Messages from other extensions are refused.' };
  const url = sender.url ?? '';
  if (url.startsWith(deps.extensionOrigin)) return 'extension';
  if (url.startsWith(HF_ORIGIN)) return 'content';
  return { refused: 'Messages are only accepted from huggingface.co pages and this extension.' };
}

function invalidSentence(message: unknown): string {
  const type = typeof message === 'object' && message !== null && 'type' in message ? message.type : undefined;
  return typeof type === 'string'
    ? `The "${type.slice(0, 40)}" request was malformed or unknown, so nothing was changed.`
    : 'The request had no type, so nothing was changed.';
}

/** Dexie/IndexedDB failures become one sentence for the user instead of an unhandled rejection. */
export function storageErrorSentence(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = error instanceof Error && 'inner' in error && error.inner instanceof Error ? error.inner.name : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'Storage is full: free some disk space or remove papers from the reading list, then try again.';
  }
  const detail = error instanceof Error && error.message ? ` (${error.message.slice(0, 200)})` : '';
  return `Papers Inbox could not read or write its storage${detail}.`;
}

export function createRequestHandler(deps: RequestHandlerDeps): BackgroundHandler {
  const { route, changed } = createRoutes(deps);
  const handle: RequestHandler = async (message, sender) => {
    const kind = classifySender(sender, deps);
    if (typeof kind === 'object') return { ok: false, error: kind.refused };
    const parsed = Request.safeParse(message);
    if (!parsed.success) return { ok: false, error: invalidSentence(message) };
    if (kind === 'content' && !CONTENT_SCRIPT_ALLOWED.has(parsed.data.type)) {
      return { ok: false, error: `Only the extension's own pages may send "${parsed.data.type}".` };
    }
    try {
      return { ok: true, data: await route(parsed.data, sender) };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.message };
      deps.reportError(`background/${parsed.data.type}`, error);
      return { ok: false, error: storageErrorSentence(error) };
    }
  };
  return Object.assign(handle, { storeChangedElsewhere: () => changed({ rules: true, settings: true }) });
}

type Routes = { [K in Type]: (req: RequestOf<K>, sender: MessageSender) => Promise<ResponseMap[K]> };

function createRoutes(deps: RequestHandlerDeps) {
  const { db } = deps;
  const rules = cachedRead(() => repo.listFilters(db));
  const savedIds = cachedRead(() => repo.getSavedIds(db));
  const changed = (msg: Omit<StoreChanged, 'type'>) => {
    if (msg.rules || msg.ids === undefined) rules.forget();
    savedIds.forget();
    // Saves, reads, mutes and rules are the model's signals; the settings are not.
    if (!msg.settings || msg.rules) deps.ranker?.retrainSoon();
    deps.notifyTabs({ type: 'store-changed', ...msg });
    deps.onStateChange();
  };
  const seenTabs = new Set<number>();

  const routes: Routes = {
    'cards-shown': async (req, sender) => {
      const { papers, ...result } = await repo.recordShown(db, req.loadId, req.papers, deps.now());
      const ids = req.papers.map((paper) => paper.id);
      const tabId = sender.tab?.id;
      // The first batch of a tab is "a papers page was opened": refresh today's list (throttled).
      if (tabId !== undefined && !seenTabs.has(tabId)) {
        seenTabs.add(tabId);
        void deps.refreshToday(false).catch((error: unknown) => deps.reportError('background/refresh-today', error));
      }
      const scores = await deps.ranker?.pageScores(papers);
      return { ...result, verdicts: verdictsFor(await rules.get(), ids, papers, [], deps.now()), scores };
    },
    'get-states': async (req) => {
      const [list, saved] = await Promise.all([rules.get(), savedIds.get()]);
      // The rows read for the states also feed the filters: one read, none when unneeded.
      const { stored = [], ...states } = await repo.getStates(db, req.ids, saved, filtersOn(list));
      const verdicts = verdictsFor(list, req.ids, stored, req.papers ?? [], deps.now());
      const scores = await deps.ranker?.stateScores(req.ids, stored, req.papers ?? []);
      return { ...states, verdicts, scores };
    },
    'set-read': async (req) => {
      const undoToken = await repo.setRead(db, req.ids, req.read, deps.now(), req.token);
      changed({ ids: req.ids });
      return { undoToken };
    },
    'mark-all-read': async (req) => {
      const undoToken = await repo.markAllRead(db, req.ids, deps.now(), req.token);
      changed({ ids: req.ids });
      return { undoToken };
    },
    undo: async (req) => {
      const restored = await repo.undo(db, req.token);
      if (restored > 0) changed({});
      return { restored };
    },
    save: async (req) => {
      const undoToken = await repo.savePaper(db, req.paper, deps.now(), req.token);
      changed({ ids: [req.paper.id] });
      if (!req.paper.title || !req.paper.summary) void enrich(deps, req.paper);
      return { undoToken };
    },
    unsave: async (req) => {
      const undoToken = await repo.unsavePaper(db, req.id, deps.now(), req.token);
      changed({ ids: [req.id] });
      return { undoToken };
    },
    'update-saved': async (req) => {
      const { id, type: _type, ...patch } = req;
      const found = await repo.updateSaved(db, id, patch, deps.now());
      if (!found) throw new Refusal('This paper is not on the reading list any more.');
      changed({ ids: [id] });
      return null;
    },
    'upsert-filter': async (req) => {
      // The same validation as the popup's form and mute: an invalid rule is only stored switched off.
      const valid = validateRule(req.rule);
      if (!valid.ok && req.rule.enabled) throw new Refusal(valid.error);
      await repo.upsertFilter(db, { ...req.rule, updatedAt: deps.now() });
      changed({ rules: true });
      return null;
    },
    'delete-filter': async (req) => {
      await repo.deleteFilter(db, req.id);
      changed({ rules: true });
      return null;
    },
    'get-page-context': async () => {
      const [rules, settings] = await Promise.all([repo.listFilters(db), repo.getSettings(db)]);
      return { rules, settings };
    },
    'update-settings': async (req) => {
      await repo.updateSettings(db, req.patch);
      changed({ settings: true });
      return null;
    },
    'report-page': async (req, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Refusal('Only a browser tab can report a page.');
      await deps.tabSummaries.set(tabId, req.summary);
      deps.onStateChange(tabId);
      return null;
    },
    'get-tab-summary': async (req) => ({ summary: await deps.tabSummaries.get(req.tabId) }),
    'refresh-today': async (_req, sender) => {
      // The popup's button forces a fetch; pages are throttled so a busy tab can't hammer HF.
      const fromExtension = (sender.url ?? '').startsWith(deps.extensionOrigin);
      const result = await deps.refreshToday(fromExtension);
      deps.onStateChange();
      return result;
    },
    'restore-backup': async (req) => {
      const parsed = parseBackup(req.text);
      if (!parsed.ok) throw new Refusal(parsed.error);
      const summary = await restoreBackup(db, parsed.backup);
      changed({ rules: true, settings: true });
      return summary;
    },
    'open-reading-list': async () => {
      await deps.openReadingList?.();
      return null;
    },
    mute: async (req) => {
      const fields = req.kind === 'author' ? (['authors'] as const) : undefined;
      const made = makeRule(
        { pattern: req.pattern, kind: req.kind, action: 'hide', fields: fields ? [...fields] : undefined },
        deps.now(),
      );
      if (!made.ok) throw new Refusal(made.error);
      const undoToken = await repo.muteWithUndo(db, made.rule, deps.now(), req.token);
      changed({ rules: true });
      // No rule id in the answer: after a retried commit it would name a rule that was never stored.
      return { undoToken };
    },
    'get-tab-counts': async (req) => {
      const [summary, list, saved] = await Promise.all([deps.tabSummaries.get(req.tabId), rules.get(), savedIds.get()]);
      return tabCounts(db, summary, list, saved, deps.now());
    },
  };
  const route = <K extends Type>(req: RequestOf<K>, sender: MessageSender): Promise<ResponseMap[K]> => {
    const handler = routes[req.type] as (r: RequestOf<K>, s: MessageSender) => Promise<ResponseMap[K]>;
    return handler(req, sender);
  };
  return { route, changed };
}

/** A refusal whose message is already a sentence for the user (not a storage failure). */
class Refusal extends Error {}

/** After replying to `save`: fetch the paper's abstract so the reading list works offline. */
async function enrich(deps: RequestHandlerDeps, meta: PaperMeta): Promise<void> {
  if (!deps.fetch) return;
  try {
    const response = await deps.fetch(paperApiUrl(meta.id));
    if (!response.ok) return;
    const fetched = parsePaperResponse(await response.json());
    if (!fetched || fetched.id !== meta.id) return;
    // Fetched fields fill gaps; what the page gave (and is already stored) stays.
    await repo.storeFetchedPapers(deps.db, [{ ...fetched, ...stripUndefined(meta) }], deps.now());
    deps.notifyTabs({ type: 'store-changed', ids: [meta.id] });
  } catch {
    // Offline: the saved entry keeps what the page gave; a later save or page visit fills the rest.
  }
}

function stripUndefined(meta: PaperMeta): PaperMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as PaperMeta;
}
