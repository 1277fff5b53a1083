import type { FilterRule, FilterVerdict } from '../../../lib/filters/rule';
import { parsePapersPage } from '../../../lib/hf/parse-page';
import type { Request } from '../../../lib/messages';
import type { Transport } from '../../../lib/transport';
import type { PaperMeta } from '../../../lib/paper';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { slotOf } from '../../../lib/store/state-bits';
import { PageActions } from '../../../lib/content/actions';
import { lifetimeOf } from '../../../lib/content/lifetime';
import { createMessenger, type Requester } from '../../../lib/content/messenger';
import { PageSession } from '../../../lib/content/page-session';
import { startFeatures } from '../../../lib/content/start';
import { Overlay } from '../../../lib/content/toast';

export const hfUrl = (path: string) => new URL(`https://huggingface.co${path}`);

/** A builder's HTML as its own Document (fast: parsed once). */
export function toDocument(source: string): Document {
  return new DOMParser().parseFromString(source, 'text/html');
}

/** Loads a builder's HTML into the global document (the content script's world). */
export function loadPage(source: string): Document {
  const parsed = new DOMParser().parseFromString(source, 'text/html');
  const html = document.documentElement;
  for (const name of html.getAttributeNames()) html.removeAttribute(name);
  for (const attr of parsed.documentElement.attributes) html.setAttribute(attr.name, attr.value);
  html.innerHTML = parsed.documentElement.innerHTML;
  return document;
}

/** A keyword "filter" good enough for content tests: title contains the pattern. */
export function fakeFilters(papers: PaperMeta[], rules: FilterRule[]): { verdicts: Map<string, FilterVerdict> } {
  const verdicts = new Map<string, FilterVerdict>();
  for (const paper of papers) {
    const rule = rules.find((r) => r.enabled && (paper.title ?? '').toLowerCase().includes(r.pattern.toLowerCase()));
    if (rule) verdicts.set(paper.id, { action: rule.action, reason: rule.pattern, ruleId: rule.id });
  }
  return { verdicts };
}

export function rule(pattern: string, action: FilterRule['action']): FilterRule {
  return { id: `r-${pattern}`, pattern, kind: 'keyword', fields: ['title'], action, enabled: true, createdAt: 0, updatedAt: 0 };
}

/**
 * A fake background: remembers which ids were shown (per loadId, so a retry is idempotent),
 * which are read and saved, and logs every request.
 */
export class FakeBackground {
  log: Request[] = [];
  shown = new Set<string>();
  read = new Set<string>();
  saved = new Set<string>();
  rules: FilterRule[] = [];
  failNext = 0;
  /** Fail this many cards-shown requests (service worker restarting). */
  failCardsShown = 0;
  /** Requests the background answers with a refusal, and its sentence (e.g. storage full). */
  refuse: Partial<Record<Request['type'], string>> = {};
  private answers = new Map<string, Record<string, 'new' | 'unread' | 'read'>>();
  /** What pages sent about each paper: the filters (run here, as in the real background) read it. */
  private metas = new Map<string, PaperMeta>();
  /** Holds cards-shown answers until released (to test races). */
  gate: Promise<void> | null = null;
  /** Holds get-page-context answers until released. */
  contextGate: Promise<void> | null = null;

  /** Routes a messenger's requests here (what the content script's start passes as the browser's). */
  readonly transport: Transport = (request) => this.handle(request);

  async handle(request: Request): Promise<unknown> {
    this.log.push(request);
    const failShown = request.type === 'cards-shown' && this.failCardsShown > 0;
    if (failShown) this.failCardsShown--;
    if (this.failNext > 0 || failShown) {
      if (!failShown) this.failNext--;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }
    const refusal = this.refuse[request.type];
    if (refusal !== undefined) return { ok: false, error: refusal };
    if (this.gate && request.type === 'cards-shown') await this.gate;
    if (this.contextGate && request.type === 'get-page-context') await this.contextGate;
    return { ok: true, data: this.answer(request) };
  }

  private stateOf(id: string): 'new' | 'unread' | 'read' {
    if (this.read.has(id)) return 'read';
    return this.shown.has(id) ? 'unread' : 'new';
  }

  /** Verdicts of the current rules for ids, from the stored data under the request's own. */
  private verdicts(ids: string[], papers: PaperMeta[] = []): Record<string, FilterVerdict> {
    for (const paper of papers) this.metas.set(paper.id, { ...this.metas.get(paper.id), ...paper });
    const known = ids.flatMap((id) => this.metas.get(id) ?? []);
    return Object.fromEntries(fakeFilters(known, this.rules).verdicts);
  }

  private answer(request: Request): unknown {
    switch (request.type) {
      case 'cards-shown': {
        const states: Record<string, 'new' | 'unread' | 'read'> = {};
        for (const paper of request.papers) {
          const key = `${request.loadId}/${paper.id}`;
          const known = this.answers.get(key);
          states[paper.id] = known?.[paper.id] ?? this.stateOf(paper.id);
          this.answers.set(key, { [paper.id]: states[paper.id] ?? 'new' });
          this.shown.add(paper.id);
        }
        const ids = request.papers.map((p) => p.id);
        return { states, saved: ids.filter((id) => this.saved.has(id)), metas: [], verdicts: this.verdicts(ids, request.papers) };
      }
      case 'get-page-context':
        return { rules: this.rules, settings: DEFAULT_SETTINGS };
      case 'get-states':
        return {
          read: request.ids.filter((id) => this.read.has(id)),
          saved: request.ids.filter((id) => this.saved.has(id)),
          shown: request.ids.filter((id) => this.shown.has(id)),
          verdicts: this.verdicts(request.ids, request.papers),
        };
      case 'set-read':
        for (const id of request.ids) (request.read ? this.read.add(id) : this.read.delete(id));
        return { undoToken: 'tok-read' };
      case 'mark-all-read':
        for (const id of request.ids) this.read.add(id);
        return { undoToken: 'tok-all' };
      case 'save':
        this.saved.add(request.paper.id);
        return { undoToken: 'tok-save' };
      case 'unsave':
        this.saved.delete(request.id);
        return { undoToken: 'tok-unsave' };
      case 'mute':
        return { undoToken: 'tok-mute' };
      case 'get-month-states': {
        // As the real route: with a rule on, the state index alone does not say what a card shows.
        if (this.rules.some((rule) => rule.enabled)) return { predictable: false, read: [], shown: [], saved: [] };
        const inMonth = (ids: Set<string>) => [...ids].filter((id) => slotOf(id)?.key === request.month);
        return { predictable: true, read: inMonth(this.read), shown: inMonth(this.shown), saved: inMonth(this.saved) };
      }
      default:
        return null;
    }
  }

  count(type: Request['type']): number {
    return this.log.filter((r) => r.type === type).length;
  }

  last<T extends Request['type']>(type: T): Extract<Request, { type: T }> | undefined {
    return this.log.filter((r): r is Extract<Request, { type: T }> => r.type === type).at(-1);
  }
}

export type SessionHarness = {
  session: PageSession;
  request: Requester;
  setUrl: (path: string) => void;
  abort: AbortController;
  /** Sentences the messenger gave up with (the content script shows each as an alert toast). */
  failures: string[];
};

export function makeSession(doc: Document, path: string, transport: Transport): SessionHarness {
  let url = hfUrl(path);
  const abort = new AbortController();
  const failures: string[] = [];
  const request = createMessenger({ transport, onDead: () => abort.abort(), onFailure: (s) => failures.push(s), sleep: async () => {} });
  const session = new PageSession({
    doc, currentUrl: () => url, parse: parsePapersPage, request, now: () => 1_000, signal: abort.signal,
  });
  return { session, request, setUrl: (p) => (url = hfUrl(p)), abort, failures };
}

/** A session with every feature of the content script started (as start.ts does), before its first page view. */
export function makeFeaturedSession(
  doc: Document,
  path: string,
  transport: Transport,
): SessionHarness & { actions: PageActions; overlay: Overlay } {
  const h = makeSession(doc, path, transport);
  const life = lifetimeOf(h.abort.signal);
  const overlay = new Overlay(doc, life);
  const actions = new PageActions(h.session, overlay);
  startFeatures({ doc, session: h.session, actions, overlay, request: h.request }, life);
  return { ...h, actions, overlay };
}
