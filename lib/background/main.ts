import { browser } from 'wxt/browser';
import type { StoreChanged } from '../messages';
import { createErrorReporter, developmentLog } from '../problems';
import { FilterEngine } from '../filters/match';
import { getDb } from '../store/db';
import { getSettings, pruneUndo, todayUnreadCount } from '../store/repository';
import { createBadgeUpdater } from './badge';
import { createRequestHandler } from './handle-request';
import { forYouUnreadCount } from './for-you-badge';
import { createRanker } from './ranker';
import { createSyncEngine } from './sync-engine';
import { writeWatchMiddleware } from '../sync/write-watch';
import { TabSummaries } from './tab-summaries';
import { createTodayRefresher, PERIODIC_ALARM, REFRESH_PERIOD_MIN, RETRY_ALARM } from './today-refresh';

const PAPERS_TABS = 'https://huggingface.co/papers*';
const MODEL_MAX_AGE_MS = 12 * 3_600_000;

/** Sends to every papers tab; tabs without our content script (yet) reject, which is fine: not a problem to report. */
async function broadcast(msg: StoreChanged): Promise<void> {
  const tabs = await browser.tabs.query({ url: PAPERS_TABS }).catch(() => []);
  for (const tab of tabs) {
    if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, msg).catch(() => undefined);
  }
}

/**
 * Wires the background. Every listener is registered synchronously on start: Chrome only
 * delivers the event that woke the service worker to listeners added in the first turn.
 */
export function startBackground(): void {
  const db = getDb();
  const reportError = createErrorReporter({ area: browser.storage.session, now: Date.now, log: developmentLog });
  // Before the first query opens the database: a middleware added later would not see writes.
  db.use(writeWatchMiddleware((table) => sync.noticeLocalWrite(table)));
  const tabSummaries = new TabSummaries(browser.storage.session, reportError);
  // One for the worker's life: its compiled rules and folded texts serve every tab and the ranker.
  const filters = new FilterEngine();
  const ranker = createRanker({
    db,
    filters,
    now: Date.now,
    reportError,
    onTrained: () => {
      void broadcast({ type: 'store-changed' });
      void updateBadges();
    },
    onScored: (ids) => void broadcast({ type: 'store-changed', ids }),
  });
  const updateBadges = createBadgeUpdater({
    action: browser.action,
    getMode: async () => (await getSettings(db)).badge,
    // 'for-you' is today's count, of the papers ranked for the user (badge.ts treats it as 'today').
    todayUnread: async () => ((await getSettings(db)).badge === 'for-you' ? forYouUnreadCount(db, ranker) : todayUnreadCount(db)),
    summaryOf: (tabId) => tabSummaries.get(tabId),
    tabIds: async () => (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])),
    reportError,
  });
  const today = createTodayRefresher({
    db,
    fetch: (url) => fetch(url, { credentials: 'omit' }),
    alarms: browser.alarms,
    onUpdated: () => void updateBadges(),
    reportError,
  });
  const handle = createRequestHandler({
    ranker,
    db,
    filters,
    now: Date.now,
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    notifyTabs: (msg) => void broadcast(msg),
    onStateChange: (tabId) => void updateBadges(tabId),
    tabSummaries,
    refreshToday: (force) => (force ? today.refresh(Date.now()) : today.refreshThrottled(Date.now())),
    fetch: (url) => fetch(url, { credentials: 'omit' }),
    openReadingList: async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/reading-list.html') });
    },
    reportError,
  });
  // Through the browser's own storage.sync; every cycle does nothing while the `sync` setting is off.
  const sync = createSyncEngine({
    db,
    area: browser.storage.sync,
    now: Date.now,
    // As after a restore: cached rules and saved ids dropped, tabs, badges and the ranker told.
    notifyTabs: () => void handle.storeChangedElsewhere().catch((error: unknown) => reportError('background/sync', error)),
    reportError,
  });
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'sync') sync.noticeRemoteChange(changes);
  });

  // sendResponse + `return true` works in every Chrome version, with or without promise support.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    void handle(message, sender).then(sendResponse);
    return true;
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PERIODIC_ALARM || alarm.name === RETRY_ALARM) {
      void today.refresh(Date.now());
      void pruneUndo(db, Date.now()).catch((error: unknown) => reportError('background/prune-undo', error));
      // "Shown and never opened" grows with time alone: the model is refreshed twice a day.
      void ranker.retrainIfStale(MODEL_MAX_AGE_MS).catch((error: unknown) => reportError('background/ranking', error));
      // A push that waited longer than the worker lived, or changes that came while it slept.
      void sync.syncNow();
    }
  });
  browser.runtime.onInstalled.addListener(() => void today.refresh(Date.now()));
  browser.runtime.onStartup.addListener(() => {
    void today.refresh(Date.now());
    void sync.syncNow();
  });
  void ensurePeriodicAlarm();
  void pruneUndo(db, Date.now()).catch((error: unknown) => reportError('background/prune-undo', error));
  void ranker.retrainIfStale(MODEL_MAX_AGE_MS).catch((error: unknown) => reportError('background/ranking', error));

  browser.tabs.onRemoved.addListener((tabId) => void tabSummaries.remove(tabId));
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.url === undefined) return;
    void tabSummaries.onTabUrl(tabId, info.url).then(() => updateBadges(tabId));
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void updateBadges(tabId));
  void updateBadges();
}

/** Alarms survive worker restarts; recreating one would reset its schedule, so only add it when missing. */
async function ensurePeriodicAlarm(): Promise<void> {
  const existing = await browser.alarms.get(PERIODIC_ALARM);
  if (!existing) await browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: REFRESH_PERIOD_MIN, delayInMinutes: 1 });
}
