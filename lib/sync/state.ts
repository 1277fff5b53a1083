import { z } from 'zod';
import { FilterRule } from '../filters/rule';
import { ArxivId } from '../paper';
import { SavedStatus } from '../store/records';
import { registerOf } from './clock';

/** A saved note travels clipped to this many characters, with CLIP_MARKER after it. */
export const NOTE_CLIP = 300;
export const CLIP_MARKER = ' […]';

/** One reading-list entry as synced: each field its own register, so edits of two fields on two devices both survive. */
export const SyncSaved = z.object({
  /** false = a tombstone: the user removed it (a later save brings it back). */
  on: registerOf(z.boolean()),
  status: registerOf(SavedStatus),
  tags: registerOf(z.array(z.string().trim().min(1).max(60)).max(50)),
  note: registerOf(z.string().max(NOTE_CLIP + CLIP_MARKER.length)),
  /** First time it was saved anywhere (merged by minimum). */
  at: z.number().int().min(0),
});
export type SyncSaved = z.infer<typeof SyncSaved>;

/**
 * A paper's read state: `c` counts its read/unread toggles (odd = read, even = unread), so a read
 * stays read unless someone unread it after seeing that read, and two devices reading the same
 * paper agree at once. `day` (days since 1970, UTC) places it in the rolling window.
 */
export const SyncRead = z.object({ c: z.number().int().min(1), day: z.number().int().min(0) });
export type SyncRead = z.infer<typeof SyncRead>;

/** A JSON scalar: what a setting's value can be. */
export const SettingValue = z.union([z.string().max(200), z.number(), z.boolean()]);
export type SettingValue = z.infer<typeof SettingValue>;

/** Everything sync knows; `merge` of two states is the state both devices end up with. */
export const SyncState = z.object({
  saved: z.record(ArxivId, SyncSaved),
  reads: z.record(ArxivId, SyncRead),
  /** null = a tombstone (the rule was deleted). */
  rules: z.record(z.string().min(1).max(64), registerOf(FilterRule.nullable())),
  settings: z.record(z.string().min(1).max(60), registerOf(SettingValue)),
});
export type SyncState = z.infer<typeof SyncState>;

export const emptySyncState = (): SyncState => ({ saved: {}, reads: {}, rules: {}, settings: {} });

export const isRead = (read: SyncRead): boolean => read.c % 2 === 1;

export const DAY_MS = 24 * 60 * 60 * 1000;
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

export function clipNote(note: string): string {
  return note.length <= NOTE_CLIP ? note : note.slice(0, NOTE_CLIP) + CLIP_MARKER;
}
