import { readListMetasInSlices, type Slicer } from '../hf/embedded-data';
import { pageKindOf } from '../hf/page-kind';
import { SELECTORS } from '../hf/selectors';
import type { ResponseMap } from '../messages';
import type { PaperState } from '../paper';
import { inSlices, yieldToMain } from './lifetime';
import type { Requester } from './messenger';
import { MonthStates, predictedState } from './month-states';

/** States read before the cards were parsed: a prediction that the load's cards-shown confirms. */
export type EarlyStates = {
  url: string;
  /** What the card of `id` will show; undefined: no prediction (cards-shown decides). */
  stateOf(id: string): PaperState | undefined;
  /** True while the prediction for `id` is on its way (a card parsed before its answer waits). */
  pending?(id: string): boolean;
  saved: Set<string>;
  verdicts: ResponseMap['get-states']['verdicts'];
  scores: ResponseMap['get-states']['scores'];
};

/** Main-thread time per slice of reading the props' papers (the page is still parsing). */
const READ_SLICE_MS = 10;

/** The largest id list one request may carry (messages.ts MAX_BATCH). */
const MAX_IDS = 10_000;

function toEarly(url: URL, ids: string[], answer: ResponseMap['get-states']): EarlyStates {
  const known = { read: new Set(answer.read), shown: new Set(answer.shown) };
  const states = new Map<string, PaperState>();
  for (const id of ids) states.set(id, predictedState(known, id));
  return { url: url.href, stateOf: (id) => states.get(id), saved: new Set(answer.saved), verdicts: answer.verdicts, scores: answer.scores };
}

/**
 * From document_start: as soon as the list island is parsed (it opens `<main>`, and its props list
 * every paper of the page), asks for those papers' states while the rest of the HTML still parses.
 * At DOMContentLoaded the cards can then be annotated at once instead of after a round trip queued
 * behind the page's first render. Read-only: what the load records is still decided by cards-shown.
 * A list page without usable props (cards before any island, none, or props about another URL)
 * gets its states a month at a time from the cards' own ids (MonthStates). Resolves null on a
 * paper's own page or a page that is not ours, and when the read failed.
 */
export function prefetchStates(
  doc: Document,
  url: URL,
  request: Requester,
  signal: AbortSignal,
  /** Whether filters may apply: only then does the page's data (megabytes on a big page) go along. */
  filtersOn: () => boolean = () => true,
): Promise<EarlyStates | null> {
  const kind = pageKindOf(url);
  if (kind === null || kind.name === 'paper') return Promise.resolve(null);
  const byMonth = () => new MonthStates(url.href, request);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => check());
    let done = false;
    const finish = (value: Promise<EarlyStates | null> | null) => {
      done = true;
      observer.disconnect();
      resolve(value);
    };
    // The island's props are megabytes on a big page: parsed in one step, read in slices, sent
    // in a task of its own, so the page's parsing is never held up for long.
    const ask = async (): Promise<EarlyStates | null> => {
      const slices: Slicer = (items, work) => inSlices(items, READ_SLICE_MS, signal, work, { yieldFirst: true });
      const metas = await readListMetasInSlices(doc, kind, slices);
      const papers = [...(metas?.values() ?? [])].slice(0, MAX_IDS);
      const ids = papers.map((paper) => paper.id);
      if (signal.aborted) return null;
      if (ids.length === 0) return byMonth();
      await yieldToMain();
      // With rules on, the props' data goes along: the filters must see papers not stored yet.
      const answer = await (filtersOn() ? request({ type: 'get-states', ids, papers }) : request({ type: 'get-states', ids }));
      return answer ? toEarly(url, ids, answer) : null;
    };
    // Cards before any island (or DOM ready without one): this page has no early list to read.
    const check = () => {
      if (done) return;
      if (doc.querySelector(SELECTORS.dailyPapersIsland)) finish(ask());
      else if (doc.readyState !== 'loading' || doc.querySelector(`${SELECTORS.main} ${SELECTORS.card}`)) finish(Promise.resolve(byMonth()));
    };
    signal.addEventListener('abort', () => finish(null), { once: true });
    doc.addEventListener('DOMContentLoaded', check, { once: true, signal });
    observer.observe(doc, { childList: true, subtree: true });
    check();
  });
}
