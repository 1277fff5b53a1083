import type { FilterVerdict } from '../filters/rule';
import type { PageKind } from '../hf/page-kind';
import type { ForYouScore } from '../messages';
import { countsOf } from '../counts-of';
import type { PageSummary } from '../page-summary';
import type { PaperMeta, PaperState } from '../paper';

/** What the annotator needs to render one card. */
export type CardView = {
  id: string;
  state: PaperState;
  saved: boolean;
  verdict: FilterVerdict | undefined;
  /** The user pressed Show on this hidden card during this page view. */
  revealed: boolean;
  /** "For you" score and reason (none before the model exists). */
  score?: ForYouScore;
};

/**
 * Everything known about one page view (one URL, one loadId). Never reused across URLs: a new
 * location gets a new model, so stale props or states can't leak into it.
 */
export class PageModel {
  readonly loadId = crypto.randomUUID();
  readonly elements = new Map<string, HTMLElement>();
  readonly metas = new Map<string, PaperMeta>();
  readonly states = new Map<string, PaperState>();
  readonly saved = new Set<string>();
  readonly verdicts = new Map<string, FilterVerdict>();
  readonly revealed = new Set<string>();
  readonly scores = new Map<string, ForYouScore>();
  /** Decided once per load by the store's first answer. */
  readonly newIds = new Set<string>();

  constructor(readonly url: URL, readonly kind: PageKind) {}

  /** Ids with a state, in document order (cards the store answered for). */
  ids(): string[] {
    return [...this.elements.keys()].filter((id) => this.states.has(id));
  }

  view(id: string): CardView | null {
    const state = this.states.get(id);
    if (state === undefined) return null;
    return { id, state, saved: this.saved.has(id), verdict: this.verdicts.get(id), revealed: this.revealed.has(id), score: this.scores.get(id) };
  }

  // Arrow fields: passed as callbacks to countsOf (and shorter minified than a method + wrapper).
  isHidden = (id: string): boolean => this.verdicts.get(id)?.action === 'hide';
  isRead = (id: string): boolean => this.states.get(id) === 'read';

  /** Applies the store's answer; a later answer never turns a "new" card back into unread. */
  setState(id: string, state: PaperState, firstAnswer: boolean): void {
    if (firstAnswer && state === 'new') this.newIds.add(id);
    // "New" holds for the whole page view: back to unread (an undo, a toggle) means new again.
    this.states.set(id, state === 'unread' && this.newIds.has(id) ? 'new' : state);
  }

  /** Merges stored metadata under what the page itself showed (the page is fresher). */
  mergeMeta(meta: PaperMeta): void {
    const page = this.metas.get(meta.id);
    this.metas.set(meta.id, page ? { ...meta, ...page } : meta);
  }

  /** The background's filter verdicts for these ids (an id without one is not filtered). */
  setVerdicts(ids: readonly string[], verdicts: Readonly<Record<string, FilterVerdict>>, scores: Readonly<Record<string, ForYouScore>> = {}): void {
    for (const id of ids) {
      const verdict = verdicts[id];
      if (verdict) this.verdicts.set(id, verdict);
      else this.verdicts.delete(id);
      const score = scores[id];
      if (score) this.scores.set(id, score);
      else this.scores.delete(id);
    }
  }

  forget(id: string): void {
    this.elements.delete(id);
    this.states.delete(id);
    this.verdicts.delete(id);
  }

  summary(recognized: boolean, now: number): PageSummary {
    const ids = this.ids();
    const newIds = ids.filter((id) => this.newIds.has(id));
    const { counts } = countsOf(ids, newIds, this.isRead, this.isHidden);
    return { url: this.url.href, kind: this.kind.name, recognized, ids, newIds, counts, updatedAt: now };
  }
}
