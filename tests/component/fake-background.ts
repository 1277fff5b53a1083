import { createClient, type Transport } from '../../lib/client';
import type { PageSummary } from '../../lib/page-summary';
import type { Request, ResponseMap, RestoreSummary } from '../../lib/messages';
import { getDb } from '../../lib/store/db';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { tabCounts } from '../../lib/background/tab-counts';
import { FilterEngine } from '../../lib/filters/match';
import { createPageServices, type PageServices } from '../../components/page-services';
import { pageWrapper, type PageWrapper } from './page-wrapper';

/**
 * A small stand-in for the background: records every request and applies writes to the same
 * fake-indexeddb database the pages read with useLiveQuery, so tests see the live update loop.
 */
export interface FakeBackground {
  requests: Request[];
  summaries: Map<number, PageSummary | null>;
  /** Make the next requests of a type fail with this sentence. */
  failures: Map<Request['type'], string>;
  restoreResult?: RestoreSummary;
  /** The background's filters (the page has its own, in `services`). */
  filters: FilterEngine;
  /** The page's services, as its start makes them, with a client over this background. */
  services: PageServices;
  /** Renders a page under `services`: `render(<App />, { wrapper: bg.wrapper })`. */
  wrapper: PageWrapper;
}

export async function clearDb(): Promise<void> {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
}

async function handle(bg: FakeBackground, req: Request): Promise<ResponseMap[Request['type']]> {
  const db = getDb();
  const now = Date.now();
  switch (req.type) {
    case 'get-tab-summary':
      return { summary: bg.summaries.get(req.tabId) ?? null };
    case 'get-tab-counts': {
      const [rules, savedIds] = await Promise.all([db.filters.toArray(), db.saved.toCollection().primaryKeys()]);
      return tabCounts(db, bg.filters, bg.summaries.get(req.tabId) ?? null, rules, new Set(savedIds), now);
    }
    case 'mark-all-read': {
      const token = `undo-${bg.requests.length}`;
      await db.papers.bulkUpdate(req.ids.map((id) => ({ key: id, changes: { readAt: now } })));
      return { undoToken: token };
    }
    case 'undo':
      return { restored: 0 };
    case 'upsert-filter':
      await db.filters.put(req.rule);
      return null;
    case 'delete-filter':
      await db.filters.delete(req.id);
      return null;
    case 'update-saved': {
      const { type: _type, id, ...patch } = req;
      await db.saved.update(id, { ...patch, updatedAt: now });
      return null;
    }
    case 'unsave':
      await db.saved.delete(req.id);
      return { undoToken: 'undo-unsave' };
    case 'update-settings': {
      const current = (await db.settings.get('settings'))?.value ?? DEFAULT_SETTINGS;
      await db.settings.put({ key: 'settings', value: { ...current, ...req.patch } });
      return null;
    }
    case 'restore-backup':
      if (bg.restoreResult) return bg.restoreResult;
      throw new Error('This file is not a Papers Inbox backup: it is not valid JSON.');
    default:
      throw new Error(`fake background: ${req.type} not handled`);
  }
}

export function installFakeBackground(): FakeBackground {
  const transport: Transport = async (req) => {
    bg.requests.push(req);
    const failure = bg.failures.get(req.type);
    if (failure) return { ok: false, error: failure };
    try {
      return { ok: true, data: await handle(bg, req) };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
  const services = createPageServices(createClient(transport));
  const bg: FakeBackground = {
    requests: [], summaries: new Map(), failures: new Map(), filters: new FilterEngine(), services, wrapper: pageWrapper(services),
  };
  return bg;
}

/** Requests other than the popup's polling, which would make assertions noisy. */
export function writes(bg: FakeBackground): Request[] {
  return bg.requests.filter((r) => r.type !== 'get-tab-summary');
}
