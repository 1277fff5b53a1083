import { lazy, Suspense, useState } from 'react';
import { useTab } from '../../components/useTab';
import { useTabSummary } from '../../components/useTabSummary';
import { usePageCounts } from '../../components/usePageCounts';
import { PageSection } from './PageSection';
import type { PopupStart } from './start';

// Not needed for the first counts: loaded once they are shown, so the popup's first script stays
// small (the filter form and settings bring Zod with them) and nothing competes with the counts.
const FiltersSection = lazy(() => import('./FiltersSection').then((m) => ({ default: m.FiltersSection })));
const ForYouSection = lazy(() => import('./ForYouSection').then((m) => ({ default: m.ForYouSection })));
// Today's list and the saved count read Dexie: after the page's counts, like the sections below.
const TodaySection = lazy(() => import('./TodaySection').then((m) => ({ default: m.TodaySection })));
const SettingsSection = lazy(() => import('./SettingsSection').then((m) => ({ default: m.SettingsSection })));
const ProblemsRow = lazy(() => import('../../components/ProblemsRow').then((m) => ({ default: m.ProblemsRow })));

const NO_IDS: readonly string[] = [];

/** True from the first render where `value` is true on: what waits for it never goes away again. */
function useLatch(value: boolean): boolean {
  const [latched, setLatched] = useState(value);
  // Adjusting state while rendering (React re-renders at once, before committing).
  if (value && !latched) setLatched(true);
  return latched || value;
}

/**
 * The toolbar popup: the current tab, today's list, filters and settings. `search` is the popup
 * URL's query; `start` holds the lookups main.tsx began before rendering (tab, summary, counts).
 */
export function App(props: { search: string; start?: PopupStart }) {
  const tab = useTab(props.search, props.start?.tab);
  const summaryState = useTabSummary(tab === undefined ? undefined : (tab?.id ?? null), props.start?.summary);
  const summary = summaryState.status === 'ready' ? summaryState.summary : null;
  // A page whose layout we don't recognize gets no counts at all: wrong counts are worse than none.
  const page = summary?.recognized ? summary : null;
  const { tally: counts, live } = usePageCounts(page?.ids ?? null, page?.newIds ?? NO_IDS, props.start?.counts);
  // Today's list, the filters and the settings wait until this page's counts are shown (or known
  // not to exist): they come first. Latched: a later recount must not unmount a half-typed filter.
  const pageSettled = useLatch(summaryState.status !== 'loading' && (page === null || counts !== undefined));
  return (
    <main className="pi-popup">
      <header>
        <h1>
          Papers <span>Inbox</span>
        </h1>
      </header>
      <PageSection tab={tab} state={summaryState} counts={page ? counts : undefined} />
      {pageSettled && (
        <Suspense fallback={null}>
          <TodaySection ready={pageSettled} />
          <ForYouSection />
          <FiltersSection papers={live?.metas ?? []} counts={page ? live?.ruleCounts : undefined} failures={live?.ruleErrors} />
          <SettingsSection />
          <ProblemsRow />
        </Suspense>
      )}
    </main>
  );
}
