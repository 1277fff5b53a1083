import type { ResponseMap, StoreChanged } from '../messages';
import { getStates } from '../store/repository';
import { pageContext } from './page-context';
import type { Invalidation, RouteDeps, RouteSender } from './routes/route';

type WrittenStates = NonNullable<Invalidation['states']>;
type States = NonNullable<StoreChanged['states']>;
type Context = ResponseMap['get-page-context'];
const NO_IDS: ReadonlySet<string> = new Set();

/** Whether tabs must hear of it (today's list and a tab's report only move badges). */
const tabsShowIt = (change: Invalidation) =>
  change.states !== undefined || change.rules === true || change.settings === true || change.everything === true;

/**
 * The read/saved state of ids after a write: what the write set is known, the other half comes
 * from the saved-ids cache or the state index (a few rows), never from the paper records.
 */
async function statesAfter(deps: RouteDeps, written: WrittenStates): Promise<States> {
  const ids = [...new Set(written.ids)];
  const read = written.read === undefined ? (await getStates(deps.db, ids, NO_IDS)).read : written.read ? ids : [];
  if (written.saved !== undefined) return { read, saved: written.saved ? ids : [] };
  const savedIds = await deps.savedIds.get();
  return { read, saved: ids.filter((id) => savedIds.has(id)) };
}

/** The notice without absent fields (what tabs receive is what the schema describes). */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The one `store-changed` a change sends: states with its ids, the page context with rules or settings. */
function noticeOf(change: Invalidation, states: States | undefined, context: Context | undefined): StoreChanged {
  const { rules, settings, origin } = change;
  return { type: 'store-changed', ...dropUndefined({ ids: change.states?.ids, states, rules, settings, origin, context }) };
}

/** Drops what the change made stale: the saved ids after any write, the rules unless only states changed. */
function forgetStale(deps: RouteDeps, change: Invalidation): void {
  if (change.rules || change.states === undefined) deps.rules.forget();
  deps.savedIds.forget();
}

/**
 * Carries out a route's `invalidates` after it succeeded: caches, the "for you" retrain, the
 * notice to the tabs, the badges. The states are read before the caches are dropped: the
 * saved ids still kept answer for a write that set only the read half.
 */
export function createInvalidator(deps: RouteDeps) {
  return async function invalidate(change: Invalidation, sender: RouteSender): Promise<void> {
    if (change.tabReport && sender.tabId !== undefined) deps.onStateChange(sender.tabId);
    if (!tabsShowIt(change)) {
      if (change.today) deps.onStateChange();
      return;
    }
    const states = change.states && (await statesAfter(deps, change.states));
    forgetStale(deps, change);
    // Saves, reads, mutes and rules are the model's signals; the settings are not.
    if (!change.settings || change.rules) deps.ranker?.retrainSoon();
    // Rules and settings travel with the notice: pages apply them without asking again.
    const context = change.rules || change.settings ? await pageContext(deps.db) : undefined;
    deps.notifyTabs(noticeOf(change, states, context));
    deps.onStateChange();
  };
}
