import { z } from 'zod';
import type { PapersInboxDb } from '../store/db';
import { PaperRecord, SavedRecord } from '../store/records';
import { FilterRule } from '../filters/rule';
import { validateRule } from '../filters/compile';
import { DEFAULT_SETTINGS, Settings } from '../settings';
import type { RestoreSummary } from '../messages';

export const BACKUP_FORMAT = 'papers-inbox-backup';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number(),
  papers: z.array(PaperRecord),
  saved: z.array(SavedRecord),
  filters: z.array(FilterRule),
  settings: Settings,
});
export type Backup = z.infer<typeof Backup>;

export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; error: string };

/** Everything stored that the user would miss: states, reading list, filters, settings. */
export async function createBackup(db: PapersInboxDb, now: number): Promise<Backup> {
  return db.transaction('r', [db.papers, db.saved, db.filters, db.settings], async () => {
    const [papers, saved, filters, row] = await Promise.all([
      db.papers.orderBy('id').toArray(),
      db.saved.orderBy('id').toArray(),
      db.filters.orderBy('id').toArray(),
      db.settings.get('settings'),
    ]);
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, papers, saved, filters, settings: row?.value ?? DEFAULT_SETTINGS };
  });
}

export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 1)}\n`;
}

/** UTF-8 size without encoding when the string is clearly small enough (the common case). */
function byteLength(text: string): number {
  if (text.length * 3 <= MAX_BACKUP_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** `papers[3].id` from Zod's path. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path) || 'the file';
  if (issue.code === 'invalid_type') {
    // Zod 4 leaves `input` out of issues unless asked, so "missing" is read from its message.
    return /received undefined/.test(issue.message) ? `${where} is missing` : `${where} should be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  }
  // Our own schema messages read as predicates ("not an arXiv id"); Zod's own ones get a colon.
  return /^not /.test(issue.message) ? `${where} is ${issue.message}` : `${where}: ${issue.message}`;
}

function checkEnvelope(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'This file is not a Papers Inbox backup.';
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) return 'This file is not a Papers Inbox backup.';
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return `This backup was made by a newer version of Papers Inbox (format version ${version}); this version reads version ${BACKUP_VERSION}.`;
  }
  if (version !== BACKUP_VERSION) return `This backup has an unknown format version; this version reads version ${BACKUP_VERSION}.`;
  return null;
}

/** Validates the WHOLE file before anything is written; every refusal is one sentence for the user. */
export function parseBackup(text: string): ParseBackupResult {
  const bytes = byteLength(text);
  if (bytes > MAX_BACKUP_BYTES) {
    return { ok: false, error: `The file is ${Math.ceil(bytes / 1024 / 1024)} MB; backups larger than 50 MB are refused.` };
  }
  const json = parseJson(text);
  if (!json.ok) return { ok: false, error: 'The file is not valid JSON — it may be truncated.' };
  const envelope = checkEnvelope(json.value);
  if (envelope) return { ok: false, error: envelope };
  const parsed = Backup.safeParse(json.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `The backup is damaged: ${first ? describeIssue(first) : 'unknown error'}.` };
  }
  return { ok: true, backup: parsed.data };
}

/** Key-order-independent comparison, so "updated" counts only real changes. */
function sameRecord(a: object, b: object): boolean {
  const canon = (o: object) => JSON.stringify(Object.entries(o).filter(([, v]) => v !== undefined).sort(([x], [y]) => (x < y ? -1 : 1)));
  return canon(a) === canon(b);
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/** Drops undefined keys: stored rows keep optional fields absent. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Metadata from the newer row; the earliest firstShownAt (the paper stays "seen" since then); a paper
 * read on either side stays read (local readAt kept when both have one).
 */
export function mergePaper(local: PaperRecord, incoming: PaperRecord): PaperRecord {
  const newer = incoming.updatedAt > local.updatedAt ? incoming : local;
  return compact({
    ...newer,
    firstShownAt: minDefined(local.firstShownAt, incoming.firstShownAt),
    readAt: local.readAt ?? incoming.readAt,
    updatedAt: Math.max(local.updatedAt, incoming.updatedAt),
  });
}

interface Counted<T> {
  rows: T[];
  added: number;
  updated: number;
}

/** Rows to write, given local rows and a merge; unchanged rows are not rewritten. */
function plan<T extends { id: string }>(incoming: T[], local: (T | undefined)[], merge: (l: T, i: T) => T): Counted<T> {
  const out: Counted<T> = { rows: [], added: 0, updated: 0 };
  incoming.forEach((row, i) => {
    const current = local[i];
    if (!current) {
      out.rows.push(row);
      out.added += 1;
      return;
    }
    const merged = merge(current, row);
    if (!sameRecord(merged, current)) {
      out.rows.push(merged);
      out.updated += 1;
    }
  });
  return out;
}

const newerWins = <T extends { updatedAt: number }>(local: T, incoming: T): T => (incoming.updatedAt > local.updatedAt ? incoming : local);

/** Saved entries whose paper row is in neither the backup nor the db get a minimal `{id}` paper. */
function withMissingPapers(backup: Backup): PaperRecord[] {
  const ids = new Set(backup.papers.map((p) => p.id));
  const extra = backup.saved.filter((s) => !ids.has(s.id)).map((s) => ({ id: s.id, updatedAt: 0 }));
  return [...backup.papers, ...extra];
}

/**
 * A backup may come from an older version, or be written by hand: a switched-on rule this version
 * refuses (a back-reference, a pattern too large to run in linear time) is kept, switched off, and
 * named in the summary. Nothing else of the file is lost, and nothing unsafe runs.
 */
function switchOffUnsafe(rules: readonly FilterRule[]): { rules: FilterRule[]; switchedOff: RestoreSummary['filtersSwitchedOff'] } {
  const switchedOff: RestoreSummary['filtersSwitchedOff'] = [];
  const out = rules.map((rule) => {
    if (!rule.enabled) return rule;
    const verdict = validateRule(rule);
    if (verdict.ok) return rule;
    switchedOff.push({ pattern: rule.pattern, error: verdict.error });
    return { ...rule, enabled: false };
  });
  return { rules: out, switchedOff };
}

/** Merges a validated backup in ONE transaction (all or nothing); newer timestamps win. */
export async function restoreBackup(db: PapersInboxDb, backup: Backup): Promise<RestoreSummary> {
  return db.transaction('rw', [db.papers, db.saved, db.filters, db.settings], async () => {
    const papersIn = withMissingPapers(backup);
    const [localPapers, localSaved, localFilters] = await Promise.all([
      db.papers.bulkGet(papersIn.map((p) => p.id)),
      db.saved.bulkGet(backup.saved.map((s) => s.id)),
      db.filters.bulkGet(backup.filters.map((f) => f.id)),
    ]);
    const papers = plan(papersIn, localPapers, mergePaper);
    const saved = plan(backup.saved, localSaved, newerWins);
    const safe = switchOffUnsafe(backup.filters);
    const filters = plan(safe.rules, localFilters, newerWins);
    await Promise.all([db.papers.bulkPut(papers.rows), db.saved.bulkPut(saved.rows), db.filters.bulkPut(filters.rows)]);
    // The backup's settings are applied: restoring is an explicit "make it like that machine".
    await db.settings.put({ key: 'settings', value: backup.settings });
    return {
      papersAdded: papers.added,
      papersUpdated: papers.updated,
      savedAdded: saved.added,
      savedUpdated: saved.updated,
      filtersAdded: filters.added,
      filtersUpdated: filters.updated,
      settingsRestored: true,
      filtersSwitchedOff: safe.switchedOff,
    };
  });
}
