import type { PageKind } from '../hf/page-kind';
import type { ParsedCard, ParsedPage } from '../hf/parse-page';
import type { ResponseMap } from '../messages';
import type { PaperMeta, PaperState } from '../paper';
import { articlePaperId } from '../hf/cards';
import type { Settings } from '../settings';
import { CardPainter } from './annotate';
import type { EarlyStates } from './early-states';
import { inSlices, yieldToMain } from './lifetime';
import type { Requester } from './messenger';
import { PageModel, type CardView } from './page-model';
import { pageContextOf, type PageChange, type PageContext } from './tab-commands';

/** ≤ 500 ids per `cards-shown`: one message per batch, never one per card. */
export const SHOWN_BATCH = 500;
/** Main-thread time per annotation slice: the slice and the layout it causes stay under 50 ms. */
export const ANNOTATE_SLICE_MS = 20;
/** Slices of placing strips while the page parses: short, the parser is waiting. */
const EARLY_SLICE_MS = 8;

export type SessionDeps = {
  doc: Document;
  currentUrl: () => URL;
  parse: (doc: Document, url: URL) => ParsedPage | null;
  request: Requester;
  now: () => number;
  signal: AbortSignal;
  /** Runs our DOM writes unobserved by the grid observer (Grid.quietly); as they come by default. */
  writeQuietly?: (write: () => void) => void;
};

/** A card's view from the early states (nothing revealed yet). */
function earlyView(early: EarlyStates, id: string, state: PaperState): CardView {
  return { id, state, saved: early.saved.has(id), verdict: early.verdicts[id], revealed: false, score: early.scores?.[id] };
}

/** Listeners that go when their signal aborts (a feature's page view is over). */
class Listeners<T> {
  readonly #all = new Set<(value: T) => void>();

  add(listener: (value: T) => void, signal: AbortSignal): void {
    this.#all.add(listener);
    signal.addEventListener('abort', () => this.#all.delete(listener), { once: true });
  }

  emit(value: T): void {
    for (const listener of this.#all) listener(value);
  }
}

/**
 * The core loop of a papers tab: one PageModel per URL; parse → cards-shown per batch → states →
 * filters → annotate in chunks → report-page. Every await re-checks that the model is still current.
 * The model is private: features read it through the queries below and change it only through the
 * commands (`setRead`, `setSaved`, `reveal`), which re-render and report; `onChange` tells them.
 */
export class PageSession {
  #page: PageModel | null = null;
  /** Aborted when the page view ends: the features started for it stop (start.ts). */
  #viewEnd = new AbortController();
  #context: PageContext | null = null;
  /** The context request in flight (or done): cards-shown runs beside it, not after it. */
  #contextReady: Promise<void> | null = null;
  #recognized = true;
  /** Whether a page view has started (and may have left UI and attributes in the document). */
  #touched = false;
  /** The last report-page sent for the page view: an unchanged summary is not sent again. */
  #reported = '';
  readonly #changes = new Listeners<string>();
  readonly #views = new Listeners<{ kind: PageKind; signal: AbortSignal }>();
  readonly #settingsChanges = new Listeners<Settings>();
  readonly #painter = new CardPainter();
  /**
   * Who draws this page view's cards: the painter on a list; nobody on a paper's own page, whose
   * one card is its h1 (the paper-page feature draws its controls) and whose later links found by
   * the grid observer are not cards. The one place the session tells the two kinds apart.
   */
  #painting: CardPainter | null = null;
  /** Cards annotated while the HTML still parsed (placeEarly), by element: checked at DOM ready. */
  #placedEarly = new Map<HTMLElement, string>();
  /** Where placing while parsing is: the early states and the next article to look at. */
  #early: { states: EarlyStates; next: number } | null = null;

  constructor(readonly deps: SessionDeps) {}

  // ---- queries --------------------------------------------------------------------------

  /** False only once the context says no rule is on (unknown yet: assume filters apply). */
  filtersOn = (): boolean => this.#context?.filtersOn ?? true;

  get settings(): Settings | null {
    return this.#context?.settings ?? null;
  }

  get kind(): PageKind | null {
    return this.#page?.kind ?? null;
  }

  /** The cards the store has answered for, in document order. */
  ids(): string[] {
    return this.#page?.ids() ?? [];
  }

  view(id: string): CardView | null {
    return this.#page?.view(id) ?? null;
  }

  /** The card element of `id` (on a paper page: its h1, or the body). */
  element(id: string): HTMLElement | undefined {
    return this.#page?.elements.get(id);
  }

  /** The meta a Save or Mute needs. */
  metaOf(id: string): PaperMeta | undefined {
    return this.#page?.metas.get(id);
  }

  /** Not shown to the user: hidden by a filter (and not revealed), or read with read cards hidden. */
  isSkipped = (id: string): boolean => {
    // The model's own predicates: j/k and scroll-past ask this of many cards, no view built each time.
    const page = this.#page;
    if (!page?.states.has(id)) return true;
    if (page.isHidden(id) && !page.revealed.has(id)) return true;
    return this.settings?.readCards === 'hidden' && page.isRead(id);
  };

  // ---- events ---------------------------------------------------------------------------

  /** Each card re-rendered (a state, a verdict, a save changed), until `signal` aborts. */
  onChange(listener: (id: string) => void, signal: AbortSignal): void {
    this.#changes.add(listener, signal);
  }

  /** Each page view as it starts, with a signal that aborts when it ends. */
  onPageView(listener: (view: { kind: PageKind; signal: AbortSignal }) => void, signal: AbortSignal): void {
    this.#views.add(listener, signal);
  }

  /** The settings: at once when they are known, then each time they arrive or change. */
  onSettings(listener: (settings: Settings) => void, signal: AbortSignal): void {
    this.#settingsChanges.add(listener, signal);
    if (this.settings) listener(this.settings);
  }

  // ---- commands -------------------------------------------------------------------------

  /**
   * Shows `ids` read (or unread) at once, re-rendered and reported; the caller sends the write.
   * Returns how to take it back when the write fails: the page must not show as read what the
   * store does not hold. Unread turns a new card new again (PageModel.setState).
   */
  setRead(ids: readonly string[], read: boolean): () => void {
    return this.#locally((page) => {
      for (const id of ids) if (page.states.has(id)) page.setState(id, read ? 'read' : 'unread', false);
      return ids;
    }, () => this.setRead(ids, !read));
  }

  /** Shows a paper saved (or not) at once; returns how to take it back. */
  setSaved(id: string, saved: boolean): () => void {
    return this.#locally((page) => {
      if (saved) page.saved.add(id);
      else page.saved.delete(id);
      return [id];
    }, () => this.setSaved(id, !saved));
  }

  /** Show on a hidden card: revealed for this page view only. */
  reveal(id: string): void {
    this.#locally((page) => (page.revealed.add(id), [id]), () => {});
  }

  /** Changes the current page view's model, re-renders what changed and reports; the undo is for this view only. */
  #locally(change: (page: PageModel) => readonly string[], undo: () => void): () => void {
    const page = this.#page;
    if (!page) return () => {};
    for (const id of change(page)) this.#renderOne(id);
    void this.#report(page);
    return () => this.#page === page && undo();
  }

  // ---- the page view's loop -------------------------------------------------------------

  /**
   * Start, and again on every `wxt:locationchange`: a fresh page load with a fresh loadId.
   * `early`: states asked for while the page was still loading (first load only).
   */
  async navigate(early: Promise<EarlyStates | null> | null = null): Promise<void> {
    this.teardownPage();
    const url = this.deps.currentUrl();
    const parsed = this.deps.parse(this.deps.doc, url);
    this.#checkEarly(parsed?.cards ?? []);
    if (parsed === null) return;
    const page = new PageModel(url, parsed.kind);
    this.#page = page;
    this.#painting = parsed.paper ? null : this.#painter;
    this.#touched = true;
    void this.preload(); // settings (asked for at document_start already; a retry when that failed)
    this.#recognized = parsed.recognized;
    this.#views.emit({ kind: page.kind, signal: this.#viewEnd.signal });
    // A paper's own page is a page of one card, its h1 (the paper-page feature adds its controls).
    const { paper } = parsed;
    const cards = paper ? [{ id: paper.meta.id, meta: paper.meta, element: paper.anchor ?? this.deps.doc.body }] : parsed.cards;
    await this.addCards(page, cards, early);
  }

  /** `wxt:locationchange`: a hash-only change (`#community`) is the same page view, keep its "new". */
  async onLocationChange(): Promise<void> {
    const withoutHash = (url: URL) => url.href.replace(/#.*$/, '');
    const current = this.#page?.url;
    if (current && withoutHash(current) === withoutHash(this.deps.currentUrl())) return;
    await this.navigate();
  }

  teardownPage(): void {
    this.#page = null;
    this.#reported = '';
    this.#viewEnd.abort();
    this.#viewEnd = new AbortController();
    // Before the first page view this script has put nothing in the document: no walk of it.
    if (this.#touched) this.#painter.clearAll(this.deps.doc);
  }

  /**
   * While the HTML still parses, annotates the cards already parsed whose papers the early states
   * name, so at DOMContentLoaded only the last few are left (placeRest) and the whole page is
   * annotated in that task. Any later task waits behind the page's first render: 0.3–2 s on a
   * 3,000-card page.
   */
  async placeEarly(early: EarlyStates | null): Promise<void> {
    if (early === null) return;
    const { doc, signal } = this.deps;
    this.#early = { states: early, next: 0 };
    while (doc.readyState === 'loading' && this.#page === null && !signal.aborted) {
      const more = this.#placeParsed(performance.now() + EARLY_SLICE_MS, 1);
      await new Promise((resolve) => setTimeout(resolve, more ? 0 : 50));
    }
  }

  /** At DOM ready: the cards parsed last, at once. False when no card was placed early. */
  placeRest(): boolean {
    this.#placeParsed(Infinity, 0);
    return this.#placedEarly.size > 0;
  }

  /** Annotates the articles not looked at yet but the last `open` (maybe still parsing); true when time ran out first. */
  #placeParsed(deadline: number, open: number): boolean {
    const early = this.#early; // null once a page view has started (#checkEarly)
    if (!early) return false;
    const articles = this.deps.doc.getElementsByTagName('article');
    // Copied first: each strip we insert makes the live collection walk the document again.
    for (const article of [...articles].slice(early.next, articles.length - open)) {
      if (performance.now() > deadline) return true;
      const id = articlePaperId(article, this.deps.doc);
      // While the page parses, a card whose state is on its way waits for it; at DOM ready it is
      // left to cards-shown.
      if (id && open > 0 && early.states.pending?.(id)) return true;
      early.next += 1;
      // A second article of the same paper is annotated too: the parse will not confirm it (#checkEarly).
      const state = id && early.states.stateOf(id);
      if (!id || !state) continue;
      this.#painter.annotate(article, earlyView(early.states, id, state));
      this.#placedEarly.set(article, id);
    }
    return false;
  }

  /** The parse is the judge: an early card it does not find (rare: a nested article) is cleared. */
  #checkEarly(cards: readonly ParsedCard[]): void {
    this.#early = null; // a page view has started: nothing is placed early any more
    if (this.#placedEarly.size === 0) return; // every later navigation
    const ids = new Map(cards.map((card) => [card.element, card.id]));
    for (const [element, id] of this.#placedEarly) {
      if (ids.get(element) === id) continue;
      this.#painter.clear(element);
      this.#placedEarly.delete(element);
    }
  }

  /**
   * Starts loading the settings and rules once (called as early as document_start, so the answer
   * is usually there before the DOM is); later callers wait for the same request.
   */
  preload(): Promise<void> {
    this.#contextReady ??= this.#loadContext();
    return this.#contextReady;
  }

  async #loadContext(): Promise<void> {
    // Reduced and checked as a store-changed's context is (the transport parses no reply).
    const context = pageContextOf(await this.deps.request({ type: 'get-page-context' }));
    if (!context) {
      this.#contextReady = null; // the next page view asks again
      return;
    }
    this.#setContext(context);
  }

  #setContext(context: PageContext): void {
    this.#context = context;
    this.#settingsChanges.emit(context.settings);
  }

  /** New cards: register, one cards-shown per batch, then filter + annotate + report. */
  async addCards(page: PageModel, cards: ParsedCard[], early: Promise<EarlyStates | null> | null = null): Promise<void> {
    const fresh = cards.filter((card) => !page.elements.has(card.id));
    for (const card of fresh) {
      page.elements.set(card.id, card.element);
      page.metas.set(card.id, card.meta);
    }
    if (early) await this.#renderEarly(page, fresh, early);
    const batches: ParsedCard[][] = [];
    for (let start = 0; start < fresh.length; start += SHOWN_BATCH) batches.push(fresh.slice(start, start + SHOWN_BATCH));
    // Batches go out one task apart (distinct ids, one loadId): a big page waits about one round
    // trip, not n, and no task both annotates and serializes thousands of papers.
    const shown: Promise<void>[] = [];
    for (const batch of batches) {
      await yieldToMain();
      if (this.#page !== page) return;
      shown.push(this.#showBatch(page, batch));
    }
    await Promise.all(shown);
    await this.#report(page);
  }

  /** Annotates with the states read while the page loaded; cards-shown then confirms or corrects. */
  async #renderEarly(page: PageModel, cards: ParsedCard[], early: Promise<EarlyStates | null>): Promise<void> {
    const placedEarly = this.#placedEarly;
    this.#placedEarly = new Map();
    const answer = await early;
    if (this.#page !== page || answer?.url !== page.url.href) return;
    const ids: string[] = [];
    for (const card of cards) {
      const state = answer.stateOf(card.id);
      if (state === undefined) continue; // no prediction: cards-shown decides
      page.setState(card.id, state, true);
      if (answer.saved.has(card.id)) page.saved.add(card.id);
      ids.push(card.id);
    }
    page.setVerdicts(ids, answer.verdicts, answer.scores);
    // Cards annotated while the page parsed already show these views: the others go first, in this
    // task, before the page's first render; those are checked again a task later. Not awaited: the
    // slices go on while cards-shown is sent.
    const placed = (id: string) => {
      const element = page.elements.get(id);
      return element !== undefined && placedEarly.get(element) === id;
    };
    void this.#render(page, ids.filter((id) => !placed(id)))
      .then(yieldToMain)
      .then(() => this.#render(page, ids.filter(placed)));
  }

  async #showBatch(page: PageModel, batch: ParsedCard[]): Promise<void> {
    const answer = await this.deps.request({ type: 'cards-shown', loadId: page.loadId, papers: batch.map((c) => c.meta) });
    if (this.#page !== page || !answer) return;
    this.#applyShown(page, answer);
    const ids = batch.map((card) => card.id);
    page.setVerdicts(ids, answer.verdicts, answer.scores);
    await this.#render(page, ids);
  }

  #applyShown(page: PageModel, answer: ResponseMap['cards-shown']): void {
    for (const meta of answer.metas) page.mergeMeta(meta);
    for (const [id, state] of Object.entries(answer.states)) {
      // This answer decides, whatever the early states predicted.
      page.newIds.delete(id);
      page.saved.delete(id);
      page.setState(id, state, true);
    }
    for (const id of answer.saved) page.saved.add(id);
  }

  /** Annotates the given cards in chunks, yielding between chunks. */
  async #render(page: PageModel, ids: string[]): Promise<void> {
    // Building strips is the costly part and touches no layout: slices, yielding between them.
    // Placing them is one short pass, so the page lays out once, not once per slice.
    const spent = await inSlices(ids, ANNOTATE_SLICE_MS, this.deps.signal, (id) => {
      const element = page.elements.get(id);
      const view = page.view(id);
      if (element && view) this.#painting?.prepare(element, view);
    });
    if (this.#page !== page || this.deps.signal.aborted) return;
    // Placing is one pass when the strips were ready (placed while parsing, or few); after a long
    // last slice it starts in a task of its own, and a huge page places in slices too: no task
    // holds both.
    await inSlices(ids, ANNOTATE_SLICE_MS, this.deps.signal, (id) => {
      if (this.#page === page) this.#renderOne(id); // views read afresh: a click may have landed meanwhile
    }, { yieldFirst: spent > ANNOTATE_SLICE_MS / 2, eachSlice: this.deps.writeQuietly });
  }

  #renderOne(id: string): void {
    const page = this.#page;
    const element = page?.elements.get(id);
    const view = page?.view(id);
    if (!element || !view) return;
    this.#painting?.annotate(element, view);
    this.#changes.emit(id);
  }

  /** Tells the background what the tab shows (badge, popup); a summary already sent is not sent again. */
  async #report(page: PageModel | null = this.#page): Promise<void> {
    if (!page || this.#page !== page) return;
    const summary = page.summary(this.#recognized, 0);
    const key = JSON.stringify(summary);
    if (key === this.#reported) return;
    this.#reported = key;
    await this.deps.request({ type: 'report-page', summary: { ...summary, updatedAt: this.deps.now() } });
  }

  /** Observer pass: cards re-rendered by the page. Known ids are re-annotated without re-sending. */
  async rescan(cards: ParsedCard[]): Promise<void> {
    const page = this.#page;
    if (!page || !this.#painting) return;
    // The grid changed under another URL: a soft navigation whose event we missed or that is still
    // on its way (the Navigation API fires before the URL commits). Start the new page view now.
    if (page.url.href !== this.deps.currentUrl().href) return this.onLocationChange();
    const gone = [...page.elements].filter(([, el]) => !el.isConnected).map(([id]) => id);
    const seen = new Set(cards.map((card) => card.id));
    const unknown: ParsedCard[] = [];
    for (const card of cards) {
      const known = page.elements.get(card.id);
      if (known === undefined) unknown.push(card);
      else if (known !== card.element) this.#replaceElement(page, card);
    }
    for (const id of gone) if (!seen.has(id)) page.forget(id);
    if (unknown.length > 0) await this.addCards(page, unknown);
    else if (gone.length > 0) await this.#report(page);
  }

  #replaceElement(page: PageModel, card: ParsedCard): void {
    const old = page.elements.get(card.id);
    if (old) this.#painter.clear(old);
    page.elements.set(card.id, card.element);
    this.#renderOne(card.id);
  }

  /**
   * Background said something changed: re-read only what it names. A change that carries its ids'
   * new states is applied as is, and only the cards it really changes are re-rendered and reported:
   * the tab whose click made it already shows it, so its own echo changes nothing at all.
   */
  async onStoreChanged(change: PageChange): Promise<void> {
    const page = this.#page;
    // The context comes with the change (a rule or a setting changed); without it, ask for it.
    if (change.context) this.#setContext(change.context);
    else if (change.rules || change.settings || change.ids === undefined) {
      this.#contextReady = this.#loadContext();
      await this.#contextReady;
    }
    if (!page || this.#page !== page) return;
    // New rules can change any card's verdict (the background runs the filters); named ids only
    // their own state; a settings change needs no store answer at all, only a re-render.
    const wanted = change.ids && !change.rules ? new Set(change.ids) : null;
    const ids = page.ids().filter((id) => !wanted || wanted.has(id));
    if (wanted && change.states) {
      const changed = this.#applyStates(page, ids, change.states);
      if (changed.length > 0) await this.#render(page, changed).then(() => this.#report(page));
      return;
    }
    const settingsOnly = change.settings && !change.rules && change.ids === undefined;
    if (ids.length > 0 && !settingsOnly) await this.#refreshStates(page, ids);
    if (this.#page !== page) return;
    await this.#render(page, page.ids());
    await this.#report(page);
  }

  async #refreshStates(page: PageModel, ids: string[]): Promise<void> {
    const answer = await this.deps.request({ type: 'get-states', ids });
    if (!answer || this.#page !== page) return;
    this.#applyStates(page, ids, answer);
    page.setVerdicts(ids, answer.verdicts, answer.scores);
  }

  /** Read/saved of `ids` as the store has them; returns the ids whose card now looks different. */
  #applyStates(page: PageModel, ids: string[], states: { read: string[]; saved: string[] }): string[] {
    const read = new Set(states.read);
    const saved = new Set(states.saved);
    return ids.filter((id) => {
      const same = page.isRead(id) === read.has(id) && page.saved.has(id) === saved.has(id);
      page.setState(id, read.has(id) ? 'read' : 'unread', false);
      if (saved.has(id)) page.saved.add(id);
      else page.saved.delete(id);
      return !same;
    });
  }
}
