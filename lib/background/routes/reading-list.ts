import { Done, OpenReadingList, SavePaper, UndoToken, UnsavePaper, UpdateSaved } from '../../messages';
import * as repo from '../../store/repository';
import { enrichSavedPaper } from '../enrich-saved';
import { NOTHING, Refusal, type RouteTable } from './route';

/** The reading list: save, unsave, edit an entry, open the list's page. */
export const readingListRoutes = {
  save: {
    request: SavePaper,
    response: UndoToken,
    openToContentScripts: true,
    invalidates: (req) => ({ states: { ids: [req.paper.id], saved: true }, origin: req.token }),
    handle: async (req, deps) => {
      const undoToken = await repo.savePaper(deps.db, req.paper, deps.now(), req.token);
      // Not awaited: the answer does not wait for HF. Its own notice may reach tabs before or
      // after this save's; either order ends with the tabs showing what is stored.
      if (!req.paper.title || !req.paper.summary) void enrichSavedPaper(deps, req.paper);
      return { undoToken };
    },
  },
  unsave: {
    request: UnsavePaper,
    response: UndoToken,
    openToContentScripts: true,
    invalidates: (req) => ({ states: { ids: [req.id], saved: false }, origin: req.token }),
    handle: async (req, deps) => ({ undoToken: await repo.unsavePaper(deps.db, req.id, deps.now(), req.token) }),
  },
  'update-saved': {
    request: UpdateSaved,
    response: Done,
    openToContentScripts: false,
    invalidates: (req) => ({ states: { ids: [req.id], saved: true } }),
    handle: async (req, deps) => {
      const { id, type: _type, ...patch } = req;
      const found = await repo.updateSaved(deps.db, id, patch, deps.now());
      if (!found) throw new Refusal('This paper is not on the reading list any more.');
      return null;
    },
  },
  'open-reading-list': {
    request: OpenReadingList,
    response: Done,
    // Content scripts can't open extension pages themselves.
    openToContentScripts: true,
    invalidates: NOTHING,
    handle: async (_req, deps) => {
      await deps.openReadingList?.();
      return null;
    },
  },
} satisfies Partial<RouteTable>;
