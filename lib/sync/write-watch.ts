import type { DBCore, Middleware } from 'dexie';

/** The tables whose rows sync carries (the sync table itself is not one: writing it must not start a sync). */
const WATCHED = new Set(['saved', 'papers', 'filters', 'settings']);

/**
 * A Dexie middleware that calls `onWrite` after each successful write to a synced table, whoever
 * makes it (any route of the background, undo, a restore): the sync engine hears about every local
 * change without each route having to remember it.
 */
export function writeWatchMiddleware(onWrite: () => void): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'PapersInboxSyncWatch',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (!WATCHED.has(name)) return table;
        return {
          ...table,
          async mutate(req) {
            const res = await table.mutate(req);
            onWrite();
            return res;
          },
        };
      },
    }),
  };
}
