import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseItems } from '../../../lib/hf/hf-schemas';
import { itemToPaperMeta } from '../../../lib/hf/to-paper-meta';
import type { ReadingListEntry } from '../../../lib/export/entry';
import type { PaperRecord, SavedRecord } from '../../../lib/store/records';

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);

/** The first three real papers of the 2026-06-12 Daily Papers fixture. */
export function realEntries(): ReadingListEntry[] {
  const path = resolve(process.cwd(), 'tests/fixtures/hf/api/daily_papers_2026-06-12.json');
  const items = parseItems(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  return items.slice(0, 3).map((item, i) => entry({ ...itemToPaperMeta(item), updatedAt: T0 }, { tags: i === 0 ? ['llm', 'eval'] : [], note: i === 1 ? 'Read §3 first.\nCompare with 2502.12345.' : '' }));
}

export function entry(paper: PaperRecord, saved: Partial<SavedRecord> = {}): ReadingListEntry {
  return { paper, saved: { id: paper.id, savedAt: T0, tags: [], note: '', status: 'to-read', updatedAt: T0, ...saved } };
}

/** Papers built to break exporters. */
export function hostileEntries(): ReadingListEntry[] {
  return [
    entry({ id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Łukasz Kaiser', 'José Ñúñez'], publishedAt: '2017-06-12T00:00:00.000Z', upvotes: 99, updatedAt: T0 }, { tags: ['classic'], status: 'done' }),
    entry({ id: '2502.00001', title: 'Costs & 50% of $x$ #1 my_var {set} ~tilde ^hat \\back', authors: ['Ann O_Brien & Co'], updatedAt: T0 }, { note: 'see [link](x) & 100%' }),
    entry({ id: '2502.00002', title: '=HYPERLINK("http://evil.example","click")', authors: ['@cmd'], updatedAt: T0 }, { note: '+1', tags: ['-2'] }),
    entry({ id: '2502.00003', title: '*Bold* _under_ [x] <b> `code`', authors: ['-2 Minus'], updatedAt: T0 }),
    entry({ id: '2502.00004', updatedAt: T0 }),
  ];
}

export const NOW = T0;
