import { isArxivId } from '../arxiv-id';

/**
 * Packs arXiv ids into a short string: each id becomes a number (`yymm.nnnnn` → yymm·10⁵ + n,
 * doubled, plus one for the four-digit suffixes of 2007–2014 so `0704.0001` and `0704.00001` stay
 * apart), the numbers are sorted and written as base-36 deltas joined by commas. Papers read on
 * one day are mostly of the same weeks, so a delta is 1–4 characters: about 4 bytes a paper
 * instead of the 13 of a quoted id.
 */
export function packIds(ids: readonly string[]): string {
  const codes = [...new Set(ids.filter(isArxivId).map(codeOf))].sort((a, b) => a - b);
  let previous = 0;
  return codes
    .map((code) => {
      const token = (code - previous).toString(36);
      previous = code;
      return token;
    })
    .join(',');
}

/** The ids of `packIds`; null when the text is not a packed list (a corrupt or foreign item). */
export function unpackIds(packed: string): string[] | null {
  if (packed === '') return [];
  const ids: string[] = [];
  let code = 0;
  for (const token of packed.split(',')) {
    if (!/^[0-9a-z]{1,11}$/.test(token)) return null;
    code += parseInt(token, 36);
    const id = idOf(code);
    if (id === null) return null;
    ids.push(id);
  }
  return ids;
}

function codeOf(id: string): number {
  const [month = '', number = ''] = id.split('.');
  return (Number(month) * 100_000 + Number(number)) * 2 + (number.length === 4 ? 1 : 0);
}

function idOf(code: number): string | null {
  if (!Number.isSafeInteger(code)) return null;
  const fourDigits = code % 2 === 1;
  const value = Math.floor(code / 2);
  const month = Math.floor(value / 100_000);
  const number = value % 100_000;
  if (month > 9999 || (fourDigits && number > 9999)) return null;
  const id = `${String(month).padStart(4, '0')}.${String(number).padStart(fourDigits ? 4 : 5, '0')}`;
  return isArxivId(id) ? id : null;
}
