import type { Feature } from './feature';

/**
 * "Mark read when scrolled past" (product.md §1), off by default. The decision is a pure state
 * machine over observed events so it can be tested exactly; `watchScrollPast` feeds it from an
 * IntersectionObserver and user-input events.
 */

export const MIN_RATIO = 0.5;
export const MIN_VISIBLE_MS = 1_000;
/** A card leaving the viewport counts as the user's doing only this soon after their input. */
export const USER_SCROLL_WINDOW_MS = 1_000;

export type VisibilityEvent = {
  id: string;
  /** Fraction of the card inside the viewport. */
  ratio: number;
  /** The card's bottom edge relative to the viewport's top (negative = above it). */
  bottom: number;
  t: number;
  /** Collapsed by a filter (or read-hidden): never marked. */
  collapsed: boolean;
};

export class ScrollPastRule {
  enabled = false;
  #since = new Map<string, number>();
  #qualified = new Set<string>();
  #lastUserScroll = Number.NEGATIVE_INFINITY;

  /** wheel, touchmove, or a scrolling key. */
  userScrolled(t: number): void {
    this.#lastUserScroll = t;
  }

  /** Load, back/forward, soft navigation: whatever moves now is the browser's doing. */
  reset(): void {
    this.#since.clear();
    this.#qualified.clear();
    this.#lastUserScroll = Number.NEGATIVE_INFINITY;
  }

  /** Feeds one observation; returns true when this card must now be marked read. */
  observe(e: VisibilityEvent): boolean {
    if (!this.enabled || e.collapsed) {
      this.#since.delete(e.id);
      this.#qualified.delete(e.id);
      return false;
    }
    if (e.ratio >= MIN_RATIO) {
      if (!this.#since.has(e.id)) this.#since.set(e.id, e.t);
      return false;
    }
    const start = this.#since.get(e.id);
    this.#since.delete(e.id);
    if (start !== undefined && e.t - start >= MIN_VISIBLE_MS) this.#qualified.add(e.id);
    if (e.ratio > 0 || e.bottom >= 0 || !this.#qualified.has(e.id)) return false;
    this.#qualified.delete(e.id);
    return e.t - this.#lastUserScroll <= USER_SCROLL_WINDOW_MS;
  }
}

const SCROLL_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', ' ', 'Spacebar', 'j', 'k']);

export type ScrollPastDeps = {
  rule: ScrollPastRule;
  signal: AbortSignal;
  isCollapsed: (id: string) => boolean;
  /** Called with a batch of ids (one set-read message per batch). */
  markRead: (ids: string[]) => void;
  setTimeout: (handler: () => void, ms: number) => number;
};

/** Wires the rule to the page. Returns observe(card) to register cards as they are annotated. */
export function watchScrollPast({ rule, signal, isCollapsed, markRead, setTimeout }: ScrollPastDeps): (card: HTMLElement) => void {
  const pending = new Set<string>();
  const flush = () => {
    if (pending.size > 0) markRead([...pending]);
    pending.clear();
  };
  const io = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const id = entry.target.getAttribute('data-pi-id');
      if (!id) continue;
      const event = { id, ratio: entry.intersectionRatio, bottom: entry.boundingClientRect.bottom, t: performance.now(), collapsed: isCollapsed(id) };
      if (!rule.observe(event)) continue;
      if (pending.size === 0) setTimeout(flush, 300); // gather a fast scroll's cards into one message
      pending.add(id);
    }
  }, { threshold: [0, MIN_RATIO] });
  const user = () => rule.userScrolled(performance.now());
  const opts = { passive: true, signal } as const;
  window.addEventListener('wheel', user, opts);
  window.addEventListener('touchmove', user, opts);
  window.addEventListener('keydown', (e) => SCROLL_KEYS.has(e.key) && user(), opts);
  window.addEventListener('pageshow', (e) => e.persisted && rule.reset(), opts);
  window.addEventListener('popstate', () => rule.reset(), opts);
  signal.addEventListener('abort', () => io.disconnect(), { once: true });
  // Off by default: then no card is observed at all (an observer of 1,000 cards costs every frame).
  // Turning it on re-renders every card, which observes them from then on.
  return (card) => {
    if (rule.enabled) io.observe(card);
  };
}

/**
 * The feature: one rule per page view (a new view is a reset: whatever moves then is the
 * browser's doing), on when the setting is, fed every card as it is rendered.
 */
export const scrollRead: Feature = {
  pages: 'lists',
  init(life, { session, actions }) {
    const rule = new ScrollPastRule();
    session.onSettings((settings) => (rule.enabled = settings.markReadOnScrollPast), life.signal);
    const watch = watchScrollPast({
      rule, signal: life.signal, setTimeout: life.setTimeout,
      isCollapsed: session.isSkipped, markRead: (ids) => actions.markRead(ids),
    });
    session.onChange((id) => {
      const element = session.element(id);
      if (element) watch(element);
    }, life.signal);
  },
};
