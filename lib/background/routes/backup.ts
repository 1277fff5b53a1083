import { parseBackup, restoreBackup } from '../../export/backup';
import { RestoreBackup, RestoreSummary } from '../../messages';
import { Refusal, type RouteTable } from './route';

/** Restoring a backup file (making one needs no background: the reading list page reads Dexie). */
export const backupRoutes = {
  'restore-backup': {
    request: RestoreBackup,
    response: RestoreSummary,
    openToContentScripts: false,
    // Papers, the reading list, rules and settings may all change: tabs re-read, with the new context.
    invalidates: { rules: true, settings: true },
    handle: async (req, deps) => {
      const parsed = parseBackup(req.text);
      if (!parsed.ok) throw new Refusal(parsed.error);
      return restoreBackup(deps.db, parsed.backup);
    },
  },
} satisfies Partial<RouteTable>;
