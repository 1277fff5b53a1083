import type { PaperMeta } from '../paper';
import { HfPaper, parseItems } from './hf-schemas';
import { itemToPaperMeta, paperToPaperMeta } from './to-paper-meta';

const API = 'https://huggingface.co/api';

/** Today's Daily Papers list; 100 covers a busy day (HF lists ~30–60). */
export const todayApiUrl = (date: string) =>
  `${API}/daily_papers?date=${encodeURIComponent(date)}&limit=100`;

export const paperApiUrl = (id: string) => `${API}/papers/${encodeURIComponent(id)}`;

/** `GET /api/daily_papers` → metas; invalid items are dropped, a non-array gives []. */
export function parseDailyPapersResponse(json: unknown): PaperMeta[] {
  return parseItems(json).map(itemToPaperMeta);
}

/** `GET /api/papers/<id>` returns the flat `Paper`; anything else → null. */
export function parsePaperResponse(json: unknown): PaperMeta | null {
  const parsed = HfPaper.safeParse(json);
  return parsed.success ? paperToPaperMeta(parsed.data) : null;
}
