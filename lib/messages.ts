import { z } from 'zod';
import { ArxivId, PaperMeta, PaperState } from './paper';
import { FilterRule, FilterVerdict } from './filters/rule';
import { Settings, SettingsPatch } from './settings';
import { PageSummary } from './page-summary';
import { SavedStatus } from './store/records';

/**
 * The one protocol between the extension's contexts. Every request is a Zod schema; the background
 * parses each incoming message with `Request` before doing anything (a content script is
 * untrusted input). Content scripts batch: one request per batch of cards, never one per card.
 */

const MAX_BATCH = 10_000;
const Ids = z.array(ArxivId).min(1).max(MAX_BATCH);

/** A paper's "for you" score (0–1, higher = more wanted) and its one-line reason (lib/ranking). */
export const ForYouScore = z.object({ score: z.number().min(0).max(1), why: z.string().max(300) });
export type ForYouScore = z.infer<typeof ForYouScore>;
/** Absent until the model exists (5 saves): then every paper with text gets one. */
const Scores = z.record(ArxivId, ForYouScore).optional();

/** Content script → background: these cards were rendered on a page load. */
export const CardsShown = z.object({
  type: z.literal('cards-shown'),
  /** Identifies the page load; "new" is decided once per load, so a retry with the same id is idempotent. */
  loadId: z.string().min(1).max(100),
  papers: z.array(PaperMeta).min(1).max(MAX_BATCH),
});
/** The state of each paper as this page load must show it, plus what the page needs to render. */
export const CardsShownResponse = z.object({
  states: z.record(ArxivId, PaperState),
  saved: z.array(ArxivId),
  /** Stored metadata for papers the page had no data for. */
  metas: z.array(PaperMeta),
  /** The topic filters' verdict per paper (none: no rule applies). Filters run here, not in the page. */
  verdicts: z.record(ArxivId, FilterVerdict),
  scores: Scores,
});

/** Any page → background: current read/saved state of ids (no side effects). */
export const GetStates = z.object({
  type: z.literal('get-states'),
  ids: Ids,
  /** The page's own data for papers it may show before they are stored (filters read it). */
  papers: z.array(PaperMeta).max(MAX_BATCH).optional(),
});
export const GetStatesResponse = z.object({
  read: z.array(ArxivId),
  saved: z.array(ArxivId),
  /** Ids some earlier page load already showed: a load that shows them now shows them as unread. */
  shown: z.array(ArxivId),
  /** The topic filters' verdict per paper, from the stored data under the given `papers`. */
  verdicts: z.record(ArxivId, FilterVerdict),
  scores: Scores,
});

/**
 * Content script → background, while a page without embedded data still parses: the read and
 * shown ids of one state-index row (an arXiv month and suffix length: `2301.5` holds
 * 2301.00000–2301.99999) and the saved ids in it, so the cards parsed so far are annotated before
 * the page's first render. Read-only: cards-shown still decides what the load records and shows.
 */
export const GetMonthStates = z.object({ type: z.literal('get-month-states'), month: z.string().regex(/^\d{4}\.[45]$/) });
export const MonthStatesResponse = z.object({
  /**
   * False (and empty lists) when the state index alone cannot say what a card will show: a topic
   * rule is on (verdicts) or a ranking model exists (scores). Then the page waits for cards-shown.
   */
  predictable: z.boolean(),
  read: z.array(ArxivId),
  shown: z.array(ArxivId),
  saved: z.array(ArxivId),
});

/**
 * Optional undo token chosen by the sender (additive; set-read, mark-all-read, save, unsave). A
 * content script retries a request whose
 * reply was lost, possibly after the write committed (service worker stopped in between): with the
 * same token the retry is recognized, so the write and its undo entry happen once and Undo still
 * restores what was there before the first attempt.
 */
const RetryToken = z.string().min(1).max(100).optional();
export const SetRead = z.object({ type: z.literal('set-read'), ids: Ids, read: z.boolean(), token: RetryToken });
/** Marks every id read; the response's token undoes exactly this. */
export const MarkAllRead = z.object({ type: z.literal('mark-all-read'), ids: Ids, token: RetryToken });
export const UndoToken = z.object({ undoToken: z.string() });
export const Undo = z.object({ type: z.literal('undo'), token: z.string().min(1).max(100) });

export const SavePaper = z.object({ type: z.literal('save'), paper: PaperMeta, token: RetryToken });
export const UnsavePaper = z.object({ type: z.literal('unsave'), id: ArxivId, token: RetryToken });
export const UpdateSaved = z.object({
  type: z.literal('update-saved'),
  id: ArxivId,
  tags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  note: z.string().max(20_000).optional(),
  status: SavedStatus.optional(),
});

export const UpsertFilter = z.object({ type: z.literal('upsert-filter'), rule: FilterRule });
export const DeleteFilter = z.object({ type: z.literal('delete-filter'), id: z.string().min(1).max(64) });

export const GetPageContext = z.object({ type: z.literal('get-page-context') });
/** Rules and settings a content script applies; fetched at start and after each `store-changed`. */
export const PageContext = z.object({ rules: z.array(FilterRule), settings: Settings });

export const UpdateSettings = z.object({ type: z.literal('update-settings'), patch: SettingsPatch });

/** Content script → background after each annotation pass (tab id comes from the sender). */
export const ReportPage = z.object({ type: z.literal('report-page'), summary: PageSummary });
/** Popup → background: what a tab last reported (null when it is not a papers page). */
export const GetTabSummary = z.object({ type: z.literal('get-tab-summary'), tabId: z.number().int().min(0) });
export const TabSummaryResponse = z.object({ summary: PageSummary.nullable() });

export const RefreshToday = z.object({ type: z.literal('refresh-today') });

/** Backup restore: the file's text, validated by the background before anything is stored. */
export const RestoreBackup = z.object({ type: z.literal('restore-backup'), text: z.string().max(60_000_000) });

/** Content script → background: open the reading list in a new tab (content scripts can't open extension pages). */
export const OpenReadingList = z.object({ type: z.literal('open-reading-list') });

/**
 * Content script → background: one-click mute from a card's "Mute…" menu (a hide rule for an HF
 * keyword or an author). Allowed from content scripts, unlike `upsert-filter`: the background builds
 * the rule itself, so a page can only add a narrow hide rule.
 */
export const Mute = z.object({
  type: z.literal('mute'),
  kind: z.enum(['keyword', 'author']),
  pattern: z.string().trim().min(1).max(200),
  token: RetryToken,
});

/**
 * Popup → background: the tab's summary with the read and hidden ids among its papers, in one
 * answer from what the background holds (the tab's report, the state index, the cached rules), so
 * the popup's first counts need no database of its own.
 */
export const GetTabCounts = z.object({ type: z.literal('get-tab-counts'), tabId: z.number().int().min(0) });

export const Request = z.discriminatedUnion('type', [
  CardsShown,
  GetStates,
  GetMonthStates,
  SetRead,
  MarkAllRead,
  Undo,
  SavePaper,
  UnsavePaper,
  UpdateSaved,
  UpsertFilter,
  DeleteFilter,
  GetPageContext,
  UpdateSettings,
  ReportPage,
  GetTabSummary,
  RefreshToday,
  RestoreBackup,
  OpenReadingList,
  Mute,
  GetTabCounts,
]);
export type Request = z.infer<typeof Request>;
export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

/** Every reply is `{ ok: true, data }` or `{ ok: false, error }` with a sentence for the user. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** Background → content scripts: something stored changed; re-read states / rules / settings. */
export const StoreChanged = z.object({
  type: z.literal('store-changed'),
  /** Ids whose read/saved state changed; absent = anything may have changed. */
  ids: z.array(ArxivId).optional(),
  rules: z.boolean().optional(),
  settings: z.boolean().optional(),
  /** The `token` of the request that made this change: the page that sent it already shows it and skips this echo. */
  origin: z.string().min(1).max(100).optional(),
  /** With `ids`: their state after the change (an id of `ids` not in `read` is unread, not in `saved` is not saved). Absent: re-read with get-states. */
  states: z.object({ read: z.array(ArxivId), saved: z.array(ArxivId) }).optional(),
  /** With `rules` or `settings`: the page context after the change, so pages need not fetch it again. */
  context: PageContext.optional(),
});
export type StoreChanged = z.infer<typeof StoreChanged>;
/** Popup / background → content script of a tab. */
export const TabCommand = z.discriminatedUnion('type', [
  StoreChanged,
  z.object({ type: z.literal('show-undo-toast'), token: z.string(), label: z.string().max(200) }),
]);
export type TabCommand = z.infer<typeof TabCommand>;

export const Restored = z.object({ restored: z.number().int().min(0) });
export const RefreshResult = z.object({ ok: z.boolean(), fetchedAt: z.number().optional(), error: z.string().max(500).optional() });
export const RestoreSummary = z.object({
  papersAdded: z.number().int().min(0),
  papersUpdated: z.number().int().min(0),
  savedAdded: z.number().int().min(0),
  savedUpdated: z.number().int().min(0),
  filtersAdded: z.number().int().min(0),
  filtersUpdated: z.number().int().min(0),
  settingsRestored: z.boolean(),
  /** Rules of the file that cannot run safely here: restored switched off, with why. */
  filtersSwitchedOff: z.array(z.object({ pattern: z.string(), error: z.string() })),
});
export type RestoreSummary = z.infer<typeof RestoreSummary>;
export const TabCountsResponse = z.object({ summary: PageSummary.nullable(), read: z.array(ArxivId), hidden: z.array(ArxivId) });
/** Writes that answer nothing but "done". */
export const Done = z.null();

/**
 * The answer schema of every request: the background's routes (lib/background/routes/) declare
 * these as their `response`, and the extension pages' client (lib/client.ts) parses each reply
 * with them. Content scripts only use the inferred types (no Zod in their bundle).
 */
export const Responses = {
  'cards-shown': CardsShownResponse,
  'get-states': GetStatesResponse,
  'get-month-states': MonthStatesResponse,
  'set-read': UndoToken,
  'mark-all-read': UndoToken,
  undo: Restored,
  save: UndoToken,
  unsave: UndoToken,
  'update-saved': Done,
  'upsert-filter': Done,
  'delete-filter': Done,
  'get-page-context': PageContext,
  'update-settings': Done,
  'report-page': Done,
  'get-tab-summary': TabSummaryResponse,
  'refresh-today': RefreshResult,
  'restore-backup': RestoreSummary,
  'open-reading-list': Done,
  mute: UndoToken,
  'get-tab-counts': TabCountsResponse,
} as const satisfies Record<Request['type'], z.ZodType>;

/** Response types per request, inferred from `Responses`. */
export type ResponseMap = { [K in Request['type']]: z.infer<(typeof Responses)[K]> };
