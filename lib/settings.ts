import { z } from 'zod';

/** 'for-you': how many of today's 10 best papers for the user (lib/ranking/top.ts) are unread. */
export const BadgeMode = z.enum(['off', 'page', 'today', 'for-you']);
export const ReadCardStyle = z.enum(['subdued', 'unchanged', 'hidden']);
/** 'for-you': papers pages show the best-scored cards first (CSS `order`, for-you-order.css); 'hf': the site's order. */
export const CardOrder = z.enum(['hf', 'for-you']);

/** Each setting's type, without its default (a patch must say nothing of what it leaves alone). */
const SettingFields = {
  /** Off by default: users of FreshRSS, Feeder and NetNewsWire lost whole lists to it. */
  markReadOnScrollPast: z.boolean(),
  badge: BadgeMode,
  readCards: ReadCardStyle,
  cardOrder: CardOrder,
  /** Sync through the browser's own storage.sync (lib/background/sync-engine.ts); per device, never synced itself. */
  sync: z.boolean(),
};

export const Settings = z.object({
  markReadOnScrollPast: SettingFields.markReadOnScrollPast.default(false),
  badge: SettingFields.badge.default('page'),
  readCards: SettingFields.readCards.default('subdued'),
  cardOrder: SettingFields.cardOrder.default('hf'),
  sync: SettingFields.sync.default(false),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});
/**
 * Only the settings named. Not `Settings.partial()`: Zod would fill every missing one with its
 * default, so changing the badge would have switched sync (and everything else) back off.
 */
export const SettingsPatch = z.object(SettingFields).partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
