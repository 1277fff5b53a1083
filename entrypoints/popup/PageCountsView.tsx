import { Count } from '../../components/Count';
import type { PageTally } from '../../components/page-tally';
import { MarkAllRead } from './MarkAllRead';

/** The four page counts and the page's bulk action. */
export function PageCountsView(props: { tabId: number; counts: PageTally }) {
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
