import type { BadgeMode } from '../settings';
import type { PageSummary } from '../page-summary';
import type { ReportError } from '../problems';
import type { z } from 'zod';

type Mode = z.infer<typeof BadgeMode>;

/** HF's orange for a papers tab's own count, a calm blue for today's global count. */
export const BADGE_COLOR_PAGE = '#FF9D00';
export const BADGE_COLOR_TODAY = '#3B82F6';

export interface BadgeInput {
  mode: Mode;
  tabSummary: PageSummary | null;
  todayUnread: number;
}

const format = (n: number) => (n <= 0 ? '' : n > 999 ? '999+' : String(n));

/** Unread of this papers tab (after filters) in 'page' mode; today's unread elsewhere or in 'today'. */
export function badgeTextFor({ mode, tabSummary, todayUnread }: BadgeInput): string {
  if (mode === 'off') return '';
  if (mode === 'page' && tabSummary?.recognized) return format(tabSummary.counts.unread);
  return format(todayUnread);
}

export function badgeColorFor({ mode, tabSummary }: BadgeInput): string {
  return mode === 'page' && tabSummary?.recognized ? BADGE_COLOR_PAGE : BADGE_COLOR_TODAY;
}

/** The slice of `browser.action` we use. */
export interface ActionApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
}

export interface BadgeDeps {
  action: ActionApi;
  getMode(): Promise<Mode>;
  todayUnread(): Promise<number>;
  summaryOf(tabId: number): Promise<PageSummary | null>;
  reportError: ReportError;
  /** Ids of open tabs, so every tab's per-tab text is recomputed (never stale). */
  tabIds(): Promise<number[]>;
}

/** Recomputes the global text and every tab's text; called after any state/filter/settings change. */
export function createBadgeUpdater(deps: BadgeDeps) {
  async function updateTab(tabId: number, mode: Mode, todayUnread: number): Promise<void> {
    const input: BadgeInput = { mode, tabSummary: await deps.summaryOf(tabId), todayUnread };
    await deps.action.setBadgeText({ tabId, text: badgeTextFor(input) });
    await deps.action.setBadgeBackgroundColor({ tabId, color: badgeColorFor(input) });
  }

  return async function updateBadges(onlyTab?: number): Promise<void> {
    try {
      const [mode, todayUnread] = await Promise.all([deps.getMode(), deps.todayUnread()]);
      const global: BadgeInput = { mode, tabSummary: null, todayUnread };
      await deps.action.setBadgeText({ text: badgeTextFor(global) });
      await deps.action.setBadgeBackgroundColor({ color: BADGE_COLOR_TODAY });
      const tabs = onlyTab === undefined ? await deps.tabIds() : [onlyTab];
      // A closed tab makes setBadgeText reject; one bad tab must not stop the others.
      await Promise.all(tabs.map((id) => updateTab(id, mode, todayUnread).catch(() => undefined)));
    } catch (error) {
      // The badge is decoration: a failure here must never break a request, but it is told.
      deps.reportError('background/badge', error);
    }
  };
}
