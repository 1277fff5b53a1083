import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/popup/App';
import { createErrorReporter, PROBLEMS_KEY } from '../../lib/problems';
import { clearDb, installFakeBackground, type FakeBackground } from './fake-background';

const TAB = 3;

let bg: FakeBackground;
beforeEach(async () => {
  await clearDb();
  bg = installFakeBackground();
});

const reporter = () => createErrorReporter({ area: fakeBrowser.storage.session, now: () => Date.UTC(2026, 11, 7, 9) });

it('shows no problems row while nothing went wrong', async () => {
  render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
  expect(await screen.findByText('Settings')).toBeInTheDocument();
  expect(screen.queryByRole('region', { name: 'Problems' })).not.toBeInTheDocument();
});

it('counts the problems the background kept, and copies their details as text for a bug report', async () => {
  const user = userEvent.setup();
  const writeText = vi.fn(async () => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Papers Inbox', version: '0.1.0' });
  const report = reporter();
  report('background/badge', new Error('No tab with id: 9'));
  report('background/badge', new Error('No tab with id: 9'));
  report('background/prune-undo', new Error('Database closed'));
  render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
  const row = await screen.findByRole('region', { name: 'Problems' });
  expect(row).toHaveTextContent('3 problems since the browser started');
  await user.click(screen.getByRole('button', { name: 'Copy details' }));
  expect(writeText).toHaveBeenCalledTimes(1);
  const text = String(writeText.mock.calls[0]?.at(0));
  expect(text).toContain('2026-12-07T09:00:00.000Z ×2 background/badge: Error: No tab with id: 9');
  expect(text).toContain('background/prune-undo: Error: Database closed');
  expect(text.split('\n')[0]).toMatch(/^Papers Inbox 0\.1\.0 — /);
  expect(await screen.findByRole('status')).toHaveTextContent('Copied');
});

it('shows a problem reported while the popup is open, and Clear empties the list', async () => {
  const user = userEvent.setup();
  render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
  expect(await screen.findByText('Settings')).toBeInTheDocument();
  reporter()('background/today-list', new Error('QuotaExceededError'));
  const row = await screen.findByRole('region', { name: 'Problems' });
  expect(row).toHaveTextContent('1 problem since');
  await user.click(screen.getByRole('button', { name: 'Clear' }));
  await waitFor(() => expect(screen.queryByRole('region', { name: 'Problems' })).not.toBeInTheDocument());
  expect((await fakeBrowser.storage.session.get(PROBLEMS_KEY))[PROBLEMS_KEY]).toBeUndefined();
});
