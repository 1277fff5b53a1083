import type { TabRef } from '../../components/useTab';
import type { TabSummaryState } from '../../components/useTabSummary';
import type { PageTally } from '../../components/page-tally';
import { ErrorText } from '../../components/ErrorText';
import { PageCountsView } from './PageCountsView';

const PAPERS_URL = 'https://huggingface.co/papers';

function isPapersUrl(url: string | undefined): boolean {
  return url !== undefined && /^https:\/\/huggingface\.co\/papers(?:[/?#]|$)/.test(url);
}

/** What the popup says about the current tab: its counts, or why there are none. */
export function PageSection(props: { tab: TabRef | null | undefined; state: TabSummaryState; counts: PageTally | undefined }) {
  const { tab, state } = props;
  let body: React.ReactNode;
  if (tab === undefined || state.status === 'loading') {
    body = <p className="pi-muted">Looking at this tab…</p>;
  } else if (state.status === 'error') {
    body = <ErrorText message={state.error} />;
  } else if (state.summary === null) {
    body = isPapersUrl(tab?.url) ? (
      <p>Papers Inbox hasn't seen this page's papers yet. Reload the page to count them.</p>
    ) : (
      <p>
        Open <a href={PAPERS_URL} target="_blank" rel="noreferrer">Hugging Face Daily Papers</a> to see what's new.
      </p>
    );
  } else if (!state.summary.recognized) {
    body = (
      <p role="status">
        Papers Inbox doesn't recognize this page's layout — Hugging Face may have changed it. Nothing on this page was marked.
      </p>
    );
  } else if (props.counts === undefined || tab === null) {
    body = <p className="pi-muted">Counting…</p>;
  } else {
    body = <PageCountsView tabId={tab.id} counts={props.counts} />;
  }
  return (
    <section className="pi-card" aria-labelledby="pi-page-h">
      <h2 className="pi-h" id="pi-page-h">This page</h2>
      {body}
    </section>
  );
}
