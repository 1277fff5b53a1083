import { filterRows, sameEntry, sortRows, toRow } from '../../entrypoints/reading-list/reading-view';
import { NOW, paper, saved } from './builders';

const WORDS = ['diffusion', 'transformer', 'protein', 'robotics', 'agents', 'vision', 'speech', 'graph'];

function bigList(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const id = `2512.${String(10000 + i)}`;
    const topic = WORDS[i % WORDS.length] ?? 'misc';
    return {
      paper: paper(id, {
        title: `Paper ${i} on ${topic}`,
        authors: [`Author ${i % 97}`, 'Common Coauthor'],
        summary: `An abstract about ${topic} and ${WORDS[(i + 3) % WORDS.length] ?? ''}. `.repeat(8),
        upvotes: i % 50,
      }),
      saved: saved(id, { savedAt: NOW + i, tags: i % 10 === 0 ? ['survey'] : [], note: i % 7 === 0 ? 'read soon' : '' }),
    };
  });
}

// Its speed is measured by `npm run bench` (the keystroke row), never asserted here.
it('searches 5,000 saved papers for every word, whatever the case', () => {
  const rows = sortRows(bigList(5_000).map(toRow), 'saved');
  const hits = filterRows(rows, 'Protein VISION', '', 'all');
  expect(hits.length).toBeGreaterThan(0);
  expect(hits.every((r) => r.haystack.includes('protein') && r.haystack.includes('vision'))).toBe(true);
  const either = rows.filter((r) => r.haystack.includes('protein') && r.haystack.includes('vision'));
  expect(hits).toHaveLength(either.length); // none missed
});

it('matches notes and tags, narrows by tag and status, and sorts stably', () => {
  const rows = bigList(30).map(toRow);
  expect(filterRows(rows, 'read soon', '', 'all').map((r) => r.entry.paper.id)).toEqual(
    ['2512.10000', '2512.10007', '2512.10014', '2512.10021', '2512.10028'],
  );
  expect(filterRows(rows, '', 'survey', 'all')).toHaveLength(3);
  expect(filterRows(rows, '', '', 'done')).toHaveLength(0);
  const byUpvotes = sortRows(rows, 'upvotes').map((r) => r.entry.paper.upvotes ?? 0);
  expect(byUpvotes).toEqual([...byUpvotes].sort((a, b) => b - a));
});

it('papers saved at the same moment sort by id, highest first (the savedAt index read backwards)', () => {
  const rows = bigList(4).map((e, i) => toRow({ ...e, saved: { ...e.saved, savedAt: i < 2 ? NOW : NOW + 1 } }));
  expect(sortRows(rows, 'saved').map((r) => r.entry.saved.id)).toEqual(['2512.10003', '2512.10002', '2512.10001', '2512.10000']);
  expect(sortRows([...rows].reverse(), 'saved').map((r) => r.entry.saved.id)).toEqual(['2512.10003', '2512.10002', '2512.10001', '2512.10000']);
});

it('a re-read entry with the same fields is the same entry; any shown change is not', () => {
  const [entry] = bigList(1);
  if (!entry) throw new Error('no entry');
  const copy = structuredClone(entry);
  expect(sameEntry(entry, copy)).toBe(true);
  expect(sameEntry(entry, { ...copy, saved: { ...copy.saved, note: 'changed' } })).toBe(false);
  expect(sameEntry(entry, { ...copy, saved: { ...copy.saved, tags: ['new'] } })).toBe(false);
  expect(sameEntry(entry, { ...copy, paper: { ...copy.paper, title: 'Retitled' } })).toBe(false);
  expect(sameEntry(entry, { ...copy, paper: { ...copy.paper, authors: ['Someone Else', 'Common Coauthor'] } })).toBe(false);
  expect(sameEntry(entry, { ...copy, paper: { ...copy.paper, githubRepo: 'https://github.com/x/y' } })).toBe(false);
});
