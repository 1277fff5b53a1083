import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../entrypoints/popup/App';
import { getDb } from '../../lib/store/db';
import * as repo from '../../lib/store/repository';
import { failureSentence } from '../../lib/sync/sync-failure';
import { newSyncRow } from '../../lib/sync/sync-row';
import { MemorySyncArea } from '../support/memory-sync-area';
import { SyncDevice, turnSyncOn } from '../support/sync-device';
import { VirtualClock } from '../support/virtual-clock';
import { clearDb, installFakeBackground, writes, type FakeBackground } from './fake-background';

const TAB = 3;
let bg: FakeBackground;

beforeEach(async () => {
  await clearDb();
  bg = installFakeBackground();
});

async function openSettings() {
  const user = userEvent.setup();
  render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
  await user.click(await screen.findByText('Settings'));
  return user;
}

const syncSwitch = () => screen.getByRole('switch', { name: 'Sync through your browser' });

it('is off by default, says what is sent where, and turning it on asks the background', async () => {
  const user = await openSettings();
  expect(syncSwitch()).not.toBeChecked();
  expect(syncSwitch()).toHaveAccessibleDescription(/reading list, rules, settings and the last 60 days of read papers go to your browser's own sync .* Nothing goes to us\./);
  expect(screen.queryByText('Not synced yet.')).not.toBeInTheDocument();
  await user.click(syncSwitch());
  await waitFor(() => expect(writes(bg).at(-1)).toEqual({ type: 'update-settings', patch: { sync: true } }));
  await waitFor(() => expect(syncSwitch()).toBeChecked());
  expect(await screen.findByText('Not synced yet.')).toBeInTheDocument();
});

it('works from the keyboard: Space on the focused switch turns it on', async () => {
  const user = await openSettings();
  syncSwitch().focus();
  await user.keyboard(' ');
  await waitFor(() => expect(writes(bg).at(-1)).toEqual({ type: 'update-settings', patch: { sync: true } }));
});

it('shows what the last sync carried and how much of the space it uses, live', async () => {
  const db = getDb();
  await repo.updateSettings(db, { sync: true });
  const row = newSyncRow('a');
  await db.sync.put({ ...row, status: { readCount: 4_200, savedCount: 310, bytes: 63_488, droppedReads: 0, lastSyncAt: 1 } });
  await openSettings();
  expect(await screen.findByText('Synced: 4,200 read papers, 310 saved, 62 % of space used')).toBeInTheDocument();
  await db.sync.put({ ...row, status: { readCount: 4_200, savedCount: 311, bytes: 100_000, droppedReads: 1_500, lastSyncAt: 2 } });
  expect(await screen.findByText('Synced: 4,200 read papers, 311 saved, 98 % of space used')).toBeInTheDocument();
  expect(screen.getByText('1,500 older read papers did not fit: they stay on this device only.')).toBeInTheDocument();
});

it('shows a quota problem as a sentence', async () => {
  const db = getDb();
  await repo.updateSettings(db, { sync: true });
  await db.sync.put({ ...newSyncRow('a'), status: { readCount: 0, savedCount: 2_000, bytes: 0, droppedReads: 0, lastError: failureSentence('too-big') } });
  await openSettings();
  expect(await screen.findByRole('alert')).toHaveTextContent("Not synced: your reading list, rules and settings need more than the browser's 100 KB of sync space. Nothing was lost; everything stays on this device.");
});

it('the popup of one device shows what another device sent through the simulated storage.sync', async () => {
  const clock = new VirtualClock();
  const area = new MemorySyncArea(clock.now);
  const other = new SyncDevice('other', area, clock);
  // This device: the database the popup reads, with its own engine.
  const here = new SyncDevice('here', area.otherDevice(), clock, getDb());
  await repo.savePaper(other.db, { id: '2511.00001', title: 'Sent from the other device' }, clock.now());
  await repo.setRead(other.db, ['2511.00002', '2511.00003'], true, clock.now());
  await Promise.all([turnSyncOn(other), turnSyncOn(here)]);
  await here.engine.syncNow();
  await clock.settle();
  await openSettings();
  expect(await screen.findByText(/^Synced: 2 read papers, 1 saved, \d+ % of space used$/)).toBeInTheDocument();
  await repo.savePaper(other.db, { id: '2511.00004' }, clock.now());
  await clock.settle();
  expect(await screen.findByText(/^Synced: 2 read papers, 2 saved, /)).toBeInTheDocument();
  expect((await getDb().saved.toArray()).map((s) => s.id)).toEqual(['2511.00001', '2511.00004']);
  await other.db.delete();
});
