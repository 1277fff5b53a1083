import { FOR_YOU_TOP } from '../ranking/top';
import type { PapersInboxDb } from '../store/db';
import { getTodayList, withoutRecordFields } from '../store/repository';
import type { Ranker } from './ranker';

/**
 * For the badge's 'for-you' mode: how many of today's 10 best papers for the user are unread.
 * Without a model (fewer than 5 saves) nothing is ranked yet: every unread paper of today
 * counts, as in 'today' mode, rather than a misleading 0.
 */
export async function forYouUnreadCount(db: PapersInboxDb, ranker: Pick<Ranker, 'scores'>): Promise<number> {
  const ids = (await getTodayList(db))?.ids ?? [];
  const rows = (await db.papers.bulkGet(ids)).flatMap((row) => (row ? [row] : []));
  const scores = await ranker.scores(rows.map(withoutRecordFields));
  if (!scores) return rows.filter((row) => row.readAt === undefined).length;
  const best = rows
    .filter((row) => scores[row.id] !== undefined)
    .sort((a, b) => (scores[b.id]?.score ?? 0) - (scores[a.id]?.score ?? 0))
    .slice(0, FOR_YOU_TOP);
  return best.filter((row) => row.readAt === undefined).length;
}
