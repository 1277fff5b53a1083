import type { FilterAction } from '../filters/rule';
import type { CardView } from './page-model';

/**
 * Writes the public DOM contract (product.md §2) on a card and keeps ONE control strip per card.
 * Everything visual is done by styles.css through these attributes: no inline styles.
 */

export const UI_ATTR = 'data-pi-ui';
/** Our controls carry the id they act on, so they work even when placed next to the card. */
export const FOR_ATTR = 'data-pi-for';

const FILTER_VALUE: Record<FilterAction, string> = { hide: 'hidden', dim: 'dimmed', highlight: 'highlighted' };

type Parts = {
  /** The paper the strip acts on (its controls' data-pi-for): read here, not from the DOM. */
  id: string;
  strip: HTMLElement;
  save: HTMLButtonElement;
  read: HTMLButtonElement;
  reason: HTMLElement;
  /** The "for you" reason (its label comes from styles.css). */
  why: HTMLElement;
  /** Only created once the card is hidden by a filter: most cards never need one. */
  placeholder: HTMLElement | null;
  /** What the strip shows now (fillKey): a pass that changes nothing reads nothing from the DOM. */
  filled: string;
};

function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

/** Text only when it changes: rewriting equal text still replaces the node and dirties layout. */
function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

function button(doc: Document, action: string, id: string, text: string): HTMLButtonElement {
  const el = doc.createElement('button');
  el.type = 'button';
  el.setAttribute('data-pi-action', action);
  el.setAttribute(FOR_ATTR, id);
  el.textContent = text;
  return el;
}

function uiElement(doc: Document, tag: string, role: string, id: string): HTMLElement {
  const el = doc.createElement(tag);
  el.setAttribute(UI_ATTR, role);
  el.setAttribute(FOR_ATTR, id);
  return el;
}

export function createSaveButton(doc: Document, id: string): HTMLButtonElement {
  return button(doc, 'save', id, 'Save');
}

/** Save button state: label says what a press will do. Shared with the paper page's button. */
export function renderSaveButton(el: HTMLButtonElement, saved: boolean): void {
  setText(el, saved ? 'Saved' : 'Save');
  setAttr(el, 'aria-label', saved ? 'Remove from reading list' : 'Save to reading list');
  setAttr(el, 'aria-pressed', String(saved));
}

function buildStrip(doc: Document, id: string): Parts {
  const strip = uiElement(doc, 'div', 'controls', id);
  const save = createSaveButton(doc, id);
  const read = button(doc, 'read', id, 'Mark read');
  const mute = button(doc, 'mute', id, 'Mute…');
  mute.setAttribute('aria-label', 'Mute… topics or authors of this paper');
  mute.setAttribute('aria-haspopup', 'menu');
  const reason = uiElement(doc, 'span', 'reason', id);
  const why = uiElement(doc, 'span', 'why', id);
  strip.append(save, read, mute, reason, why);
  return { id, strip, save, read, reason, why, placeholder: null, filled: '' };
}

/** A card that is itself a link (2023 markup) gets its UI next to it: no buttons inside an `<a>`. */
function place(card: HTMLElement, strip: HTMLElement): void {
  if (card.tagName === 'A') card.after(strip);
  else card.append(strip);
}

function ensurePlaceholder(card: HTMLElement, parts: Parts, id: string): HTMLElement {
  if (parts.placeholder) return parts.placeholder;
  const placeholder = uiElement(card.ownerDocument, 'div', 'placeholder', id);
  if (card.tagName === 'A') card.before(placeholder);
  else card.prepend(placeholder);
  parts.placeholder = placeholder;
  return placeholder;
}

/** Whether the strip sits where `place` puts it (the page may have re-rendered the card's content). */
function isPlaced(card: HTMLElement, strip: HTMLElement): boolean {
  return card.tagName === 'A' ? card.nextSibling === strip : strip.parentNode === card;
}

function renderPlaceholder(el: HTMLElement, id: string, reason: string): void {
  if (el.getAttribute('data-pi-reason') === reason) return;
  el.setAttribute('data-pi-reason', reason);
  const label = el.ownerDocument.createElement('em');
  label.textContent = reason; // page/rule text: always as text, never HTML
  const show = button(el.ownerDocument, 'show', id, 'Show');
  show.setAttribute('aria-label', `Show hidden paper (${reason})`);
  el.replaceChildren('Hidden: ', label, ' · ', show);
}

function fillStrip(parts: Parts, view: CardView): Parts {
  const { state, saved, verdict } = view;
  const read = state === 'read';
  const reason = verdict && verdict.action !== 'hide' ? verdict.reason : '';
  const why = view.score?.why ?? '';
  const key = `${saved}|${read}|${reason}|${why}`;
  if (parts.filled === key) return parts;
  parts.filled = key;
  renderSaveButton(parts.save, saved);
  setText(parts.read, read ? 'Mark unread' : 'Mark read');
  setAttr(parts.read, 'aria-label', read ? 'Mark as unread' : 'Mark as read');
  setAttr(parts.read, 'aria-pressed', String(read));
  setText(parts.reason, reason);
  setText(parts.why, why);
  return parts;
}

/** The contract attributes annotateCard writes, in the order contractValues gives their values. */
const CONTRACT = ['data-pi-id', 'data-pi-state', 'data-pi-saved', 'data-pi-filter', 'data-pi-reason', 'data-pi-revealed', 'data-pi-score', 'data-pi-why'];

/** A card's contract values, one per CONTRACT name (null: absent). One list of names saves bytes. */
function contractValues({ id, state, saved, verdict, revealed, score }: CardView): (string | null)[] {
  return [
    id,
    state,
    saved ? 'true' : null,
    verdict ? FILTER_VALUE[verdict.action] : null,
    verdict?.reason ?? null,
    revealed && verdict?.action === 'hide' ? 'true' : null,
    score ? String(score.score) : null,
    score?.why ?? null,
  ];
}

/**
 * The control strips of one content script's cards: made by its PageSession, so two sessions (two
 * tests, an old and a new copy of the script) never share parts. Idempotent per card.
 */
export class CardPainter {
  /** Per card element, the parts we injected: no querySelector per update on a 1,000-card page. */
  readonly #parts = new WeakMap<HTMLElement, Parts>();
  /**
   * Builds and fills a card's control strip without touching the page: costs no style or layout, so
   * a big page prepares its cards in slices and then places them all in one short pass.
   */
  prepare(card: HTMLElement, view: CardView): Parts {
    return fillStrip(this.#ensureParts(card, view.id), view);
  }

  /** Sets the contract attributes and the controls of one card. Idempotent. */
  annotate(card: HTMLElement, view: CardView): void {
    const { id, verdict } = view;
    const parts = this.prepare(card, view);
    // A card annotated for the first time has none of them (clear removes them all together):
    // written without a read each, which is most of the DOM calls of a 1,000-card first pass.
    const first = !card.hasAttribute('data-pi-id');
    const values = contractValues(view);
    CONTRACT.forEach((name, i) => {
      const value = values[i] ?? null;
      if (!first) setAttr(card, name, value);
      else if (value !== null) card.setAttribute(name, value);
    });
    if (!card.hasAttribute('tabindex')) card.tabIndex = -1; // focusable by j/k, not in the tab order
    if (!isPlaced(card, parts.strip)) place(card, parts.strip);
    if (verdict?.action === 'hide') renderPlaceholder(ensurePlaceholder(card, parts, id), id, verdict.reason);
  }

  /** Removes everything we added to a card (page left, or the extension was reloaded). */
  clear(card: HTMLElement): void {
    // data-pi-focused is written by the keyboard's j/k, not here, and goes too.
    for (const name of [...CONTRACT, 'data-pi-focused']) card.removeAttribute(name);
    const parts = this.#parts.get(card);
    parts?.strip.remove();
    parts?.placeholder?.remove();
    this.#parts.delete(card);
  }

  /** Removes all our injected UI and attributes under root (used on teardown). */
  clearAll(root: ParentNode): void {
    // One walk of the document, not one per selector: this runs at the start of every page view.
    for (const el of root.querySelectorAll<HTMLElement>('[data-pi-id], [data-pi-ui]')) {
      if (el.hasAttribute('data-pi-id')) this.clear(el);
      if (el.hasAttribute(UI_ATTR)) el.remove();
    }
  }

  /** The card's parts, built (off-DOM) on first use or when the card now shows another paper. */
  #ensureParts(card: HTMLElement, id: string): Parts {
    const known = this.#parts.get(card);
    if (known?.id === id) return known;
    known?.strip.remove();
    known?.placeholder?.remove();
    const parts = buildStrip(card.ownerDocument, id);
    this.#parts.set(card, parts);
    return parts;
  }
}
