import { RefreshResult, RefreshToday } from '../../messages';
import type { RouteTable } from './route';

/** Today's list from HF (the badge's "today" count). */
export const todayRoutes = {
  'refresh-today': {
    request: RefreshToday,
    response: RefreshResult,
    openToContentScripts: true,
    invalidates: { today: true },
    // The popup's button forces a fetch; pages are throttled so a busy tab can't hammer HF.
    handle: (_req, deps, sender) => deps.refreshToday(sender.kind === 'extension'),
  },
} satisfies Partial<RouteTable>;
