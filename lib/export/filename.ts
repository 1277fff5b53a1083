import { isoDay } from './common';

/** Short extensions plus the reading list's format names (both are used by callers). */
export type ExportFileFormat = 'bib' | 'md' | 'csv' | 'json' | 'backup' | 'bibtex' | 'markdown';

const EXTENSION: Record<ExportFileFormat, string> = {
  bib: 'bib',
  bibtex: 'bib',
  md: 'md',
  markdown: 'md',
  csv: 'csv',
  json: 'json',
  backup: 'backup.json',
};

/** `papers-inbox-2026-11-23.bib`; the backup is `papers-inbox-2026-11-23.backup.json`. UTC date. */
export function exportFilename(format: ExportFileFormat, now: Date | number): string {
  const ms = typeof now === 'number' ? now : now.getTime();
  return `papers-inbox-${isoDay(ms)}.${EXTENSION[format]}`;
}
