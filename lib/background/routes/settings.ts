import { Done, GetPageContext, PageContext, UpdateSettings } from '../../messages';
import * as repo from '../../store/repository';
import { pageContext } from '../page-context';
import { NOTHING, type RouteTable } from './route';

/** The settings, and the rules-plus-settings context a content script starts with. */
export const settingsRoutes = {
  'get-page-context': {
    request: GetPageContext,
    response: PageContext,
    openToContentScripts: true,
    invalidates: NOTHING,
    handle: (_req, deps) => pageContext(deps.db),
  },
  'update-settings': {
    request: UpdateSettings,
    response: Done,
    openToContentScripts: false,
    invalidates: { settings: true },
    handle: async (req, deps) => {
      await repo.updateSettings(deps.db, req.patch);
      return null;
    },
  },
} satisfies Partial<RouteTable>;
