import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { bitsOfRow, emptyRow, rowKeysFor, setBits, slotOf, type PaperBits, type StateBitsRow } from './state-bits';

export const STATE_BITS_TABLE = 'stateBits';
const PAPERS_TABLE = 'papers';

/**
 * Keeps `stateBits` in step with `papers` for every write, whoever makes it (repository, backup
 * restore, later schema upgrades): a Dexie middleware adds the bits table to every read-write
 * transaction over `papers` and, after each write to `papers`, writes the bits the new rows imply
 * in the same transaction. The index cannot drift from the rows, and no caller has to remember it.
 */
export const stateIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'PapersInboxStateIndex',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      const widen = mode === 'readwrite' && stores.includes(PAPERS_TABLE) && !stores.includes(STATE_BITS_TABLE) && hasBitsTable(down);
      return down.transaction(widen ? [...stores, STATE_BITS_TABLE] : stores, mode, options);
    },
    table(name) {
      const table = down.table(name);
      return name === PAPERS_TABLE ? indexedPapers(table, () => down.table(STATE_BITS_TABLE)) : table;
    },
  }),
};

const hasBitsTable = (core: DBCore) => core.schema.tables.some((t) => t.name === STATE_BITS_TABLE);

/**
 * A schema upgrade's transaction may run before the bits table exists (a v1 database's v2 step):
 * nothing to keep then, the v3 step builds the bits from the rows.
 */
function transactionHasBits(trans: DBCoreTransaction): boolean {
  const names = (trans as Partial<Pick<IDBTransaction, 'objectStoreNames'>>).objectStoreNames;
  return names !== undefined && names.contains(STATE_BITS_TABLE);
}

function indexedPapers(papers: DBCoreTable, bitsTable: () => DBCoreTable): DBCoreTable {
  return {
    ...papers,
    async mutate(req) {
      if (!transactionHasBits(req.trans)) return papers.mutate(req);
      const removed = req.type === 'deleteRange' ? await keysInRange(papers, req) : [];
      const res = await papers.mutate(req);
      const changes = changesOf(req, res, removed);
      if (changes.length > 0) await queueBitsWrite(bitsTable(), req.trans, changes);
      return res;
    },
  };
}

async function keysInRange(papers: DBCoreTable, req: Extract<DBCoreMutateRequest, { type: 'deleteRange' }>): Promise<unknown[]> {
  const found = await papers.query({ trans: req.trans, values: false, query: { index: papers.schema.primaryKey, range: req.range } });
  return found.result;
}

/** The bits every row written or removed now implies (failed operations changed nothing). */
function changesOf(req: DBCoreMutateRequest, res: DBCoreMutateResponse, removed: readonly unknown[]): PaperBits[] {
  const cleared = (key: unknown): PaperBits[] => (typeof key === 'string' ? [{ id: key, read: false, shown: false }] : []);
  if (req.type === 'delete') return req.keys.filter((_, i) => !res.failures[i]).flatMap(cleared);
  if (req.type === 'deleteRange') return removed.flatMap(cleared);
  return req.values.flatMap((value: unknown, i): PaperBits[] => (!res.failures[i] && isPaperRow(value) ? [bitsOfRow(value)] : []));
}

function isPaperRow(value: unknown): value is { id: string; readAt?: number; firstShownAt?: number } {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/**
 * Writes to `papers` in one transaction may run side by side (Promise.all): their bits writes
 * run one after another over one copy of the rows per transaction, so none undoes another's.
 */
const queues = new WeakMap<DBCoreTransaction, Promise<void>>();
const rowsOfTransaction = new WeakMap<DBCoreTransaction, Map<string, StateBitsRow>>();

function queueBitsWrite(bits: DBCoreTable, trans: DBCoreTransaction, changes: PaperBits[]): Promise<void> {
  const next = (queues.get(trans) ?? Promise.resolve()).then(() => writeBits(bits, trans, changes));
  queues.set(trans, next.catch(() => undefined));
  return next;
}

async function writeBits(bits: DBCoreTable, trans: DBCoreTransaction, changes: PaperBits[]): Promise<void> {
  let rows = rowsOfTransaction.get(trans);
  if (!rows) {
    rows = new Map();
    rowsOfTransaction.set(trans, rows);
  }
  const keys = rowKeysFor(changes.map((c) => c.id));
  const missing = keys.filter((key) => !rows.has(key));
  if (missing.length > 0) {
    const got: unknown[] = await bits.getMany({ trans, keys: missing });
    missing.forEach((key, i) => rows.set(key, asBitsRow(got[i]) ?? emptyRow(key)));
  }
  for (const change of changes) setBits(rows, change);
  const touched = keys.flatMap((key) => rows.get(key) ?? []);
  const res = await bits.mutate({ trans, type: 'put', values: touched });
  if (res.numFailures > 0) throw res.failures[0] ?? new Error('Could not write the state index.');
}

export function asBitsRow(value: unknown): StateBitsRow | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const row = value as Partial<StateBitsRow>;
  return typeof row.key === 'string' && row.read instanceof Uint8Array && row.shown instanceof Uint8Array
    ? { key: row.key, read: row.read, shown: row.shown }
    : undefined;
}

/** Every row's bits, built from scratch (the v3 upgrade, for a database that had no index). */
export function bitsRowsFor(papers: Iterable<{ id: string; readAt?: number; firstShownAt?: number }>): StateBitsRow[] {
  const rows = new Map<string, StateBitsRow>();
  for (const row of papers) if (slotOf(row.id)) setBits(rows, bitsOfRow(row));
  return [...rows.values()];
}
