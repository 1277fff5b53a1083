import { Count } from '../../components/Count';
import type { PageCounts } from '../../components/page-counts';
import { MarkAllRead } from './MarkAllRead';

/** The four page counts and the page's bulk action. */
export function PageCountsView(props: { tabId: number; counts: PageCounts }) {
  const { counts } = props;
  return (
    <>
      <div className="pi-counts">
        <Count name="new" value={counts.new} label="new" accent="orange" />
        <Count name="unread" value={counts.unread} label="unread" accent="blue" />
        <Count name="hidden" value={counts.hidden} label="hidden" />
        <Count name="total" value={counts.total} label="on this page" />
      </div>
      <MarkAllRead tabId={props.tabId} unreadIds={counts.unreadIds} />
    </>
  );
}
