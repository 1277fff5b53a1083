import { describe, expect, it } from 'vitest';
import { blockCards, cardScope, findCardLinks, paperLinksIn, type CardLinks, type PaperLink } from '../../../lib/hf/cards';
import { allBases } from '../faults/bases';
import { toDocument } from './load';

/**
 * findCardLinks reads each article's first (and title) link only: the fast path of a big page.
 * The card rule written over every paper link, as the parser did before, is the oracle it must
 * match: a card per nearest article, its first own link with an id no earlier card took, its
 * title the first later heading link to the same paper; without articles, blockCards.
 */
function cardsFromAllLinks(root: ParentNode & Node): Map<HTMLElement, CardLinks> {
  const links = paperLinksIn(root);
  if (!links.some((entry) => entry.article !== null)) return blockCards(links, root);
  const cards = new Map<HTMLElement, { first: PaperLink; title?: PaperLink }>();
  const seenIds = new Set<string>();
  for (const entry of links) {
    if (entry.article === null) continue;
    const card = cards.get(entry.article);
    if (card) {
      if (!card.title && entry.inHeading && entry.id === card.first.id) card.title = entry;
    } else if (!seenIds.has(entry.id)) {
      seenIds.add(entry.id);
      cards.set(entry.article, { first: entry, ...(entry.inHeading ? { title: entry } : {}) });
    }
  }
  return new Map([...cards].map(([card, { first, title }]) => [card, { first, titleLink: () => title }]));
}
type Shape = { card: string; id: string; first: string; title: string | null };

const label = (el: Element) => el.getAttribute('data-t') ?? el.outerHTML.slice(0, 60);
const shapes = (cards: Map<HTMLElement, CardLinks>): Shape[] =>
  [...cards].map(([card, links]) => {
    const title = links.titleLink();
    return { card: label(card), id: links.first.id, first: label(links.first.link), title: title ? label(title.link) : null };
  });

function bothWays(html: string) {
  const root = cardScope(toDocument(html));
  const fast = findCardLinks(root);
  const links = paperLinksIn(root);
  return { fast: shapes(fast.cards), allLinks: shapes(cardsFromAllLinks(root)), anyPaperLink: fast.anyPaperLink, links };
}

const page = (main: string) => `<html><body><main>${main}</main></body></html>`;

describe('findCardLinks: the cards the rule over all links makes', () => {
  it.each(allBases().filter((base) => base.page === 'list').map((base) => [base.name, base.html] as const))('%s', (_name, html) => {
    const { fast, allLinks } = bothWays(html);
    expect(fast.length).toBeGreaterThan(0);
    expect(fast).toEqual(allLinks);
  });

  const odd: [string, string][] = [
    [
      'first link is the comments link (#community), then the thumbnail, then the title',
      `<article data-t="A"><a data-t="c" href="/papers/2607.00001#community">9</a><a data-t="thumb" href="/papers/2607.00001">img</a><h3><a data-t="h" href="/papers/2607.00001">Title</a></h3></article>`,
    ],
    [
      'a link inside our own UI comes first in the article',
      `<article data-t="A"><div data-pi-ui="placeholder"><a data-t="ui" href="/papers/2601.99999">x</a></div><h3><a data-t="h" href="/papers/2607.00001">Title</a></h3></article>`,
    ],
    [
      'the title heading links another paper first, then this one',
      `<article data-t="A"><a data-t="thumb" href="/papers/2607.00001">img</a><h3><a data-t="other" href="/papers/2607.00002">Other</a> <a data-t="h" href="/papers/2607.00001">Title</a></h3></article>`,
    ],
    [
      'a second article of the same paper whose later link is another paper',
      `<article data-t="A"><h3><a data-t="a1" href="/papers/2607.00001">One</a></h3></article><article data-t="B"><a data-t="dup" href="/papers/2607.00001">One again</a><h3><a data-t="b2" href="/papers/2607.00002">Two</a></h3></article>`,
    ],
    [
      'an article nested in another after its own links',
      `<article data-t="A"><h3><a data-t="a1" href="/papers/2607.00001">One</a></h3><article data-t="B"><h3><a data-t="b1" href="/papers/2607.00002">Two</a></h3></article></article>`,
    ],
    [
      'a heading link in a nested article is not the outer card\'s title',
      `<article data-t="A"><a data-t="a1" href="/papers/2607.00001">img</a><article data-t="B"><a data-t="b0" href="/papers/2607.00002">img</a><h3><a data-t="b1" href="/papers/2607.00001">One, quoted</a></h3></article></article>`,
    ],
    [
      'an article that is our own UI, then a card',
      `<article data-t="U" data-pi-ui="x"><h3><a data-t="u" href="/papers/2607.00003">Ours</a></h3></article><article data-t="A"><h3><a data-t="a1" href="/papers/2607.00001">One</a></h3></article>`,
    ],
    [
      'the title heading is our own UI, the real title follows',
      `<article data-t="A"><a data-t="thumb" href="/papers/2607.00001">img</a><h2 data-pi-ui="x"><a data-t="ui" href="/papers/2607.00001">ours</a></h2><h3><a data-t="h" href="/papers/2607.00001">Title</a></h3></article>`,
    ],
    [
      'a heading in a heading',
      `<article data-t="A"><h3><span><h4><a data-t="h" href="/papers/2607.00001">Title</a></h4></span></h3></article>`,
    ],
    [
      'a stray paper link outside any article',
      `<p><a data-t="stray" href="/papers/2607.00009">see</a></p><article data-t="A"><h3><a data-t="a1" href="/papers/2607.00001">One</a></h3></article>`,
    ],
    [
      'absolute links and a date link before them',
      `<article data-t="A"><a data-t="date" href="/papers/date/2026-07-31">day</a><a data-t="abs" href="https://huggingface.co/papers/2607.00001">img</a><h4><a data-t="h" href="https://huggingface.co/papers/2607.00001">T</a></h4></article>`,
    ],
  ];
  it.each(odd)('%s', (_name, main) => {
    const { fast, allLinks } = bothWays(page(main));
    expect(fast.length).toBeGreaterThan(0);
    expect(fast).toEqual(allLinks);
  });

  it('reads the odd cases as the card rule says (checked by hand, not only against the oracle)', () => {
    const comments = bothWays(page(odd[0]?.[1] ?? '')).fast;
    expect(comments).toEqual([{ card: 'A', id: '2607.00001', first: 'thumb', title: 'h' }]);
    const ownUi = bothWays(page(odd[1]?.[1] ?? '')).fast;
    expect(ownUi).toEqual([{ card: 'A', id: '2607.00001', first: 'h', title: 'h' }]);
    const dup = bothWays(page(odd[3]?.[1] ?? '')).fast;
    expect(dup.map((card) => [card.card, card.id])).toEqual([['A', '2607.00001'], ['B', '2607.00002']]);
    const nested = bothWays(page(odd[5]?.[1] ?? '')).fast;
    expect(nested).toEqual([
      { card: 'A', id: '2607.00001', first: 'a1', title: null },
      { card: 'B', id: '2607.00002', first: 'b0', title: null },
    ]);
  });

  it('without articles, 2023 title links make the cards', () => {
    const { fast, allLinks, anyPaperLink } = bothWays(page(`<div><h3><a data-t="a" href="/papers/2607.00001">A</a></h3></div><div><h3><a data-t="b" href="/papers/2607.00002">B</a></h3></div>`));
    expect(fast.map((card) => card.id)).toEqual(['2607.00001', '2607.00002']);
    expect(fast).toEqual(allLinks);
    expect(anyPaperLink).toBe(true);
  });

  it('says whether any paper link exists when no card is found', () => {
    expect(bothWays(page(`<p><a href="/papers/2607.00001">A</a></p>`))).toMatchObject({ fast: [], anyPaperLink: true });
    expect(bothWays(page(`<article><p>promo</p></article>`))).toMatchObject({ fast: [], anyPaperLink: false });
    expect(bothWays(page(`<article><div data-pi-ui="toast"><a href="/papers/2607.00001">A</a></div></article>`))).toMatchObject({ fast: [], anyPaperLink: false });
  });
});
