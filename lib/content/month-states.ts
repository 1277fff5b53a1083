import type { PaperState } from '../paper';
import { slotOf } from '../store/state-bits';
import type { EarlyStates } from './early-states';
import type { Requester } from './messenger';

type Month = { read: Set<string>; shown: Set<string> };

/** The state a load would show a paper in, from what the store holds: both early paths predict with it. */
export const predictedState = ({ read, shown }: Month, id: string): PaperState =>
  read.has(id) ? 'read' : shown.has(id) ? 'unread' : 'new';

/**
 * Early states for a page without embedded data (its ids come from the cards as they are parsed):
 * the store's state index, one arXiv month at a time. A 5,000-card page spans one to three months,
 * so one to three requests while the HTML parses cover every card, the last chunk's too, before
 * the page's first render. Once the background says the index cannot predict a card (a rule is on,
 * or a ranking model exists), nothing is predicted and cards-shown decides, as on any page.
 */
export class MonthStates implements EarlyStates {
  readonly saved = new Set<string>();
  readonly verdicts = {};
  readonly scores = undefined;
  /** Each month asked for: its states, or null while the answer is on its way. */
  readonly #months = new Map<string, Month | null>();
  #refused = false;

  constructor(readonly url: string, private readonly request: Requester) {}

  stateOf(id: string): PaperState | undefined {
    const month = this.#months.get(slotOf(id)?.key ?? '');
    return month ? predictedState(month, id) : undefined;
  }

  /** True while `id`'s month is on its way (asked for now when it was not yet). */
  pending(id: string): boolean {
    const key = slotOf(id)?.key;
    if (key === undefined || this.#refused) return false;
    if (!this.#months.has(key)) {
      this.#months.set(key, null);
      void this.#ask(key);
    }
    return this.#months.get(key) === null;
  }

  async #ask(month: string): Promise<void> {
    const answer = await this.request({ type: 'get-month-states', month });
    // Not predictable, or no answer (the user was told): no card waits for a month any more.
    if (!answer?.predictable) {
      this.#refused = true;
      return;
    }
    for (const id of answer.saved) this.saved.add(id);
    this.#months.set(month, { read: new Set(answer.read), shown: new Set(answer.shown) });
  }
}
