import { isRecord, type Base } from './bases';
import { expectDomOnly, expectFromProps, islandOf, propsItems, readProps, writeProps, type Subject } from './subject';

/**
 * Mutation kinds for the fault sweep. Each takes a freshly parsed page, breaks it one way (what HF
 * could plausibly serve mid-render, after a redesign, or with hostile data) and updates what the
 * extension must then do with it.
 */
export type Mutation = {
  kind: string;
  /** Which pages the mutation makes sense on. */
  pages: ReadonlyArray<'list' | 'paper'>;
  /** Narrower still (the 5,000-card mutant runs on the bases marked `scale`). */
  only?: (base: Base) => boolean;
  apply(s: Subject): void;
};

export const BOTH = ['list', 'paper'] as const;
export const LISTS = ['list'] as const;

/** Edits the parsed props in place and writes them back; the expectation is re-derived from them. */
export function editProps(s: Subject, edit: (props: Record<string, unknown>, items: unknown[]) => unknown): void {
  const props = readProps(s);
  if (!isRecord(props)) throw new Error(`${s.base.name}: props are not an object before mutation`);
  const replaced = edit(props, propsItems(props, s));
  writeProps(s, replaced ?? props);
}

export const paperOf = (item: unknown) => (isRecord(item) && isRecord(item.paper) ? item.paper : null);

/** Raw `data-props` text surgery: the props stop applying, the DOM is all that is left. */
const rawProps = (kind: string, change: (raw: string) => string | null): Mutation => ({
  kind,
  pages: BOTH,
  apply(s) {
    const island = islandOf(s);
    const raw = island?.getAttribute('data-props') ?? '';
    const next = change(raw);
    if (next === null) island?.removeAttribute('data-props');
    else island?.setAttribute('data-props', next);
    expectDomOnly(s);
  },
});

const numbersForStrings: Mutation = {
  kind: 'props: numbers for strings',
  pages: BOTH,
  apply(s) {
    editProps(s, (_props, items) => {
      for (const item of items) {
        const paper = paperOf(item);
        if (!paper || !isRecord(item)) continue;
        Object.assign(paper, { title: 404, summary: 7, publishedAt: 20260731, authors: [{ name: 42 }], ai_keywords: [1, 2], githubRepo: 3 });
        if ('title' in item) item.title = 405;
      }
    });
    expectFromProps(s); // the items stay (their ids are fine); titles fall back to the DOM
  },
};

const nullItems: Mutation = {
  kind: 'props: null and junk items',
  pages: LISTS,
  apply(s) {
    const junk = [null, 0, 'item', [], {}, { paper: null }, { paper: { id: 2607.1 } }, { paper: { id: '../2607.10000' } }];
    editProps(s, (props) => {
      const items = propsItems(props, s);
      props[s.base.listKey] = items.flatMap((item, i) => [junk[i % junk.length], item]);
    });
    expectFromProps(s);
  },
};

const arraysForObjects: Mutation = {
  kind: 'props: arrays for objects',
  pages: BOTH,
  apply(s) {
    editProps(s, (_props, items) => {
      items.forEach((item, i) => {
        if (!isRecord(item)) return;
        // Half the items lose their paper (dropped: DOM facts), the rest get broken sub-objects (kept).
        if (i % 2 === 1 && s.base.page === 'list') item.paper = [];
        else Object.assign(paperOf(item) ?? {}, { authors: { name: 'x' }, organization: [], ai_keywords: {} });
        item.organization = [];
      });
    });
    expectFromProps(s);
  },
};

const arrayRoot: Mutation = {
  kind: 'props: array instead of the props object',
  pages: BOTH,
  apply(s) {
    editProps(s, (props) => [props]);
    expectDomOnly(s);
  },
};

/** Another period / query / kind than the URL, with titles that would show if wrongly joined. */
function staleProps(props: Record<string, unknown>, s: Subject): void {
  const shift = (value: unknown) => (typeof value === 'string' ? value.replace(/(\d+)$/, (n) => String(Number(n) === 1 ? 2 : Number(n) - 1).padStart(n.length, '0')) : value);
  if (props.isTrending === true) props.isTrending = false;
  if ('dateString' in props) props.dateString = shift(props.dateString);
  if ('date' in props) props.date = shift(props.date);
  if (isRecord(props.query) && typeof props.query.q === 'string') props.query.q = `${props.query.q} previous`;
  if (s.base.page === 'paper' && isRecord(props.paper)) props.paper.id = '2601.00001';
  for (const item of propsItems(props, s)) {
    const paper = paperOf(item);
    if (paper) paper.title = `STALE ${String(paper.title)}`;
  }
}

const stale: Mutation = {
  kind: 'props: stale (another period, query or paper than the URL)',
  pages: BOTH,
  apply(s) {
    editProps(s, (props) => staleProps(props, s));
    expectDomOnly(s);
  },
};

export const PROPS_MUTATIONS: Mutation[] = [
  rawProps('props removed', () => null),
  rawProps('props truncated', (raw) => raw.slice(0, Math.floor(raw.length / 2))),
  rawProps('props not JSON', (raw) => raw.replaceAll('"', "'")),
  rawProps('props empty', () => ''),
  numbersForStrings,
  nullItems,
  arraysForObjects,
  arrayRoot,
  stale,
];
