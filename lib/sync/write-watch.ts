import type { DBCore, Middleware } from 'dexie';

/** The tables whose rows sync carries (the sync table itself is not one: writing it must not start a sync). */
export const SYNCED_TABLES: ReadonlySet<string> = new Set(['saved', 'papers', 'filters', 'settings']);

/**
 * A Dexie middleware that calls `onWrite(table)` after each successful write to a synced table,
 * whoever makes it (any route of the background, undo, a restore): the sync engine hears about
 * every local change without each route having to remember it.
 */
export function writeWatchMiddleware(onWrite: (table: string) => void): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'PapersInboxSyncWatch',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (!SYNCED_TABLES.has(name)) return table;
        return {
          ...table,
          async mutate(req) {
            const res = await table.mutate(req);
            onWrite(name);
            return res;
          },
        };
      },
    }),
  };
}
