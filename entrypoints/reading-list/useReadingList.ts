import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/store/db';
import type { ReadingListEntry } from '../../lib/export/entry';

/**
 * Every saved paper joined with its stored metadata, live: a save in a papers tab appears here
 * at once. A saved id without a paper row (shouldn't happen) still shows, with its id as title.
 */
export function useReadingList(): ReadingListEntry[] | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const saved = await db.saved.toArray();
    const papers = await db.papers.bulkGet(saved.map((s) => s.id));
    return saved.map((s, i) => ({ paper: papers[i] ?? { id: s.id, updatedAt: s.updatedAt }, saved: s }));
  }, []);
}
