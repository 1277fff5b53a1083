import { arxivAbsUrl, hfPaperUrl } from '../paper';
import type { ReadingListEntry } from './entry';

export const CSV_HEADER = ['id', 'title', 'authors', 'published', 'saved_at', 'status', 'tags', 'note', 'upvotes', 'hf_url', 'arxiv_url'] as const;

/**
 * Spreadsheets run cells starting with these as formulas (CSV injection); a leading `'` makes them
 * text. Tab and CR are on the OWASP list too; leading whitespace and the full-width forms
 * (＝＋－＠) are skipped or read as formulas by some spreadsheets.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** One RFC 4180 cell: neutralised, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row({ paper, saved }: ReadingListEntry): string[] {
  return [
    paper.id,
    paper.title ?? '',
    (paper.authors ?? []).join('; '),
    paper.publishedAt ?? '',
    new Date(saved.savedAt).toISOString(),
    saved.status,
    saved.tags.join('; '),
    saved.note,
    paper.upvotes === undefined ? '' : String(paper.upvotes),
    hfPaperUrl(paper.id),
    arxivAbsUrl(paper.id),
  ];
}

/** CSV with a header line, CRLF line ends as RFC 4180 says. */
export function toCsv(entries: ReadingListEntry[]): string {
  const lines = [[...CSV_HEADER], ...entries.map(row)].map((cells) => cells.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
