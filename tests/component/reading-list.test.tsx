import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../entrypoints/reading-list/App';
import { getDb } from '../../lib/store/db';
import { toBibtex } from '../../lib/export/bibtex';
import { toCsv } from '../../lib/export/csv';
import { clearDb, installFakeBackground, writes, type FakeBackground } from './fake-background';
import { NOW, paper, saved } from './builders';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';
let bg: FakeBackground;

beforeEach(async () => {
  await clearDb();
  bg = installFakeBackground();
  const db = getDb();
  await db.papers.bulkPut([
    paper('2511.00011', { title: 'Scaling Transformers for Protein Design', authors: ['Ada Lovelace'], summary: 'We fold proteins.', upvotes: 40, publishedAt: '2026-11-01T00:00:00.000Z' }),
    paper('2511.00012', { title: HOSTILE, authors: ['Mallory'], upvotes: 3, publishedAt: '2026-11-10T00:00:00.000Z' }),
    paper('2511.00013', { title: 'Diffusion for Video', authors: ['Grace Hopper'], summary: 'Video generation with transformers.', upvotes: 12 }),
  ]);
  await db.saved.bulkPut([
    saved('2511.00011', { savedAt: NOW - 3000, tags: ['bio'], note: 'read with the team' }),
    saved('2511.00012', { savedAt: NOW - 2000 }),
    saved('2511.00013', { savedAt: NOW - 1000, tags: ['video'], status: 'done' }),
  ]);
});

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-pi-id]')];
}
const rowIds = () => rows().map((r) => r.dataset.piId);

async function ready() {
  await waitFor(() => expect(rows()).toHaveLength(3));
}

it('shows each saved paper as a row, newest saved first, with text titles only', async () => {
  render(<App />, { wrapper: bg.wrapper });
  await ready();
  expect(rowIds()).toEqual(['2511.00013', '2511.00012', '2511.00011']);
  expect(screen.getByRole('link', { name: HOSTILE })).toHaveAttribute('href', 'https://huggingface.co/papers/2511.00012');
  expect(document.querySelector('.pi-list img')).toBeNull();
  expect(screen.getByText('3 of 3 papers')).toBeInTheDocument();
  const first = rows()[0];
  if (!first) throw new Error('no row');
  expect(within(first).getByRole('link', { name: 'arXiv' })).toHaveAttribute('href', 'https://arxiv.org/abs/2511.00013');
});

it('expands the abstract on demand', async () => {
  const user = userEvent.setup();
  render(<App />, { wrapper: bg.wrapper });
  await ready();
  const row = rows()[2];
  if (!row) throw new Error('no row');
  const button = within(row).getByRole('button', { name: 'Show abstract' });
  expect(button).toHaveAttribute('aria-expanded', 'false');
  await user.click(button);
  expect(within(row).getByText('We fold proteins.')).toBeInTheDocument();
  expect(within(row).getByRole('button', { name: 'Hide abstract' })).toHaveAttribute('aria-expanded', 'true');
});

it('search narrows the rows: every word must match title, abstract, authors, note or tags', async () => {
  const user = userEvent.setup();
  render(<App />, { wrapper: bg.wrapper });
  await ready();
  const search = screen.getByRole('searchbox', { name: 'Search reading list' });
  await user.type(search, 'TRANSFORMERS');
  await waitFor(() => expect(rowIds()).toEqual(['2511.00013', '2511.00011']));
  await user.type(search, ' team');
  await waitFor(() => expect(rowIds()).toEqual(['2511.00011']));
  expect(screen.getByText('1 of 3 papers')).toBeInTheDocument();
  await user.clear(search);
  await user.type(search, 'hopper');
  await waitFor(() => expect(rowIds()).toEqual(['2511.00013']));
});

it('filters by tag and by status, and sorts by upvotes', async () => {
  const user = userEvent.setup();
  render(<App />, { wrapper: bg.wrapper });
  await ready();
  await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by tag' }), 'bio');
  await waitFor(() => expect(rowIds()).toEqual(['2511.00011']));
  await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by tag' }), '');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by status' }), 'done');
  await waitFor(() => expect(rowIds()).toEqual(['2511.00013']));
  await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by status' }), 'all');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'upvotes');
  await waitFor(() => expect(rowIds()).toEqual(['2511.00011', '2511.00013', '2511.00012']));
});

it('saves an edited note through the background when the field loses focus', async () => {
  const user = userEvent.setup();
  render(<App />, { wrapper: bg.wrapper });
  await ready();
  const note = screen.getByRole('textbox', { name: 'Note for Diffusion for Video' });
  await user.type(note, 'cite in ch. 3');
  await user.tab();
  await waitFor(() =>
    expect(writes(bg)).toEqual([{ type: 'update-saved', id: '2511.00013', note: 'cite in ch. 3' }]),
  );
});

it('adds a tag with Enter and removes one with its × button', async () => {
  const user = userEvent.setup();
  render(<App />, { wrapper: bg.wrapper });
  await ready();
  await user.type(screen.getByRole('textbox', { name: 'Add tag to Diffusion for Video' }), 'survey{Enter}');
  await waitFor(() => expect(writes(bg).at(-1)).toEqual({ type: 'update-saved', id: '2511.00013', tags: ['video', 'survey'] }));
  await user.click(await screen.findByRole('button', { name: 'Remove tag survey' }));
  await waitFor(() => expect(writes(bg).at(-1)).toEqual({ type: 'update-saved', id: '2511.00013', tags: ['video'] }));
});

it('marks a paper done and removes one from the list', async () => {
  const user = userEvent.setup();
  render(<App />, { wrapper: bg.wrapper });
  await ready();
  await user.selectOptions(screen.getByRole('combobox', { name: `Status of ${HOSTILE}` }), 'done');
  await waitFor(() => expect(writes(bg).at(-1)).toEqual({ type: 'update-saved', id: '2511.00012', status: 'done' }));
  const row = rows()[1];
  if (!row) throw new Error('no row');
  await user.click(within(row).getByRole('button', { name: 'Remove from reading list' }));
  await waitFor(() => expect(rowIds()).toEqual(['2511.00013', '2511.00011']));
  expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
});

describe('export', () => {
  let blobs: Blob[];
  let downloads: string[];
  beforeEach(() => {
    blobs = [];
    downloads = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:test/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
  });

  it('exports the filtered view in each format and says how many papers', async () => {
    const user = userEvent.setup();
    render(<App />, { wrapper: bg.wrapper });
    await ready();
    await user.type(screen.getByRole('searchbox', { name: 'Search reading list' }), 'protein');
    await waitFor(() => expect(rowIds()).toEqual(['2511.00011']));
    expect(screen.getByText('Exports the 1 paper shown')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /BibTeX/ }));
    await user.click(screen.getByRole('button', { name: /CSV/ }));
    await user.click(screen.getByRole('button', { name: /Markdown/ }));
    await user.click(screen.getByRole('button', { name: /JSON/ }));
    expect(blobs).toHaveLength(4);
    const db = getDb();
    const entry = { paper: (await db.papers.get('2511.00011')) ?? paper('x'), saved: (await db.saved.get('2511.00011')) ?? saved('x') };
    expect(await blobs[0]?.text()).toBe(toBibtex([entry]));
    expect(await blobs[1]?.text()).toBe(toCsv([entry]));
    expect(await blobs[3]?.text()).toContain('Scaling Transformers for Protein Design');
    expect(await blobs[3]?.text()).not.toContain('Diffusion for Video');
    expect(downloads).toHaveLength(4);
    expect(downloads.every((name) => name.length > 0)).toBe(true);
  });

  it('backs up everything to a dated JSON file', async () => {
    const user = userEvent.setup();
    render(<App />, { wrapper: bg.wrapper });
    await ready();
    await user.click(screen.getByRole('button', { name: 'Back up everything' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]).toMatch(/^papers-inbox-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(await blobs[0]?.text()).toContain('2511.00012');
  });
});

it('restoring a bad file shows the background\'s sentence and changes nothing', async () => {
  const user = userEvent.setup();
  render(<App />, { wrapper: bg.wrapper });
  await ready();
  const input = screen.getByLabelText('Restore from backup file');
  await user.upload(input, new File(['this is not json'], 'backup.json', { type: 'application/json' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('This file is not a Papers Inbox backup: it is not valid JSON.');
  expect(writes(bg)).toEqual([{ type: 'restore-backup', text: 'this is not json' }]);
  expect(rows()).toHaveLength(3);
});

it('restoring a good file shows what was restored', async () => {
  const user = userEvent.setup();
  bg.restoreResult = { papersAdded: 12, papersUpdated: 3, savedAdded: 5, savedUpdated: 0, filtersAdded: 1, filtersUpdated: 0, settingsRestored: true, filtersSwitchedOff: [] };
  render(<App />, { wrapper: bg.wrapper });
  await ready();
  await user.upload(screen.getByLabelText('Restore from backup file'), new File(['{}'], 'b.json', { type: 'application/json' }));
  expect(await screen.findByText(/^Restored: 12 papers added, 3 updated, 5 saved added/)).toBeInTheDocument();
});

it('a restore that switched a rule off says which and why', async () => {
  const user = userEvent.setup();
  bg.restoreResult = {
    papersAdded: 0, papersUpdated: 0, savedAdded: 0, savedUpdated: 0, filtersAdded: 1, filtersUpdated: 0, settingsRestored: true,
    filtersSwitchedOff: [{ pattern: '(a)\\1', error: 'It uses a back-reference.' }],
  };
  render(<App />, { wrapper: bg.wrapper });
  await ready();
  await user.upload(screen.getByLabelText('Restore from backup file'), new File(['{}'], 'b.json', { type: 'application/json' }));
  expect(await screen.findByText(/The filter "\(a\)\\1" was restored switched off: It uses a back-reference\./)).toBeInTheDocument();
});

it('says how to save papers when the list is empty', async () => {
  await clearDb();
  render(<App />, { wrapper: bg.wrapper });
  expect(
    await screen.findByText('Your reading list is empty. Save papers on huggingface.co/papers with the Save button or the s key.'),
  ).toBeInTheDocument();
});

it('renders only the first rows of a long list and more on request', async () => {
  const user = userEvent.setup();
  const db = getDb();
  const ids = Array.from({ length: 120 }, (_, i) => `2512.${String(10000 + i)}`);
  await db.papers.bulkPut(ids.map((id) => paper(id)));
  await db.saved.bulkPut(ids.map((id, i) => saved(id, { savedAt: NOW + i })));
  render(<App />, { wrapper: bg.wrapper });
  // The whole list is read after the first rows are painted (fake-indexeddb is slow: wait longer).
  expect(await screen.findByText('123 of 123 papers', undefined, { timeout: 5_000 })).toBeInTheDocument();
  expect(rows()).toHaveLength(50);
  await user.click(screen.getByRole('button', { name: /Show more/ }));
  expect(rows()).toHaveLength(123);
});

it('"/" focuses the search box', async () => {
  const user = userEvent.setup();
  render(<App />, { wrapper: bg.wrapper });
  await ready();
  await user.keyboard('/');
  expect(screen.getByRole('searchbox', { name: 'Search reading list' })).toHaveFocus();
});
