import { PapersInboxDb } from '../../../lib/store/db';
import { createBackup, parseBackup, restoreBackup, serializeBackup, MAX_BACKUP_BYTES, type Backup } from '../../../lib/export/backup';
import type { PaperRecord, SavedRecord } from '../../../lib/store/records';
import type { FilterRule } from '../../../lib/filters/rule';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const NOW = Date.UTC(2026, 10, 23, 12);
const freshDb = () => new PapersInboxDb(`test-${Math.random()}`);

const paper = (id: string, extra: Partial<PaperRecord> = {}): PaperRecord => ({ id, title: `Paper ${id}`, updatedAt: 1000, ...extra });
const saved = (id: string, extra: Partial<SavedRecord> = {}): SavedRecord => ({ id, savedAt: 1000, tags: [], note: '', status: 'to-read', updatedAt: 1000, ...extra });
const rule = (id: string, extra: Partial<FilterRule> = {}): FilterRule => ({ id, pattern: 'diffusion', kind: 'keyword', fields: ['title'], action: 'hide', enabled: true, createdAt: 1000, updatedAt: 1000, ...extra });

async function seed(db: PapersInboxDb): Promise<void> {
  await db.papers.bulkPut([paper('2502.00001', { firstShownAt: 500, readAt: 900, authors: ['Ann'] }), paper('2502.00002')]);
  await db.saved.put(saved('2502.00001', { tags: ['x'], note: 'n' }));
  await db.filters.put(rule('r1'));
  await db.settings.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, badge: 'today' } });
}

async function snapshot(db: PapersInboxDb) {
  return { papers: await db.papers.orderBy('id').toArray(), saved: await db.saved.orderBy('id').toArray(), filters: await db.filters.orderBy('id').toArray(), settings: await db.settings.toArray() };
}

async function validBackup(): Promise<Backup> {
  const db = freshDb();
  await seed(db);
  return createBackup(db, NOW);
}

function expectParsed(text: string): Backup {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.error);
  return result.backup;
}

describe('backup round trip', () => {
  it('create → serialize → parse → restore into an empty db gives the same rows', async () => {
    const source = freshDb();
    await seed(source);
    const backup = await createBackup(source, NOW);
    expect(backup).toMatchObject({ format: 'papers-inbox-backup', version: 1, exportedAt: NOW });
    const target = freshDb();
    const summary = await restoreBackup(target, expectParsed(serializeBackup(backup)));
    expect(summary).toEqual({ papersAdded: 2, papersUpdated: 0, savedAdded: 1, savedUpdated: 0, filtersAdded: 1, filtersUpdated: 0, settingsRestored: true, filtersSwitchedOff: [] });
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('restoring the same backup twice changes nothing the second time', async () => {
    const db = freshDb();
    const backup = await validBackup();
    await restoreBackup(db, backup);
    const again = await restoreBackup(db, backup);
    expect(again).toMatchObject({ papersAdded: 0, papersUpdated: 0, savedAdded: 0, savedUpdated: 0, filtersAdded: 0, filtersUpdated: 0 });
  });

  it('tolerates a saved entry without its paper row (creates a minimal paper)', async () => {
    const backup = { ...(await validBackup()), papers: [], saved: [saved('2502.00009')] };
    const db = freshDb();
    const summary = await restoreBackup(db, expectParsed(JSON.stringify(backup)));
    expect(summary.savedAdded).toBe(1);
    expect(await db.papers.get('2502.00009')).toEqual({ id: '2502.00009', updatedAt: 0 });
  });
});

describe('bad files are refused with a sentence and nothing changes', () => {
  const cases: [string, () => Promise<string>, string][] = [
    ['oversized', async () => ' '.repeat(61 * 1024 * 1024), 'The file is 61 MB; backups larger than 50 MB are refused.'],
    ['truncated JSON', async () => serializeBackup(await validBackup()).slice(0, 100), 'The file is not valid JSON — it may be truncated.'],
    ['not an object', async () => '[1,2,3]', 'This file is not a Papers Inbox backup.'],
    ['wrong format', async () => JSON.stringify({ ...(await validBackup()), format: 'something-else' }), 'This file is not a Papers Inbox backup.'],
    ['missing format', async () => JSON.stringify({ version: 1 }), 'This file is not a Papers Inbox backup.'],
    ['version 2', async () => JSON.stringify({ ...(await validBackup()), version: 2 }), 'This backup was made by a newer version of Papers Inbox (format version 2); this version reads version 1.'],
    ['bad id', async () => {
      const b = await validBackup();
      return JSON.stringify({ ...b, papers: [paper('2502.00001'), paper('2502.00002'), paper('2502.00003'), paper('../etc')] });
    }, 'The backup is damaged: papers[3].id is not an arXiv id.'],
    ['wrong types', async () => JSON.stringify({ ...(await validBackup()), saved: [{ ...saved('2502.00001'), savedAt: 'yesterday' }] }), 'The backup is damaged: saved[0].savedAt should be a number.'],
    ['missing table', async () => {
      const { filters: _omit, ...rest } = await validBackup();
      return JSON.stringify(rest);
    }, 'The backup is damaged: filters is missing.'],
  ];

  it.each(cases)('%s', async (_name, makeText, sentence) => {
    const db = freshDb();
    await seed(db);
    const before = await snapshot(db);
    const result = parseBackup(await makeText());
    expect(result).toEqual({ ok: false, error: sentence });
    expect(await snapshot(db)).toEqual(before);
  });

  it('the size limit is 50 MB', () => {
    expect(MAX_BACKUP_BYTES).toBe(50 * 1024 * 1024);
  });
});

describe('merge rules', () => {
  const backupWith = async (parts: Partial<Backup>): Promise<Backup> => ({ ...(await validBackup()), papers: [], saved: [], filters: [], ...parts });

  it('a newer paper row in the backup wins; an older one does not', async () => {
    const db = freshDb();
    await db.papers.bulkPut([paper('2502.00001', { title: 'Local old', updatedAt: 1000 }), paper('2502.00002', { title: 'Local new', updatedAt: 3000 })]);
    const summary = await restoreBackup(db, await backupWith({ papers: [paper('2502.00001', { title: 'Backup new', updatedAt: 2000 }), paper('2502.00002', { title: 'Backup old', updatedAt: 2000 })] }));
    expect((await db.papers.get('2502.00001'))?.title).toBe('Backup new');
    expect((await db.papers.get('2502.00002'))?.title).toBe('Local new');
    expect(summary).toMatchObject({ papersAdded: 0, papersUpdated: 1 });
  });

  it('a paper read anywhere stays read, and the earliest firstShownAt is kept', async () => {
    const db = freshDb();
    await db.papers.bulkPut([paper('2502.00001', { readAt: 1500, firstShownAt: 900, updatedAt: 1000 }), paper('2502.00002', { firstShownAt: 100, updatedAt: 5000 })]);
    await restoreBackup(db, await backupWith({ papers: [paper('2502.00001', { firstShownAt: 800, updatedAt: 2000 }), paper('2502.00002', { readAt: 4000, firstShownAt: 300, updatedAt: 2000 })] }));
    expect(await db.papers.get('2502.00001')).toMatchObject({ readAt: 1500, firstShownAt: 800, updatedAt: 2000 });
    expect(await db.papers.get('2502.00002')).toMatchObject({ readAt: 4000, firstShownAt: 100, updatedAt: 5000 });
  });

  it('saved entries: newer updatedAt wins both ways', async () => {
    const db = freshDb();
    await db.saved.bulkPut([saved('2502.00001', { note: 'local', updatedAt: 1000 }), saved('2502.00002', { note: 'local', updatedAt: 3000 })]);
    const summary = await restoreBackup(db, await backupWith({ saved: [saved('2502.00001', { note: 'backup', updatedAt: 2000 }), saved('2502.00002', { note: 'backup', updatedAt: 2000 }), saved('2502.00003')] }));
    expect((await db.saved.get('2502.00001'))?.note).toBe('backup');
    expect((await db.saved.get('2502.00002'))?.note).toBe('local');
    expect(summary).toMatchObject({ savedAdded: 1, savedUpdated: 1 });
  });

  it('filters: newer updatedAt wins both ways; settings are applied', async () => {
    const db = freshDb();
    await db.filters.bulkPut([rule('a', { pattern: 'local', updatedAt: 1000 }), rule('b', { pattern: 'local', updatedAt: 3000 })]);
    const summary = await restoreBackup(db, await backupWith({ filters: [rule('a', { pattern: 'backup', updatedAt: 2000 }), rule('b', { pattern: 'backup', updatedAt: 2000 })] }));
    expect((await db.filters.get('a'))?.pattern).toBe('backup');
    expect((await db.filters.get('b'))?.pattern).toBe('local');
    expect(summary).toMatchObject({ filtersAdded: 0, filtersUpdated: 1, settingsRestored: true });
    expect((await db.settings.get('settings'))?.value.badge).toBe('today');
  });

  it('a rule that cannot run safely is restored switched off and named; the rest of the file is restored whole', async () => {
    const db = freshDb();
    const hostile = rule('bad', { kind: 'regex', pattern: '(a)\\1+$', fields: ['abstract'] });
    const backup = await backupWith({ filters: [rule('good'), hostile], saved: [saved('2502.00001')] });
    const summary = await restoreBackup(db, backup);
    expect(summary.filtersSwitchedOff).toEqual([{ pattern: '(a)\\1+$', error: expect.stringMatching(/back-reference/) }]);
    expect(await db.filters.get('bad')).toMatchObject({ pattern: '(a)\\1+$', enabled: false });
    expect(await db.filters.get('good')).toMatchObject({ enabled: true });
    expect(await db.saved.get('2502.00001')).toBeDefined();
    expect(summary).toMatchObject({ filtersAdded: 2 });
  });

  it('a rule the file already has switched off stays off and is not named', async () => {
    const db = freshDb();
    const summary = await restoreBackup(db, await backupWith({ filters: [rule('bad', { kind: 'regex', pattern: '(a)\\1', enabled: false })] }));
    expect(summary.filtersSwitchedOff).toEqual([]);
    expect(await db.filters.get('bad')).toMatchObject({ enabled: false });
  });
});
