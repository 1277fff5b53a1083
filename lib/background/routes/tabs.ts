import { Done, GetTabCounts, GetTabSummary, ReportPage, TabCountsResponse, TabSummaryResponse } from '../../messages';
import { tabCounts } from '../tab-counts';
import { NOTHING, Refusal, type RouteTable } from './route';

/** What each papers tab reports, and what the popup reads of it. */
export const tabRoutes = {
  'report-page': {
    request: ReportPage,
    response: Done,
    openToContentScripts: true,
    invalidates: { tabReport: true },
    handle: async (req, deps, sender) => {
      if (sender.tabId === undefined) throw new Refusal('Only a browser tab can report a page.');
      await deps.tabSummaries.set(sender.tabId, req.summary);
      return null;
    },
  },
  'get-tab-summary': {
    request: GetTabSummary,
    response: TabSummaryResponse,
    openToContentScripts: false,
    invalidates: NOTHING,
    handle: async (req, deps) => ({ summary: await deps.tabSummaries.get(req.tabId) }),
  },
  'get-tab-counts': {
    request: GetTabCounts,
    response: TabCountsResponse,
    openToContentScripts: false,
    invalidates: NOTHING,
    handle: async (req, deps) => {
      const [summary, list, saved] = await Promise.all([deps.tabSummaries.get(req.tabId), deps.rules.get(), deps.savedIds.get()]);
      return tabCounts(deps.db, deps.filters, summary, list, saved, deps.now());
    },
  },
} satisfies Partial<RouteTable>;
