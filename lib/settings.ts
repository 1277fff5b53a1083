import { z } from 'zod';

/** 'for-you': how many of today's 10 best papers for the user (lib/ranking/top.ts) are unread. */
export const BadgeMode = z.enum(['off', 'page', 'today', 'for-you']);
export const ReadCardStyle = z.enum(['subdued', 'unchanged', 'hidden']);
/** 'for-you': papers pages show the best-scored cards first (CSS `order`, styles.css); 'hf': the site's order. */
export const CardOrder = z.enum(['hf', 'for-you']);

export const Settings = z.object({
  /** Off by default: users of FreshRSS, Feeder and NetNewsWire lost whole lists to it. */
  markReadOnScrollPast: z.boolean().default(false),
  badge: BadgeMode.default('page'),
  readCards: ReadCardStyle.default('subdued'),
  cardOrder: CardOrder.default('hf'),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});
export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
