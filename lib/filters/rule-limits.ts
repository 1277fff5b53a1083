import type { FilterField } from './rule';

// Plain constants, apart from the Zod schemas in rule.ts, so the content script's matcher can use
// them without bundling Zod (the content script has a 40 KB budget).
export const FILTER_PATTERN_MAX = 200;
export const DEFAULT_FILTER_FIELDS: readonly FilterField[] = ['title', 'abstract', 'keywords'];
