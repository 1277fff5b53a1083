import type { ResponseMap } from '../messages';
import type { PapersInboxDb } from '../store/db';
import { getSettings, listFilters } from '../store/repository';

/** The rules and settings a content script applies (read fresh: it is sent after they change). */
export async function pageContext(db: PapersInboxDb): Promise<ResponseMap['get-page-context']> {
  const [rules, settings] = await Promise.all([listFilters(db), getSettings(db)]);
  return { rules, settings };
}
