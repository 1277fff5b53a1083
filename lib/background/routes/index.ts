import { backupRoutes } from './backup';
import { readRoutes } from './reads';
import { readingListRoutes } from './reading-list';
import type { RouteTable } from './route';
import { ruleRoutes } from './rules';
import { settingsRoutes } from './settings';
import { stateRoutes } from './states';
import { tabRoutes } from './tabs';
import { todayRoutes } from './today';

/** Each group once; a test checks that no request type is routed by two groups (a spread would hide it). */
export const ROUTE_GROUPS = [stateRoutes, readRoutes, readingListRoutes, ruleRoutes, settingsRoutes, backupRoutes, tabRoutes, todayRoutes];

/** The background's one route per request type; `satisfies` fails the build when one is missing. */
export const ROUTES = {
  ...stateRoutes,
  ...readRoutes,
  ...readingListRoutes,
  ...ruleRoutes,
  ...settingsRoutes,
  ...backupRoutes,
  ...tabRoutes,
  ...todayRoutes,
} satisfies RouteTable;
