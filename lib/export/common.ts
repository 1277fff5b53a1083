import type { PaperRecord } from '../store/records';

/** Year from the arXiv date; fallback to the id (YYMM → 20YY) so every paper gets one. */
export function paperYear(paper: PaperRecord): string {
  const fromDate = /^(\d{4})/.exec(paper.publishedAt ?? '');
  if (fromDate?.[1]) return fromDate[1];
  return `20${paper.id.slice(0, 2)}`;
}

/** Lower-case ASCII letters/digits only: diacritics stripped via NFD, other letters (Ł, ø) mapped. */
export function asciiFold(text: string): string {
  const special: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', ß: 'ss', æ: 'ae', Æ: 'ae', đ: 'd', Đ: 'd', œ: 'oe', Œ: 'oe' };
  const mapped = Array.from(text, (ch) => special[ch] ?? ch).join('');
  return mapped
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Date as YYYY-MM-DD in UTC (exports must not depend on the machine's time zone). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
