import type { ReadingListEntry } from '../../lib/export/entry';
import { toBibtex } from '../../lib/export/bibtex';
import { toMarkdown } from '../../lib/export/markdown';
import { toCsv } from '../../lib/export/csv';
import { toJson } from '../../lib/export/json';
import { exportFilename } from '../../lib/export/filename';

export type ExportFormat = 'bibtex' | 'markdown' | 'csv' | 'json';

export interface Exporter {
  format: ExportFormat;
  label: string;
  mime: string;
  render: (entries: ReadingListEntry[]) => string;
}

/** The four formats of product.md §7, in the order the buttons show them. */
export const EXPORTERS: readonly Exporter[] = [
  { format: 'bibtex', label: 'BibTeX', mime: 'application/x-bibtex;charset=utf-8', render: toBibtex },
  { format: 'markdown', label: 'Markdown', mime: 'text/markdown;charset=utf-8', render: toMarkdown },
  { format: 'csv', label: 'CSV', mime: 'text/csv;charset=utf-8', render: toCsv },
  { format: 'json', label: 'JSON', mime: 'application/json;charset=utf-8', render: toJson },
];

export function filenameFor(format: ExportFormat, now: number): string {
  return exportFilename(format, now);
}
