import { isRecord } from './bases';
import { BOTH, editProps, paperOf, type Mutation } from './mutations';
import { expectFromProps, titleElements, type Subject } from './subject';

/** Markup a title must never become. Each would create an element (or run) if treated as HTML. */
export const HTML_PAYLOADS = [
  '<img src=x onerror="globalThis.__piPwned=1">',
  '"><script>globalThis.__piPwned=2</script><b>bold</b>',
  '</h3><a href="/papers/2601.00001">a link that is not a card</a><h3>',
  "' onmouseover='globalThis.__piPwned=3' data-x='",
];

const BIDI_PAYLOADS = [
  '\u202Egnp.exe\u202C right-to-left override',
  'zero\u200Bwidth\u200Cnon\u200Djoiner\u2060word\uFEFFjoiner',
  'مرحبا بالعالم — עברית — mixed',
  'e\u0301\u0301\u0301 combining \u2028line\u2029paragraph',
];

/** ~100 KB of title, markup included: clipped to 2,000 chars, still text. */
const HUGE = 'A very long title with <b>markup</b> & "quotes" '.repeat(2_100);

/** Gives every card (DOM title links AND props) the title `titleFor(i)`; authors and keywords too when short. */
function retitle(s: Subject, titleFor: (i: number) => string): void {
  const titles = new Map(s.cards.map((card, i) => [card.id, titleFor(i)]));
  for (const card of s.cards) {
    const title = titles.get(card.id) ?? '';
    for (const el of titleElements(s, card)) el.textContent = title;
    s.hostile.push(title);
  }
  editProps(s, (_props, items) => {
    for (const item of items) {
      const paper = paperOf(item);
      const title = typeof paper?.id === 'string' ? titles.get(paper.id) : undefined;
      if (!paper || title === undefined || !isRecord(item)) continue;
      item.title = title;
      paper.title = title;
      // The Mute… menu offers keywords and authors (≤ 200 chars) as labels: they must stay text too.
      if (title.length <= 200) Object.assign(paper, { authors: [{ name: title, hidden: false }], ai_keywords: [title] });
    }
  });
  expectFromProps(s);
}

const pick = (list: string[], i: number) => `${list[i % list.length] ?? ''} #${i}`;

export const HOSTILE_MUTATIONS: Mutation[] = [
  { kind: 'hostile titles: HTML and script', pages: BOTH, apply: (s) => retitle(s, (i) => pick(HTML_PAYLOADS, i)) },
  { kind: 'hostile titles: RTL override, zero-width, combining', pages: BOTH, apply: (s) => retitle(s, (i) => pick(BIDI_PAYLOADS, i)) },
  { kind: 'hostile titles: 100 KB', pages: BOTH, apply: (s) => retitle(s, (i) => `${HUGE}${i}`) },
];
