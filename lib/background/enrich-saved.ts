import { paperApiUrl, parsePaperResponse } from '../hf/api';
import type { PaperMeta } from '../paper';
import * as repo from '../store/repository';
import type { RouteDeps } from './routes/route';

/** After replying to `save`: fetch the paper's abstract so the reading list works offline. */
export async function enrichSavedPaper(deps: RouteDeps, meta: PaperMeta): Promise<void> {
  if (!deps.fetch) return;
  try {
    const response = await deps.fetch(paperApiUrl(meta.id));
    if (!response.ok) return;
    const fetched = parsePaperResponse(await response.json());
    if (!fetched || fetched.id !== meta.id) return;
    // Fetched fields fill gaps; what the page gave (and is already stored) stays.
    await repo.storeFetchedPapers(deps.db, [{ ...fetched, ...stripUndefined(meta) }], deps.now());
    deps.notifyTabs({ type: 'store-changed', ids: [meta.id] });
  } catch {
    // Offline: the saved entry keeps what the page gave; a later save or page visit fills the rest.
  }
}

function stripUndefined(meta: PaperMeta): PaperMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as PaperMeta;
}
