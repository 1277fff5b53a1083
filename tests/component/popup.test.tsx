import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../entrypoints/popup/App';
import { startPopup } from '../../entrypoints/popup/start';
import { getDb } from '../../lib/store/db';
import { clearDb, installFakeBackground, writes, type FakeBackground } from './fake-background';
import { NOW, paper, rule, saved, summary } from './builders';

const TAB = 7;
const IDS = ['2511.00001', '2511.00002', '2511.00003', '2511.00004', '2511.00005'];
let bg: FakeBackground;

async function countOf(name: string): Promise<string | null> {
  await waitFor(() => expect(document.querySelector(`[data-pi-count="${name}"]`)).not.toBeNull());
  return document.querySelector(`[data-pi-count="${name}"]`)?.textContent ?? null;
}

beforeEach(async () => {
  await clearDb();
  bg = installFakeBackground();
  const db = getDb();
  await db.papers.bulkPut([
    paper(IDS[0] ?? ''),
    paper(IDS[1] ?? '', { readAt: NOW }),
    paper(IDS[2] ?? '', { title: 'Faster diffusion sampling' }),
    paper(IDS[3] ?? ''),
    paper(IDS[4] ?? ''),
  ]);
  await db.filters.put(rule('diffusion'));
  // Two of today's three papers are unread; the third was read.
  await db.meta.put({ key: 'today', date: '2026-11-23', ids: IDS.slice(0, 3), fetchedAt: NOW });
  await db.saved.bulkPut([saved(IDS[0] ?? ''), saved(IDS[3] ?? '')]);
});

describe('popup on a papers tab', () => {
  beforeEach(() => {
    bg.summaries.set(TAB, summary(IDS, [IDS[0] ?? '', IDS[2] ?? '']));
  });

  it('shows new, unread, hidden and total computed from the store and the filters', async () => {
    render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
    expect(await countOf('total')).toBe('5');
    // One read, one hidden by "diffusion": three unread; of the two new ones one is hidden.
    await waitFor(() => expect(document.querySelector('[data-pi-count="unread"]')).toHaveTextContent('3'));
    expect(await countOf('hidden')).toBe('1');
    expect(await countOf('new')).toBe('1');
  });

  it('shows today\'s unread count, the saved count and the fetch time for any tab', async () => {
    render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
    // Today: 00001 unread, 00002 read, 00003 hidden by the filter.
    expect(await countOf('today-unread')).toBe('1');
    expect(await countOf('saved')).toBe('2');
    expect(screen.getByText(/^fetched \d\d:\d\d$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open reading list' })).toBeInTheDocument();
  });

  it('"Mark all read" sends one request with the visible unread ids and offers undo', async () => {
    const user = userEvent.setup();
    render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
    await waitFor(() => expect(document.querySelector('[data-pi-count="unread"]')).toHaveTextContent('3'));
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    expect(await screen.findByText('Marked 3 papers read')).toBeInTheDocument();
    const marks = writes(bg).filter((r) => r.type === 'mark-all-read');
    expect(marks).toEqual([{ type: 'mark-all-read', ids: [IDS[0], IDS[3], IDS[4]] }]);
    // The live query picks up the new read states.
    await waitFor(() => expect(document.querySelector('[data-pi-count="unread"]')).toHaveTextContent('0'));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(writes(bg).some((r) => r.type === 'undo')).toBe(true));
  });

  it('lists each rule with its count on this page, a switch and a delete button', async () => {
    const user = userEvent.setup();
    render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
    const toggle = await screen.findByRole('switch', { name: 'Enable filter diffusion' });
    expect(toggle).toBeChecked();
    await waitFor(() => expect(screen.getByText('1 hidden')).toBeInTheDocument());
    await user.click(toggle);
    await waitFor(() => expect(writes(bg).at(-1)).toMatchObject({ type: 'upsert-filter', rule: { id: 'rule-diffusion', enabled: false } }));
    await user.click(screen.getByRole('button', { name: 'Delete filter diffusion' }));
    await waitFor(() => expect(writes(bg).at(-1)).toEqual({ type: 'delete-filter', id: 'rule-diffusion' }));
  });

  it('previews a new filter live against the papers on this page', async () => {
    const user = userEvent.setup();
    render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
    await countOf('total');
    // The filter form is loaded after the counts.
    await user.type(await screen.findByRole('textbox', { name: /pattern/i }), 'sampling');
    expect(await screen.findByText('would hide 1 of 5 papers on this page')).toBeInTheDocument();
  });

  it('refuses an invalid regex with a sentence and sends nothing', async () => {
    const user = userEvent.setup();
    render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
    await countOf('total');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Kind' }), 'regex');
    // An unterminated group: not a valid JavaScript regex.
    await user.type(screen.getByRole('textbox', { name: /pattern/i }), 'diff(usion');
    await user.click(screen.getByRole('button', { name: 'Add filter' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/regular expression is not valid/i);
    expect(writes(bg).filter((r) => r.type === 'upsert-filter')).toEqual([]);
  });

  it('adds a filter through the background', async () => {
    const user = userEvent.setup();
    render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
    await countOf('total');
    await user.type(await screen.findByRole('textbox', { name: /pattern/i }), 'robotics');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'dim');
    await user.click(screen.getByRole('button', { name: 'Add filter' }));
    await waitFor(() =>
      expect(writes(bg).filter((r) => r.type === 'upsert-filter')).toEqual([
        {
          type: 'upsert-filter',
          rule: expect.objectContaining({ pattern: 'robotics', kind: 'keyword', action: 'dim', enabled: true, fields: ['title', 'abstract', 'keywords'] }),
        },
      ]),
    );
    // The new rule appears in the list from Dexie.
    expect(await screen.findByRole('switch', { name: 'Enable filter robotics' })).toBeChecked();
  });
});

describe('popup elsewhere', () => {
  it('on a non-papers tab says where to go, with a link', async () => {
    render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
    expect(await screen.findByText(/to see what's new/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Hugging Face Daily Papers' })).toHaveAttribute('href', 'https://huggingface.co/papers');
    expect(document.querySelector('[data-pi-count="total"]')).toBeNull();
    expect(await countOf('saved')).toBe('2');
  });

  it('on a page whose layout is not recognized says so and shows no page counts', async () => {
    bg.summaries.set(TAB, summary([], [], { recognized: false }));
    render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
    const section = await screen.findByText(/doesn't recognize this page's layout/);
    expect(section).toHaveTextContent('Nothing on this page was marked.');
    for (const name of ['new', 'unread', 'hidden', 'total']) {
      expect(document.querySelector(`[data-pi-count="${name}"]`)).toBeNull();
    }
    expect(screen.queryByRole('button', { name: 'Mark all read' })).toBeNull();
    within(document.body).getByText(/doesn't recognize/);
  });
});

describe('popup start-up order', () => {
  beforeEach(() => {
    bg.summaries.set(TAB, summary(IDS, [IDS[0] ?? '', IDS[2] ?? '']));
  });

  /** Records the order in which counts first appear in the DOM. */
  function recordCountOrder(order: string[]): MutationObserver {
    const observer = new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-pi-count]')) {
        const name = el.getAttribute('data-pi-count') ?? '';
        if (!order.includes(name)) order.push(name);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return observer;
  }

  it("shows this page's counts first; today's list, filters and settings come after them", async () => {
    const order: string[] = [];
    const observer = recordCountOrder(order);
    render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
    expect(await countOf('today-unread')).toBe('1');
    observer.disconnect();
    expect(order.slice(0, 4).sort()).toEqual(['hidden', 'new', 'total', 'unread']);
    expect(order.slice(4).sort()).toEqual(['saved', 'today-unread']);
    expect(await screen.findByRole('switch', { name: 'Enable filter diffusion' })).toBeChecked();
    expect(screen.getByText('Settings')).toBeInTheDocument();
  });

  it('with lookups begun before rendering, shows the same counts from one request to the background', async () => {
    render(<App search={`?tabId=${TAB}`} start={startPopup(`?tabId=${TAB}`, bg.services.client)} />, { wrapper: bg.wrapper });
    expect(await countOf('total')).toBe('5');
    expect(document.querySelector('[data-pi-count="unread"]')).toHaveTextContent('3');
    expect(document.querySelector('[data-pi-count="hidden"]')).toHaveTextContent('1');
    expect(document.querySelector('[data-pi-count="new"]')).toHaveTextContent('1');
    // One request for the summary and its states (the next is the once-a-second summary poll).
    expect(bg.requests.filter((r) => r.type === 'get-tab-counts')).toEqual([{ type: 'get-tab-counts', tabId: TAB }]);
    expect(bg.requests.filter((r) => r.type === 'get-tab-summary')).toHaveLength(0);
  });

  it('a recount when the page reports more cards keeps a half-typed filter and today\'s list', async () => {
    const user = userEvent.setup();
    render(<App search={`?tabId=${TAB}`} />, { wrapper: bg.wrapper });
    await countOf('total');
    const pattern = await screen.findByRole('textbox', { name: /pattern/i });
    await user.type(pattern, 'robo');
    bg.summaries.set(TAB, summary([...IDS, '2511.00006'], []));
    // The popup polls the tab's summary once a second.
    await waitFor(() => expect(document.querySelector('[data-pi-count="total"]')).toHaveTextContent('6'), { timeout: 3_000 });
    expect(screen.getByRole('textbox', { name: /pattern/i })).toHaveValue('robo');
    expect(document.querySelector('[data-pi-count="today-unread"]')).toHaveTextContent('1');
  });

  it('counts begun before rendering give way to the live ones when the store changes', async () => {
    const user = userEvent.setup();
    render(<App search={`?tabId=${TAB}`} start={startPopup(`?tabId=${TAB}`, bg.services.client)} />, { wrapper: bg.wrapper });
    await waitFor(() => expect(document.querySelector('[data-pi-count="unread"]')).toHaveTextContent('3'));
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(document.querySelector('[data-pi-count="unread"]')).toHaveTextContent('0'));
  });
});
