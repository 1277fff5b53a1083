import { z } from 'zod';
import { FILTER_PATTERN_MAX } from './rule-limits';

export { DEFAULT_FILTER_FIELDS, FILTER_PATTERN_MAX } from './rule-limits';

export const FilterKind = z.enum(['keyword', 'regex', 'author', 'min-upvotes']);
export type FilterKind = z.infer<typeof FilterKind>;
export const FilterField = z.enum(['title', 'abstract', 'keywords', 'authors']);
export type FilterField = z.infer<typeof FilterField>;
export const FilterAction = z.enum(['hide', 'dim', 'highlight']);
export type FilterAction = z.infer<typeof FilterAction>;

/** A topic filter rule. Regex validity is checked separately (validateRule) so the message can say why. */
export const FilterRule = z.object({
  id: z.string().min(1).max(64),
  pattern: z.string().trim().min(1, 'The pattern is empty.').max(FILTER_PATTERN_MAX),
  kind: FilterKind,
  fields: z.array(FilterField).min(1).max(4),
  action: FilterAction,
  unless: z.string().trim().max(FILTER_PATTERN_MAX).optional(),
  enabled: z.boolean(),
  /** Epoch ms; the rule does nothing until then. */
  snoozeUntil: z.number().int().optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type FilterRule = z.infer<typeof FilterRule>;

/** What applied to one paper: the strongest action wins (hide > dim > highlight). */
export const FilterVerdict = z.object({
  action: FilterAction,
  /** The label of the rule that decided it (its pattern). */
  reason: z.string().max(FILTER_PATTERN_MAX),
  ruleId: z.string().min(1).max(64),
});
export type FilterVerdict = z.infer<typeof FilterVerdict>;
