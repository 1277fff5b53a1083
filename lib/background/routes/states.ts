import { CardsShown, CardsShownResponse, GetMonthStates, GetStates, GetStatesResponse, MonthStatesResponse } from '../../messages';
import * as repo from '../../store/repository';
import { slotOf } from '../../store/state-bits';
import { filtersOn, verdictsFor } from '../verdicts';
import { NOTHING, type RouteDeps, type RouteTable } from './route';

/** The first batch of a tab is "a papers page was opened": refresh today's list (throttled). */
function refreshOnFirstBatch(deps: RouteDeps, tabId: number | undefined): void {
  if (tabId === undefined || deps.seenTabs.has(tabId)) return;
  deps.seenTabs.add(tabId);
  void deps.refreshToday(false).catch((error: unknown) => deps.reportError('background/refresh-today', error));
}

/** What a page shows of its papers: states, saved, verdicts and scores. Nothing here writes what tabs show. */
export const stateRoutes = {
  'cards-shown': {
    request: CardsShown,
    response: CardsShownResponse,
    openToContentScripts: true,
    // "Shown" is recorded, but no tab shows another load's "new": nothing to tell them.
    invalidates: NOTHING,
    handle: async (req, deps, sender) => {
      const { papers, ...result } = await repo.recordShown(deps.db, req.loadId, req.papers, deps.now());
      const ids = req.papers.map((paper) => paper.id);
      refreshOnFirstBatch(deps, sender.tabId);
      const scores = await deps.ranker?.pageScores(papers);
      return { ...result, verdicts: verdictsFor(deps.filters, await deps.rules.get(), ids, papers, [], deps.now()), scores };
    },
  },
  'get-states': {
    request: GetStates,
    response: GetStatesResponse,
    openToContentScripts: true,
    invalidates: NOTHING,
    handle: async (req, deps) => {
      const [list, saved] = await Promise.all([deps.rules.get(), deps.savedIds.get()]);
      // The rows read for the states also feed the filters: one read, none when unneeded.
      const { stored = [], ...states } = await repo.getStates(deps.db, req.ids, saved, filtersOn(list));
      const verdicts = verdictsFor(deps.filters, list, req.ids, stored, req.papers ?? [], deps.now());
      const scores = await deps.ranker?.stateScores(req.ids, stored, req.papers ?? []);
      return { ...states, verdicts, scores };
    },
  },
  'get-month-states': {
    request: GetMonthStates,
    response: MonthStatesResponse,
    openToContentScripts: true,
    invalidates: NOTHING,
    handle: async (req, deps) => {
      const [list, saved, hasModel] = await Promise.all([deps.rules.get(), deps.savedIds.get(), deps.ranker?.hasModel() ?? false]);
      // A rule's verdict or a model's score needs the papers' text: the index alone would show a card wrong.
      if (filtersOn(list) || hasModel) return { predictable: false, read: [], shown: [], saved: [] };
      const states = await repo.getMonthStates(deps.db, req.month);
      return { predictable: true, ...states, saved: [...saved].filter((id) => slotOf(id)?.key === req.month) };
    },
  },
} satisfies Partial<RouteTable>;
