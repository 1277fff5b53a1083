import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../entrypoints/popup/App';
import { getDb } from '../../lib/store/db';
import { clearDb, installFakeBackground, writes, type FakeBackground } from './fake-background';
import { NOW, paper, rule, summary } from './builders';

const TAB = 3;
let bg: FakeBackground;

beforeEach(async () => {
  await clearDb();
  bg = installFakeBackground();
});

it('edits a rule in place, keeping its id and creation time', async () => {
  const user = userEvent.setup();
  const db = getDb();
  await db.papers.bulkPut([paper('2511.00001', { title: 'Diffusion models' }), paper('2511.00002')]);
  await db.filters.put(rule('diffusion', { createdAt: NOW - 5000 }));
  bg.summaries.set(TAB, summary(['2511.00001', '2511.00002'], []));
  render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
  await user.click(await screen.findByRole('button', { name: 'Edit filter diffusion' }));
  const form = screen.getByRole('form', { name: 'Edit filter diffusion' });
  await user.selectOptions(within(form).getByRole('combobox', { name: 'Action' }), 'highlight');
  expect(await screen.findByText('would highlight 1 of 2 papers on this page')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Save filter' }));
  await waitFor(() =>
    expect(writes(bg).at(-1)).toMatchObject({
      type: 'upsert-filter',
      rule: { id: 'rule-diffusion', pattern: 'diffusion', action: 'highlight', createdAt: NOW - 5000, enabled: true },
    }),
  );
  expect(await screen.findByRole('switch', { name: 'Enable filter diffusion' })).toBeInTheDocument();
});

it('sends setting changes to the background', async () => {
  const user = userEvent.setup();
  render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
  await user.click(await screen.findByText('Settings'));
  await user.selectOptions(screen.getByRole('combobox', { name: 'Toolbar badge' }), 'today');
  await waitFor(() => expect(writes(bg).at(-1)).toEqual({ type: 'update-settings', patch: { badge: 'today' } }));
  const scroll = screen.getByRole('switch', { name: 'Mark read when scrolled past' });
  expect(scroll).not.toBeChecked();
  await user.click(scroll);
  await waitFor(() => expect(writes(bg).at(-1)).toEqual({ type: 'update-settings', patch: { markReadOnScrollPast: true } }));
  await waitFor(() => expect(scroll).toBeChecked());
  await user.selectOptions(screen.getByRole('combobox', { name: 'Read cards' }), 'hidden');
  await waitFor(() => expect(writes(bg).at(-1)).toEqual({ type: 'update-settings', patch: { readCards: 'hidden' } }));
  const order = screen.getByRole('combobox', { name: 'Papers order' });
  expect(order).toHaveValue('hf');
  await user.selectOptions(order, 'For you, best first');
  await waitFor(() => expect(writes(bg).at(-1)).toEqual({ type: 'update-settings', patch: { cardOrder: 'for-you' } }));
  await waitFor(() => expect(order).toHaveValue('for-you'));
  await user.selectOptions(order, "Hugging Face's order");
  await waitFor(() => expect(writes(bg).at(-1)).toEqual({ type: 'update-settings', patch: { cardOrder: 'hf' } }));
});

it('says when today\'s list is an old one because the last refresh failed', async () => {
  await getDb().meta.put({
    key: 'today',
    date: '2026-11-23',
    ids: ['2511.00001'],
    fetchedAt: NOW,
    lastError: 'HTTP 503',
    lastErrorAt: NOW + 60_000,
  });
  render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
  expect(await screen.findByText(/^offline — showing the list from 2026-11-23 \d\d:\d\d$/)).toBeInTheDocument();
  await waitFor(() => expect(document.querySelector('[data-pi-count="today-unread"]')).toHaveTextContent('1'));
});

it('opens the reading list in a new tab', async () => {
  const user = userEvent.setup();
  const created: string[] = [];
  vi.spyOn(browser.tabs, 'create').mockImplementation(async (props) => {
    created.push(props.url ?? '');
    return { id: 99, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1, discarded: false, autoDiscardable: true, groupId: -1, frozen: false, selected: true };
  });
  render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
  await user.click(await screen.findByRole('button', { name: 'Open reading list' }));
  await waitFor(() => expect(created).toHaveLength(1));
  expect(created[0]).toMatch(/\/reading-list\.html$/);
});
