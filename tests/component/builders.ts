import type { PageSummary } from '../../lib/page-summary';
import type { FilterRule } from '../../lib/filters/rule';
import type { PaperRecord, SavedRecord } from '../../lib/store/records';

export const NOW = Date.UTC(2026, 10, 23, 10, 42);

export function paper(id: string, extra: Partial<PaperRecord> = {}): PaperRecord {
  return { id, title: `Paper ${id}`, updatedAt: NOW, firstShownAt: NOW - 1000, ...extra };
}

export function saved(id: string, extra: Partial<SavedRecord> = {}): SavedRecord {
  return { id, savedAt: NOW, tags: [], note: '', status: 'to-read', updatedAt: NOW, ...extra };
}

export function summary(ids: string[], newIds: string[], extra: Partial<PageSummary> = {}): PageSummary {
  return {
    url: 'https://huggingface.co/papers',
    kind: 'daily',
    recognized: true,
    ids,
    newIds,
    // Deliberately wrong: the popup must compute counts from the store, not trust the report.
    counts: { total: ids.length, new: 99, unread: 99, hidden: 99 },
    updatedAt: NOW,
    ...extra,
  };
}

export function rule(pattern: string, extra: Partial<FilterRule> = {}): FilterRule {
  return {
    id: `rule-${pattern}`,
    pattern,
    kind: 'keyword',
    fields: ['title', 'abstract', 'keywords'],
    action: 'hide',
    enabled: true,
    createdAt: NOW,
    updatedAt: NOW,
    ...extra,
  };
}
