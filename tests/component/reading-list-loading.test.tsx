import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../entrypoints/reading-list/App';
import { FIRST_ROWS } from '../../entrypoints/reading-list/useReadingList';
import { FIRST_FRAME_ROWS } from '../../entrypoints/reading-list/RowList';
import { getDb } from '../../lib/store/db';
import type { PapersInboxDb } from '../../lib/store/db';
import { clearDb, installFakeBackground, type FakeBackground } from './fake-background';
import { NOW, paper, saved } from './builders';

/**
 * The reading list reads its newest rows first and the whole list after the first paint. Here the
 * whole-list read is held back until the test lets it go, so what shows before it is observable.
 */
const gate = vi.hoisted(() => {
  let open: () => void = () => undefined;
  let opened = new Promise<void>((resolve) => (open = resolve));
  return {
    calls: 0,
    wait: () => opened,
    release: () => open(),
    reset() {
      this.calls = 0;
      opened = new Promise<void>((resolve) => (open = resolve));
    },
  };
});

vi.mock('../../lib/store/reading-list', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/store/reading-list')>();
  return {
    ...real,
    allSaved: async (db: PapersInboxDb) => {
      gate.calls += 1;
      await gate.wait();
      return real.allSaved(db);
    },
  };
});

const COUNT = 120;
const ids = Array.from({ length: COUNT }, (_, i) => `2512.${String(10000 + i)}`);
const OLDEST = ids[0] ?? '';

let bg: FakeBackground;
beforeEach(async () => {
  gate.reset();
  await clearDb();
  bg = installFakeBackground();
  const db = getDb();
  // The oldest saved paper (far beyond the first rows) is the only one about lattice QCD.
  await db.papers.bulkPut(ids.map((id, i) => paper(id, i === 0 ? { title: 'Lattice QCD on a budget' } : {})));
  await db.saved.bulkPut(ids.map((id, i) => saved(id, { savedAt: NOW + i, note: i === 1 ? 'ask Ada about quarks' : '' })));
});

const rowIds = () => [...document.querySelectorAll<HTMLElement>('[data-pi-id]')].map((r) => r.dataset.piId);
const newest = (n: number) => [...ids].reverse().slice(0, n);
const status = () => screen.getByRole('status');

it('shows the newest rows before the rest of the list is read, then the whole list in the same order', async () => {
  const firstFrame: string[][] = [];
  const observer = new MutationObserver(() => {
    if (firstFrame.length === 0 && rowIds().length > 0) firstFrame.push(rowIds().flatMap((id) => (id ? [id] : [])));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  render(<App />, { wrapper: bg.wrapper });
  await waitFor(() => expect(rowIds()).toEqual(newest(FIRST_ROWS)));
  observer.disconnect();
  // The first frame holds a screenful; the rest of the first step follows once it is painted.
  expect(firstFrame).toEqual([newest(FIRST_FRAME_ROWS)]);
  expect(status()).toHaveTextContent(`Showing the newest ${FIRST_ROWS} papers; loading the rest for search…`);
  expect(status()).toHaveAttribute('data-pi-complete', 'false');
  // Exporting now would export an incomplete view.
  expect(screen.getByRole('button', { name: 'Export BibTeX' })).toBeDisabled();
  // The whole list is asked for only after the first rows were painted, and is still held back.
  await waitFor(() => expect(gate.calls).toBe(1));

  gate.release();
  await waitFor(() => expect(status()).toHaveTextContent(`${COUNT} of ${COUNT} papers`), { timeout: 5_000 });
  expect(status()).toHaveAttribute('data-pi-complete', 'true');
  expect(rowIds()).toEqual(newest(FIRST_ROWS));
  expect(screen.getByRole('button', { name: 'Export BibTeX' })).toBeEnabled();
  await userEvent.setup().click(screen.getByRole('button', { name: `Show more (${COUNT - FIRST_ROWS} more)` }));
  expect(rowIds()).toEqual(newest(COUNT));
});

it('search covers every saved paper, not just the first rows: title and note of the oldest ones', async () => {
  const user = userEvent.setup();
  render(<App />, { wrapper: bg.wrapper });
  await waitFor(() => expect(rowIds()).toHaveLength(FIRST_ROWS));
  const search = screen.getByRole('searchbox', { name: 'Search reading list' });
  await user.type(search, 'lattice');
  // Until the rest is read the status says the search is not over yet.
  await waitFor(() => expect(status()).toHaveTextContent(`0 of the newest ${FIRST_ROWS} papers so far; loading the rest…`));
  gate.release();
  await waitFor(() => expect(rowIds()).toEqual([OLDEST]), { timeout: 5_000 });
  expect(status()).toHaveTextContent(`1 of ${COUNT} papers`);
  await user.clear(search);
  await user.type(search, 'quarks');
  await waitFor(() => expect(rowIds()).toEqual([ids[1]]));
});

it('a short list is whole in its first rows: complete at once, no second read', async () => {
  await getDb().saved.bulkDelete(ids.slice(3));
  render(<App />, { wrapper: bg.wrapper });
  await waitFor(() => expect(status()).toHaveTextContent('3 of 3 papers'));
  expect(rowIds()).toEqual([ids[2], ids[1], ids[0]]);
  expect(screen.getByRole('button', { name: 'Export BibTeX' })).toBeEnabled();
  expect(gate.calls).toBe(0);
});
