import { z } from 'zod';
import { FilterRule } from '../filters/rule';
import { ArxivId, PaperMeta } from '../paper';

/**
 * One row per paper ever shown, saved or fetched. Timestamps instead of booleans: IndexedDB
 * cannot index booleans, and the times make history and undo possible.
 */
export const PaperRecord = PaperMeta.extend({
  /** First time a card of it was rendered on a page the user opened (epoch ms). */
  firstShownAt: z.number().int().optional(),
  readAt: z.number().int().optional(),
  /**
   * The page load that first showed it (not indexed). A retry of that same load (e.g. after a
   * service-worker restart mid-batch) must still show it as new.
   */
  firstShownLoad: z.string().max(100).optional(),
  /** Last time any metadata was written. */
  updatedAt: z.number().int(),
});
export type PaperRecord = z.infer<typeof PaperRecord>;

export const SavedStatus = z.enum(['to-read', 'done']);
export type SavedStatus = z.infer<typeof SavedStatus>;

/** A reading-list entry; the paper's metadata lives in `papers`. */
export const SavedRecord = z.object({
  id: ArxivId,
  savedAt: z.number().int(),
  tags: z.array(z.string().trim().min(1).max(60)).max(50),
  note: z.string().max(20_000),
  status: SavedStatus,
  updatedAt: z.number().int(),
});
export type SavedRecord = z.infer<typeof SavedRecord>;

/** Today's Daily Papers list as last fetched from the API. */
export const TodayList = z.object({
  key: z.literal('today'),
  /** YYYY-MM-DD the list is for. */
  date: z.string(),
  ids: z.array(ArxivId),
  /** When the last good list was fetched (epoch ms). */
  fetchedAt: z.number().int(),
  /** The last failure, kept so the popup can say "offline since…". */
  lastError: z.string().optional(),
  lastErrorAt: z.number().int().optional(),
});
export type TodayList = z.infer<typeof TodayList>;

/** Previous read state of each paper touched by a bulk action, so undo restores it exactly. */
export const UndoEntry = z.object({
  token: z.string(),
  createdAt: z.number().int(),
  label: z.string(),
  previous: z.array(z.object({ id: ArxivId, readAt: z.number().int().optional() })),
  /** Saved entries to restore or remove on undo (for save/unsave undo). */
  saved: z
    .array(z.object({ id: ArxivId, before: SavedRecord.optional() }))
    .optional(),
  /** Filter rules to restore or remove on undo (a one-click mute). */
  rules: z
    .array(z.object({ id: z.string(), before: FilterRule.optional() }))
    .optional(),
});
export type UndoEntry = z.infer<typeof UndoEntry>;
