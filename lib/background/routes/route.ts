import type { z } from 'zod';
import type { FilterEngine } from '../../filters/match';
import type { FilterRule } from '../../filters/rule';
import type { Request, RequestOf, ResponseMap, StoreChanged } from '../../messages';
import type { ReportError } from '../../problems';
import type { PapersInboxDb } from '../../store/db';
import type { CachedRead } from '../cached-read';
import type { Ranker } from '../ranker';
import type { FetchFn, RefreshResult } from '../today-refresh';
import type { TabSummaries } from '../tab-summaries';

export type RequestType = Request['type'];

/** What the background's shell hands the request handler (lib/background/main.ts). */
export interface RequestHandlerDeps {
  db: PapersInboxDb;
  /** The background's one FilterEngine (its caches serve every tab's passes). */
  filters: FilterEngine;
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

/** What every route's `handle` gets: the shell's parts plus the reads kept between writes. */
export interface RouteDeps extends RequestHandlerDeps {
  rules: CachedRead<FilterRule[]>;
  savedIds: CachedRead<ReadonlySet<string>>;
  /** Tabs that already sent a `cards-shown`: only a tab's first one refreshes today's list. */
  seenTabs: Set<number>;
}

/** Who sent a request, once the dispatcher has accepted the sender. */
export interface RouteSender {
  kind: 'extension' | 'content';
  /** The sender's tab (a content script's; extension pages in a popup have none). */
  tabId?: number;
}

/**
 * What a route's success changed. The dispatcher turns it into the one `store-changed` notice,
 * the dropped caches, a retrain and the badges, so no route does that by hand.
 */
export interface Invalidation {
  /** The read/saved state of these ids; `read` / `saved` say what the write set (the rest is looked up). */
  states?: { ids: string[]; read?: boolean; saved?: boolean };
  /** The rule list: tabs get the page context after the change. */
  rules?: boolean;
  settings?: boolean;
  /** Anything stored may have changed (an undo): every tab re-reads. */
  everything?: boolean;
  /** Today's list: the badges count it; tabs show nothing of it. */
  today?: boolean;
  /** The sender tab's report: its badge. */
  tabReport?: boolean;
  /** The writing request's retry token: the page that sent it already shows the change. */
  origin?: string;
}

/** A fixed invalidation, or one that depends on the request and its answer. */
export type Invalidates<K extends RequestType> =
  | Invalidation
  | ((input: RequestOf<K>, output: ResponseMap[K]) => Invalidation);

export const NOTHING: Invalidation = {};

/** One request type's contract and its work. */
export interface Route<K extends RequestType> {
  /** The request's schema (lib/messages.ts): the dispatcher parses every message with it. */
  request: z.ZodType<RequestOf<K>>;
  /** The answer's schema (`Responses[K]`): checked in development builds and tests. */
  response: z.ZodType<ResponseMap[K]>;
  /**
   * A huggingface.co content script may send it too. Otherwise extension pages only: a
   * compromised or spoofed page must not rewrite settings, rules, backups or the reading list.
   */
  openToContentScripts: boolean;
  invalidates: Invalidates<K>;
  handle(input: RequestOf<K>, deps: RouteDeps, sender: RouteSender): Promise<ResponseMap[K]>;
}

export type RouteTable = { [K in RequestType]: Route<K> };

/** A refusal whose message is already a sentence for the user (an answer, not a problem). */
export class Refusal extends Error {}
