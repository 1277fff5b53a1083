import { isArxivId } from '../arxiv-id';

/**
 * The read/shown state of every stored paper as two bits per paper, one row per arXiv month and
 * suffix length (`2301.5` holds 2301.00000–2301.99999). `get-states` for a page of 1,000 papers
 * then reads a few rows instead of 1,000 full paper records: in Chromium each IndexedDB request
 * costs about 40 µs whatever its size, so the number of requests is what a lookup costs.
 * The rows are derived from `papers` (lib/store/state-index.ts keeps them in step with every write).
 */
export interface StateBitsRow {
  key: string;
  /** Bit n set: the paper with suffix n has `readAt`. */
  read: Uint8Array;
  /** Bit n set: the paper with suffix n has `firstShownAt` (an earlier page load showed it). */
  shown: Uint8Array;
}

/** What the bits say about one paper row (absent row: neither). */
export interface PaperBits {
  id: string;
  read: boolean;
  shown: boolean;
}

export interface BitsSlot {
  key: string;
  index: number;
  /** Bytes that hold every suffix of this length (10^length bits). */
  bytes: number;
}

/** Where a paper's bits live, or null for an id that is not an arXiv id (never stored: schemas refuse it). */
export function slotOf(id: string): BitsSlot | null {
  if (!isArxivId(id)) return null;
  const suffix = id.slice(5);
  return { key: `${id.slice(0, 4)}.${suffix.length}`, index: Number(suffix), bytes: Math.ceil(10 ** suffix.length / 8) };
}

export function bitOf(bits: Uint8Array | undefined, index: number): boolean {
  const byte = bits?.[index >> 3];
  return byte !== undefined && (byte & (1 << (index & 7))) !== 0;
}

/**
 * Sets or clears a bit (in place: rows are private copies); an empty array grows at once to the
 * full size of its row, so building a row never copies it over and over.
 */
function withBit(bits: Uint8Array, slot: BitsSlot, on: boolean): Uint8Array {
  const { index } = slot;
  const at = index >> 3;
  let out = bits;
  if (at >= bits.length) {
    if (!on) return bits;
    out = new Uint8Array(Math.max(at + 1, slot.bytes));
    out.set(bits);
  }
  const mask = 1 << (index & 7);
  out[at] = on ? (out[at] ?? 0) | mask : (out[at] ?? 0) & ~mask;
  return out;
}

export const emptyRow = (key: string): StateBitsRow => ({ key, read: new Uint8Array(0), shown: new Uint8Array(0) });

/** Writes one paper's bits into its row (the row comes from `rows`, or is made). */
export function setBits(rows: Map<string, StateBitsRow>, change: PaperBits): void {
  const slot = slotOf(change.id);
  if (slot === null) return;
  const row = rows.get(slot.key) ?? emptyRow(slot.key);
  rows.set(slot.key, {
    key: slot.key,
    read: withBit(row.read, slot, change.read),
    shown: withBit(row.shown, slot, change.shown),
  });
}

/** The bits a stored paper row implies. */
export function bitsOfRow(row: { id: string; readAt?: number; firstShownAt?: number }): PaperBits {
  return { id: row.id, read: row.readAt !== undefined, shown: row.firstShownAt !== undefined };
}

/** The distinct row keys for `ids` (ids that are not arXiv ids have none). */
export function rowKeysFor(ids: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const id of ids) {
    const slot = slotOf(id);
    if (slot) keys.add(slot.key);
  }
  return [...keys];
}

/** The read and shown ids among `ids`, from their rows. */
export function statesFromRows(ids: readonly string[], rows: ReadonlyMap<string, StateBitsRow>): { read: string[]; shown: string[] } {
  const read: string[] = [];
  const shown: string[] = [];
  for (const id of ids) {
    const slot = slotOf(id);
    const row = slot ? rows.get(slot.key) : undefined;
    if (!slot || !row) continue;
    if (bitOf(row.read, slot.index)) read.push(id);
    if (bitOf(row.shown, slot.index)) shown.push(id);
  }
  return { read, shown };
}

/** Every id whose bit is set in `bits` of the row `key` (`2301.5`: ids 2301.00000–2301.99999). */
function idsWithBit(key: string, bits: Uint8Array): string[] {
  const [month = '', length = '0'] = key.split('.');
  const ids: string[] = [];
  bits.forEach((byte, at) => {
    // Most bytes of a row are zero: skipped whole.
    for (let bit = 0; byte !== 0 && bit < 8; bit++) {
      if (byte & (1 << bit)) ids.push(`${month}.${String(at * 8 + bit).padStart(Number(length), '0')}`);
    }
  });
  return ids;
}

/** The read and shown ids a row holds. */
export function idsOfRow(row: StateBitsRow): { read: string[]; shown: string[] } {
  return { read: idsWithBit(row.key, row.read), shown: idsWithBit(row.key, row.shown) };
}
