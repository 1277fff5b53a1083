import { useTab } from '../../components/useTab';
import { useTabSummary } from '../../components/useTabSummary';
import { usePageCounts } from '../../components/usePageCounts';
import { PageSection } from './PageSection';
import { TodaySection } from './TodaySection';
import { FiltersSection } from './FiltersSection';
import { SettingsSection } from './SettingsSection';

const NO_IDS: readonly string[] = [];

/** The toolbar popup: the current tab, today's list, filters and settings. `search` is the popup URL's query. */
export function App(props: { search: string }) {
  const tab = useTab(props.search);
  const summaryState = useTabSummary(tab === undefined ? undefined : (tab?.id ?? null));
  const summary = summaryState.status === 'ready' ? summaryState.summary : null;
  // A page whose layout we don't recognize gets no counts at all: wrong counts are worse than none.
  const page = summary?.recognized ? summary : null;
  const counts = usePageCounts(page?.ids ?? NO_IDS, page?.newIds ?? NO_IDS);
  return (
    <main className="pi-popup">
      <header>
        <h1>
          Papers <span>Inbox</span>
        </h1>
      </header>
      <PageSection tab={tab} state={summaryState} counts={page ? counts : undefined} />
      <TodaySection />
      <FiltersSection papers={counts?.metas ?? []} counts={page ? counts?.ruleCounts : undefined} failures={counts?.ruleErrors} />
      <SettingsSection />
    </main>
  );
}
