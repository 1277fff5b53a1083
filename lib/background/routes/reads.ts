import { MarkAllRead, Restored, SetRead, Undo, UndoToken } from '../../messages';
import * as repo from '../../store/repository';
import type { RouteTable } from './route';

/** Read and unread, and the undo of any undoable write. */
export const readRoutes = {
  'set-read': {
    request: SetRead,
    response: UndoToken,
    openToContentScripts: true,
    invalidates: (req) => ({ states: { ids: req.ids, read: req.read }, origin: req.token }),
    handle: async (req, deps) => ({ undoToken: await repo.setRead(deps.db, req.ids, req.read, deps.now(), req.token) }),
  },
  'mark-all-read': {
    request: MarkAllRead,
    response: UndoToken,
    openToContentScripts: true,
    invalidates: (req) => ({ states: { ids: req.ids, read: true }, origin: req.token }),
    handle: async (req, deps) => ({ undoToken: await repo.markAllRead(deps.db, req.ids, deps.now(), req.token) }),
  },
  undo: {
    request: Undo,
    response: Restored,
    openToContentScripts: true,
    // An undo may restore reads, saves or rules: every tab re-reads. Nothing restored, nothing to say.
    invalidates: (_req, res) => (res.restored > 0 ? { everything: true } : {}),
    handle: async (req, deps) => ({ restored: await repo.undo(deps.db, req.token) }),
  },
} satisfies Partial<RouteTable>;
