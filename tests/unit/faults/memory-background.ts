import { Request, type Reply, type RequestOf, type ResponseMap } from '../../../lib/messages';
import type { PageSummary } from '../../../lib/page-summary';
import type { PaperState } from '../../../lib/paper';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { Transport } from '../../../lib/transport';

/**
 * An in-memory stand-in for the background that answers like it: every message is parsed with the
 * real `Request` schema first (what the background would refuse is refused here, and recorded), and
 * states follow the repository's rules (new once per loadId, read wins, saved apart). The real
 * handler over fake-indexeddb costs ~0.4 s per write here, too slow for a sweep of ~150 pages.
 */
export class MemoryBackground {
  readonly requests: Request[] = [];
  /** Messages the real background would have refused, with its reason. */
  readonly refused: { message: unknown; error: string }[] = [];
  readonly read = new Set<string>();
  readonly saved = new Set<string>();
  readonly reports: PageSummary[] = [];
  /** id → the loadId that first showed it (the repository's firstShownLoad). */
  private readonly firstShownLoad = new Map<string, string>();

  /** Routes a messenger's requests here. */
  readonly transport: Transport = (message) => this.handle(message);

  async handle(message: unknown): Promise<Reply<unknown>> {
    const parsed = Request.safeParse(message);
    if (!parsed.success) {
      const error = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      this.refused.push({ message, error });
      return { ok: false, error };
    }
    this.requests.push(parsed.data);
    return { ok: true, data: this.answer(parsed.data) };
  }

  of<T extends Request['type']>(type: T): RequestOf<T>[] {
    return this.requests.filter((r): r is RequestOf<T> => r.type === type);
  }

  private stateFor(id: string, loadId: string): PaperState {
    if (this.read.has(id)) return 'read';
    const first = this.firstShownLoad.get(id);
    return first === undefined || first === loadId ? 'new' : 'unread';
  }

  private shown(req: RequestOf<'cards-shown'>): ResponseMap['cards-shown'] {
    const states: Record<string, PaperState> = {};
    for (const { id } of req.papers) {
      states[id] = this.stateFor(id, req.loadId);
      if (!this.firstShownLoad.has(id)) this.firstShownLoad.set(id, req.loadId);
    }
    return { states, saved: req.papers.map((p) => p.id).filter((id) => this.saved.has(id)), metas: [], verdicts: {} };
  }

  private answer(req: Request): unknown {
    switch (req.type) {
      case 'cards-shown':
        return this.shown(req);
      case 'get-page-context':
        return { rules: [], settings: DEFAULT_SETTINGS };
      case 'get-states':
        return {
          read: req.ids.filter((id) => this.read.has(id)),
          saved: req.ids.filter((id) => this.saved.has(id)),
          shown: req.ids.filter((id) => this.firstShownLoad.has(id)),
          verdicts: {},
        };
      case 'set-read':
        for (const id of req.ids) (req.read ? this.read.add(id) : this.read.delete(id));
        return { undoToken: 'token-read' };
      case 'report-page':
        this.reports.push(req.summary);
        return null;
      case 'mute':
        return { undoToken: 'token-mute' };
      default:
        throw new Error(`memory background: ${req.type} is not expected from a page session`);
    }
  }
}
