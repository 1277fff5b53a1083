import type { PaperMeta } from '../paper';
import type { ReadingListEntry } from './entry';
import type { SavedRecord } from '../store/records';

export type JsonExportItem = PaperMeta & { saved: Pick<SavedRecord, 'savedAt' | 'tags' | 'note' | 'status'> };

/** Paper metadata without our private state (firstShownAt/readAt/updatedAt belong to backups). */
function item({ paper, saved }: ReadingListEntry): JsonExportItem {
  const { firstShownAt: _f, readAt: _r, updatedAt: _u, ...meta } = paper;
  return { ...meta, saved: { savedAt: saved.savedAt, tags: saved.tags, note: saved.note, status: saved.status } };
}

export function toJson(entries: ReadingListEntry[]): string {
  return `${JSON.stringify(entries.map(item), null, 2)}\n`;
}
