import { z } from 'zod';

export const PageKindName = z.enum(['daily', 'week', 'month', 'trending', 'search', 'paper']);
export type PageKindName = z.infer<typeof PageKindName>;
