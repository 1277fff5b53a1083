import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as Popup } from '../../entrypoints/popup/App';
import { App as ReadingList } from '../../entrypoints/reading-list/App';
import { createClient } from '../../lib/client';
import { createRequestHandler } from '../../lib/background/handle-request';
import type { PageSummary } from '../../lib/page-summary';
import type { StoreChanged } from '../../lib/messages';
import { getDb } from '../../lib/store/db';
import { clearDb } from './fake-background';
import { NOW, paper, saved, summary } from './builders';
import { FilterEngine } from '../../lib/filters/match';
import { createPageServices } from '../../components/page-services';
import { pageWrapper, type PageWrapper } from './page-wrapper';

/**
 * The pages wired to the real background handler over fake-indexeddb: proves the requests the
 * pages send are ones the background accepts, and that its writes reach the pages through Dexie.
 */
const ORIGIN = 'chrome-extension://test-id/';
const TAB = 4;
let notified: StoreChanged[];
let wrapper: PageWrapper;

beforeEach(async () => {
  await clearDb();
  notified = [];
  const summaries = new Map<number, PageSummary>();
  summaries.set(TAB, summary(['2511.00001', '2511.00002'], ['2511.00001']));
  const handler = createRequestHandler({
    db: getDb(),
    now: () => Date.now(),
    runtimeId: 'test-id',
    extensionOrigin: ORIGIN,
    notifyTabs: (msg) => notified.push(msg),
    onStateChange: () => undefined,
    tabSummaries: {
      get: async (tabId: number) => summaries.get(tabId) ?? null,
      set: async (tabId: number, s: PageSummary) => void summaries.set(tabId, s),
    },
    refreshToday: async () => ({ ok: true, fetchedAt: NOW }),
    filters: new FilterEngine(),
    reportError: () => undefined,
  });
  const client = createClient((request) => handler(request, { id: 'test-id', url: `${ORIGIN}popup.html` }));
  wrapper = pageWrapper(createPageServices(client));
  await getDb().papers.bulkPut([paper('2511.00001'), paper('2511.00002')]);
});

it('popup: "Mark all read" through the background marks the page read and tells the tabs', async () => {
  const user = userEvent.setup();
  render(<Popup search={`?tabId=${TAB}`} />, { wrapper });
  await waitFor(() => expect(document.querySelector('[data-pi-count="unread"]')).toHaveTextContent('2'));
  await user.click(screen.getByRole('button', { name: 'Mark all read' }));
  await waitFor(() => expect(document.querySelector('[data-pi-count="unread"]')).toHaveTextContent('0'));
  expect(notified.length).toBeGreaterThan(0);
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  await waitFor(() => expect(document.querySelector('[data-pi-count="unread"]')).toHaveTextContent('2'));
});

it('popup: a filter added through the background hides papers from the counts', async () => {
  const user = userEvent.setup();
  await getDb().papers.put(paper('2511.00002', { title: 'Video diffusion at scale' }));
  render(<Popup search={`?tabId=${TAB}`} />, { wrapper });
  await waitFor(() => expect(document.querySelector('[data-pi-count="hidden"]')).toHaveTextContent('0'));
  await user.type(await screen.findByRole('textbox', { name: /pattern/i }), 'diffusion');
  await user.click(screen.getByRole('button', { name: 'Add filter' }));
  await waitFor(() => expect(document.querySelector('[data-pi-count="hidden"]')).toHaveTextContent('1'));
  expect(document.querySelector('[data-pi-count="unread"]')).toHaveTextContent('1');
});

it('reading list: a note and a bad backup file go through the background', async () => {
  const user = userEvent.setup();
  await getDb().saved.put(saved('2511.00001'));
  render(<ReadingList />, { wrapper });
  const note = await screen.findByRole('textbox', { name: 'Note for Paper 2511.00001' });
  await user.type(note, 'good baseline');
  await user.tab();
  await waitFor(async () => expect((await getDb().saved.get('2511.00001'))?.note).toBe('good baseline'));
  await user.upload(screen.getByLabelText('Restore from backup file'), new File(['{"nope": true}'], 'x.json', { type: 'application/json' }));
  expect(await screen.findByRole('alert')).toHaveTextContent(/\w/);
  expect(await getDb().saved.count()).toBe(1);
});
