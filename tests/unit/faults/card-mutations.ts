import { paperIdOfHref } from './bases';
import { BOTH, editProps, LISTS, paperOf, type Mutation } from './mutations';
import { expectFromProps, islandOf, titleElements, type ExpectedCard, type Subject } from './subject';

/** Replaces an element by another tag with the same attributes and children (a markup redesign). */
function retag(el: Element, tag: string, keepHref = true): Element {
  const next = el.ownerDocument.createElement(tag);
  for (const attr of el.attributes) if (keepHref || attr.name !== 'href') next.setAttribute(attr.name, attr.value);
  next.append(...el.childNodes);
  el.replaceWith(next);
  return next;
}

const isPaperLink = (a: Element) => paperIdOfHref(a.getAttribute('href')) !== null;

const withoutLinks: Mutation = {
  kind: 'cards without paper links',
  pages: LISTS,
  apply(s) {
    // Every other card loses its paper links (HF moved them into a button, say): those are not cards.
    const stripped = new Set(s.cards.filter((_, i) => i % 2 === 1));
    for (const card of stripped) {
      for (const a of [...card.element.getElementsByTagName('a')]) if (isPaperLink(a)) retag(a, 'span', false);
    }
    s.cards = s.cards.filter((card) => !stripped.has(card));
  },
};

const noCards: Mutation = {
  kind: '0 cards',
  pages: LISTS,
  apply(s) {
    for (const card of s.cards) card.element.remove();
    s.cards = [];
  },
};

const unknownLayout: Mutation = {
  kind: 'unknown layout (no article, no headings; a paper page without props)',
  pages: BOTH,
  apply(s) {
    const main = s.doc.querySelector('main');
    for (const el of main?.querySelectorAll('article, h1, h2, h3, h4') ?? []) retag(el, 'div');
    if (s.base.page === 'list') {
      s.cards = [];
      return;
    }
    // A paper page with neither its h1 nor props: still recorded and read, but "not recognized".
    islandOf(s)?.removeAttribute('data-props');
    s.cards = s.cards.map((card) => ({ ...card, element: s.doc.body, title: undefined, fromProps: false }));
  },
};

const duplicates: Mutation = {
  kind: 'duplicate ids (cards and props items repeated)',
  pages: LISTS,
  apply(s) {
    const originals = s.cards.slice(0, 2);
    const grid = s.cards.at(-1)?.element.parentElement;
    for (const card of originals) {
      const copy = card.element.cloneNode(true);
      if (!(copy instanceof Element)) continue;
      const ghost: ExpectedCard = { ...card, element: copy as HTMLElement };
      for (const el of titleElements(s, ghost)) el.textContent = 'Duplicate copy';
      grid?.append(copy);
    }
    editProps(s, (_props, items) => {
      const repeats = structuredClone(items.slice(0, 2));
      for (const item of repeats) Object.assign(paperOf(item) ?? {}, { title: 'Duplicate props item' });
      items.push(...repeats);
    });
    expectFromProps(s); // the first listing of an id wins, in the DOM and in the props
  },
};

/**
 * The card's structure down to its links to this paper (classes, images, SVG, other links and text
 * dropped): happy-dom creates a node in ~70 µs, so 5,000 full cards would take minutes.
 */
function skeletonOf(el: Element, id: string): Element {
  const copy = el.ownerDocument.createElement(el.tagName.toLowerCase());
  if (el.tagName === 'A') {
    copy.setAttribute('href', el.getAttribute('href') ?? '');
    copy.textContent = el.textContent;
    return copy;
  }
  const linksHere = (child: Element) => [child, ...child.getElementsByTagName('a')].some((a) => a.getAttribute('href')?.includes(id));
  for (const child of el.children) if (linksHere(child)) copy.append(skeletonOf(child, id));
  return copy;
}

export const BIG = 5_000;
const bigId = (i: number) => `2608.${String(10_000 + i)}`;

function cloneCard(s: Subject, skeleton: Element, from: ExpectedCard, i: number): ExpectedCard {
  const element = skeleton.cloneNode(true) as HTMLElement;
  const id = bigId(i);
  for (const a of element.getElementsByTagName('a')) a.setAttribute('href', (a.getAttribute('href') ?? '').replaceAll(from.id, id));
  const card: ExpectedCard = { element, id, title: undefined, fromProps: true };
  for (const el of titleElements(s, card)) el.textContent = `Card ${i}`;
  return card;
}

const fiveThousand: Mutation = {
  kind: `${BIG.toLocaleString('en')} cards`,
  pages: LISTS,
  only: (base) => base.scale === true,
  apply(s) {
    const [first] = s.cards;
    const grid = first?.element.parentElement;
    if (!first || !grid) throw new Error(`${s.base.name}: no card to copy`);
    const skeleton = skeletonOf(first.element, first.id);
    for (const card of s.cards) card.element.remove();
    s.cards = Array.from({ length: BIG }, (_, i) => cloneCard(s, skeleton, first, i));
    grid.append(...s.cards.map((card) => card.element));
    // Props for all 5,000 (slim items): the join must hold at scale, and the props title wins.
    editProps(s, (props) => {
      props[s.base.listKey] = s.cards.map((card, i) => ({ paper: { id: card.id, title: `Paper ${i}`, upvotes: i } }));
    });
    expectFromProps(s);
  },
};

export const CARD_MUTATIONS: Mutation[] = [withoutLinks, noCards, unknownLayout, duplicates, fiveThousand];
