import { z } from 'zod';

/** 'for-you': how many of today's 10 best papers for the user (lib/ranking/top.ts) are unread. */
export const BadgeMode = z.enum(['off', 'page', 'today', 'for-you']);
export const ReadCardStyle = z.enum(['subdued', 'unchanged', 'hidden']);

export const Settings = z.object({
  /** Off by default: users of FreshRSS, Feeder and NetNewsWire lost whole lists to it. */
  markReadOnScrollPast: z.boolean().default(false),
  badge: BadgeMode.default('page'),
  readCards: ReadCardStyle.default('subdued'),
  /** Sync through the browser's own storage.sync (lib/background/sync-engine.ts); per device, never synced itself. */
  sync: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});
export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
