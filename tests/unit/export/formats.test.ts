import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { toBibtex, citationKeys, escapeLatex } from '../../../lib/export/bibtex';
import { toMarkdown } from '../../../lib/export/markdown';
import { toCsv, csvCell } from '../../../lib/export/csv';
import { toJson } from '../../../lib/export/json';
import { exportFilename } from '../../../lib/export/filename';
import { entry, hostileEntries, NOW, realEntries } from './entries';

/** Golden files: written when missing (then reviewed by eye), compared exactly afterwards. */
function golden(name: string, actual: string): void {
  const path = resolve(process.cwd(), 'tests/unit/export/golden', name);
  if (!existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const all = () => [...realEntries(), ...hostileEntries()];

describe('golden exports', () => {
  it('BibTeX', () => golden('list.bib', toBibtex(all())));
  it('Markdown', () => golden('list.md', toMarkdown(all(), NOW)));
  it('CSV', () => golden('list.csv', toCsv(all())));
  it('JSON', () => golden('list.json', toJson(all())));
});

describe('BibTeX', () => {
  it('builds keys from last name, year and first significant title word, ASCII only', () => {
    const keys = citationKeys(hostileEntries().map((e) => e.paper));
    expect(keys.get('1706.03762')).toBe('vaswani2017attention');
    expect(keys.get('2502.00004')).toBe('arxiv250200004');
  });

  it('strips diacritics and maps Ł', () => {
    const keys = citationKeys([entry({ id: '2502.00010', title: 'Über Alles', authors: ['Łukasz Kaiser'], updatedAt: 0 }).paper, entry({ id: '2502.00011', title: 'The Café', authors: ['José Núñez'], updatedAt: 0 }).paper]);
    expect(keys.get('2502.00010')).toBe('kaiser2025uber');
    expect(keys.get('2502.00011')).toBe('nunez2025cafe');
  });

  it('resolves collisions by id order, whatever the input order', () => {
    const make = (id: string) => entry({ id, title: 'Scaling Laws', authors: ['Jane Doe'], publishedAt: '2025-02-01', updatedAt: 0 });
    const list = [make('2502.00300'), make('2502.00100'), make('2502.00200')];
    const keysOf = (l: typeof list) => [...citationKeys(l.map((e) => e.paper))].sort();
    const expected = [['2502.00100', 'doe2025scalinga'], ['2502.00200', 'doe2025scalingb'], ['2502.00300', 'doe2025scalingc']];
    expect(keysOf(list)).toEqual(expected);
    expect(keysOf([...list].reverse())).toEqual(expected);
    expect(keysOf([list[1], list[2], list[0]].filter((e) => e !== undefined))).toEqual(expected);
    const bib = toBibtex(list);
    expect(new Set(bib.match(/@misc\{[^,]+/g)).size).toBe(3);
  });

  it('keys stay stable across permutations of the whole fixture', () => {
    const entries = all();
    const keys = (l: typeof entries) => [...citationKeys(l.map((e) => e.paper))].sort();
    expect(keys([...entries].reverse())).toEqual(keys(entries));
    const shuffled = [...entries.slice(3), ...entries.slice(0, 3)];
    expect(keys(shuffled)).toEqual(keys(entries));
    expect(new Set(keys(entries).map(([, k]) => k)).size).toBe(entries.length);
  });

  it('escapes LaTeX specials in one pass', () => {
    expect(escapeLatex('\\ { } $ & % # _ ^ ~')).toBe('\\textbackslash{} \\{ \\} \\$ \\& \\% \\# \\_ \\textasciicircum{} \\textasciitilde{}');
  });

  it('takes the year from the id when there is no arXiv date', () => {
    expect(toBibtex([entry({ id: '2502.00020', title: 'X', updatedAt: 0 })])).toContain('year = {2025}');
  });
});

describe('Markdown', () => {
  it('notes and tags come out as text: no link, image, autolink or raw HTML of the user\'s making', () => {
    const hostile = entry(
      { id: '2502.00009', title: 'T', updatedAt: NOW },
      { note: '[click](javascript:alert(1))\n<img src=x onerror=alert(1)>\n![i](javascript:x) <javascript:alert(2)>', tags: ['<b>x</b>', '[t](javascript:y)'] },
    );
    const md = toMarkdown([hostile], NOW);
    const targets = [...md.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(target).toMatch(/^https:\/\/(huggingface\.co|arxiv\.org)\//);
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md).toContain('\\[click\\](javascript:alert(1))');
    expect(md).toContain('tags: \\<b\\>x\\</b\\>, \\[t\\](javascript:y)');
  });
});

describe('CSV', () => {
  it.each([
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['  =1+1', "'  =1+1"],
    ['\u3000@cmd', "'\u3000@cmd"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain'],
  ])('cell %j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('neutralises hostile titles, authors, tags and notes', () => {
    const csv = toCsv(hostileEntries());
    expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m);
    expect(csv.split('\r\n')[0]).toBe('id,title,authors,published,saved_at,status,tags,note,upvotes,hf_url,arxiv_url');
  });
});

describe('filenames', () => {
  it('dates the file in UTC', () => {
    const now = new Date(Date.UTC(2026, 10, 23, 23, 30));
    expect(exportFilename('bib', now)).toBe('papers-inbox-2026-11-23.bib');
    expect(exportFilename('md', now)).toBe('papers-inbox-2026-11-23.md');
    expect(exportFilename('csv', now.getTime())).toBe('papers-inbox-2026-11-23.csv');
    expect(exportFilename('json', now)).toBe('papers-inbox-2026-11-23.json');
    expect(exportFilename('backup', now)).toBe('papers-inbox-2026-11-23.backup.json');
    expect(exportFilename('bibtex', now)).toBe('papers-inbox-2026-11-23.bib');
  });
});
