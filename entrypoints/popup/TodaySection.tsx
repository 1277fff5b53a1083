import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/store/db';
import { Count } from '../../components/Count';
import { computePageCounts } from '../../components/page-counts';
import { useFilterEngine } from '../../components/filter-engine';
import type { FilterEngine } from '../../lib/filters/match';
import { formatDate, formatTime } from '../../components/format';
import { openReadingList } from '../../components/open-reading-list';

/** Today's list (from the API refresh) and the reading list: shown for any tab. */
async function loadToday(filters: FilterEngine) {
  const db = getDb();
  const [today, saved, rules] = await Promise.all([db.meta.get('today'), db.saved.count(), db.filters.toArray()]);
  if (!today) return { today, saved, unread: undefined };
  const records = await db.papers.bulkGet(today.ids);
  // Same meaning as on a page: not read and not hidden by a filter.
  const unread = computePageCounts(filters, today.ids, [], records, rules, Date.now()).unread;
  return { today, saved, unread };
}

/** `ready`: start reading (the popup holds this back until the page's own counts are shown). */
export function TodaySection(props: { ready: boolean }) {
  const { ready } = props;
  const filters = useFilterEngine();
  const data = useLiveQuery(() => (ready ? loadToday(filters) : undefined), [ready, filters]);
  if (!data) return null;
  const { today } = data;
  return (
    <section className="pi-card" aria-labelledby="pi-today-h">
      <h2 className="pi-h" id="pi-today-h">Today &amp; reading list</h2>
      <div className="pi-counts">
        {data.unread !== undefined && <Count name="today-unread" value={data.unread} label="unread today" accent="blue" />}
        <Count name="saved" value={data.saved} label="saved" accent="orange" />
      </div>
      {today ? (
        <p className="pi-muted">
          {today.lastError
            ? `offline — showing the list from ${formatDate(today.fetchedAt)} ${formatTime(today.fetchedAt)}`
            : `fetched ${formatTime(today.fetchedAt)}`}
        </p>
      ) : (
        <p className="pi-muted">Today's list hasn't been fetched yet.</p>
      )}
      <button type="button" className="pi-link" onClick={() => void openReadingList()}>
        Open reading list
      </button>
    </section>
  );
}
