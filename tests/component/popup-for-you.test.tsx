import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import { App } from '../../entrypoints/popup/App';
import { parseDailyPapersResponse } from '../../lib/hf/api';
import { labelledPapers } from '../../lib/ranking/signals';
import { trainNow } from '../../lib/ranking/train';
import { getDb } from '../../lib/store/db';
import { clearDb, installFakeBackground, type FakeBackground } from './fake-background';
import { NOW, paper } from './builders';

const papers = parseDailyPapersResponse(
  JSON.parse(readFileSync('tests/fixtures/hf/api/daily_papers_2026-07-13_to_07-27_weekdays.json', 'utf8')),
);
const ROBOTS = /\b(robot\w*|embodied|manipulation|humanoid)\b/i;
const robotics = papers.filter((meta) => ROBOTS.test(meta.title ?? ''));
const others = papers.filter((meta) => !ROBOTS.test(meta.title ?? ''));

let bg: FakeBackground;
beforeEach(async () => {
  await clearDb();
  bg = installFakeBackground();
});

async function saveAll(metas: typeof papers): Promise<void> {
  const db = getDb();
  await db.papers.bulkPut(metas.map((meta) => paper(meta.id, meta)));
  await db.saved.bulkPut(metas.map((meta) => ({ id: meta.id, savedAt: NOW, tags: [], note: '', status: 'to-read' as const, updatedAt: NOW })));
}

it('says how many more saves the ranking needs', async () => {
  await saveAll(robotics.slice(0, 3));
  render(<App search="?tabId=3" />, { wrapper: bg.wrapper });
  expect(await screen.findByText(/Needs 2 more saves to rank today's papers for you/)).toBeInTheDocument();
});

it("lists today's top 5 for you as links, each with its reason", async () => {
  const saved = robotics.slice(0, 5);
  await saveAll(saved);
  const shown = others.slice(0, 60);
  const model = trainNow(
    labelledPapers({ papers: [...saved, ...shown].map((m) => ({ ...m, firstShownAt: NOW - 5 * 86_400_000 })), saved: new Map(saved.map((m) => [m.id, NOW])), hidden: new Set(), now: NOW }),
    papers,
  );
  const db = getDb();
  await db.ranking.put(model);
  const today = [...others.slice(100, 120), ...robotics.slice(5, 8)];
  await db.papers.bulkPut(today.map((meta) => paper(meta.id, meta)));
  await db.meta.put({ key: 'today', date: '2026-07-27', ids: today.map((m) => m.id), fetchedAt: NOW });
  render(<App search="?tabId=3" />, { wrapper: bg.wrapper });
  const section = await screen.findByRole('region', { name: 'For you today' });
  const items = await within(section).findAllByRole('listitem');
  expect(items).toHaveLength(5);
  const ids = items.map((item) => item.getAttribute('data-pi-id'));
  // Today's unseen robotics papers lead: all three in the top 5, at least two in the top 3.
  const robotIds = robotics.slice(5, 8).map((m) => m.id);
  expect(robotIds.every((id) => ids.includes(id))).toBe(true);
  expect(ids.slice(0, 3).filter((id) => id !== null && robotIds.includes(id)).length).toBeGreaterThanOrEqual(2);
  const first = items[0];
  if (!first) throw new Error('no item');
  expect(within(first).getByRole('link')).toHaveAttribute('href', `https://huggingface.co/papers/${ids[0] ?? ''}`);
  expect(first.textContent).toMatch(/robot|embodied|manipulation|humanoid|like: /i);
});
