import { Unsupported, type Assertion, type RegexNode } from './parse';

/**
 * A Thompson NFA: states that read one character (`char`), fork (`split`), check a zero-width
 * assertion (`assert`) or accept (`match`). Built from the tree back to front: each piece is
 * compiled with the state it continues to, so no fragment lists are needed. Counted repetition is
 * expanded (`a{2,4}` is `aa(a(a)?)?`); NFA_STATES_MAX bounds the result, and with it the work per
 * character of text (dfa.ts).
 */
export type NfaState =
  | { op: 'char'; atom: number; out: number }
  | { op: 'split'; outs: number[] }
  | { op: 'assert'; kind: Assertion; out: number }
  | { op: 'match' };

export interface Nfa {
  states: NfaState[];
  start: number;
  /** The source of each single-character piece, by the `atom` index of `char` states. */
  atoms: string[];
}

/** Most states a rule's NFA may have: a step over one character visits each at most once. */
export const NFA_STATES_MAX = 1_000;

const TOO_BIG = `This regular expression is too large to run safely (its repetition counts expand past ${NFA_STATES_MAX} steps). Use smaller {m,n} counts.`;

export function buildNfa(tree: RegexNode): Nfa {
  const b = new Builder();
  const match = b.add({ op: 'match' });
  const start = b.compile(tree, match);
  return { states: b.states, start, atoms: b.atoms };
}

class Builder {
  readonly states: NfaState[] = [];
  readonly atoms: string[] = [];
  private readonly atomIndex = new Map<string, number>();

  add(state: NfaState): number {
    if (this.states.length >= NFA_STATES_MAX) throw new Unsupported(TOO_BIG);
    this.states.push(state);
    return this.states.length - 1;
  }

  compile(node: RegexNode, next: number): number {
    switch (node.t) {
      case 'char':
        return this.add({ op: 'char', atom: this.atom(node.src), out: next });
      case 'assert':
        return this.add({ op: 'assert', kind: node.kind, out: next });
      case 'seq':
        return node.items.reduceRight((to, item) => this.compile(item, to), next);
      case 'alt':
        return this.add({ op: 'split', outs: node.options.map((o) => this.compile(o, next)) });
      case 'repeat':
        return this.repeat(node.body, node.min, node.max, next);
    }
  }

  /** `min` copies, then `max - min` optional ones nested (or a loop when unbounded). */
  private repeat(body: RegexNode, min: number, max: number, next: number): number {
    let at = max === Infinity ? this.loop(body, next) : next;
    if (max !== Infinity) for (let k = min; k < max; k++) at = this.add({ op: 'split', outs: [this.compile(body, at), next] });
    for (let k = 0; k < min; k++) at = this.compile(body, at);
    return at;
  }

  private loop(body: RegexNode, next: number): number {
    const fork = this.add({ op: 'split', outs: [] });
    const state = this.states[fork];
    if (state?.op === 'split') state.outs.push(this.compile(body, fork), next);
    return fork;
  }

  private atom(src: string): number {
    let i = this.atomIndex.get(src);
    if (i === undefined) {
      i = this.atoms.push(src) - 1;
      this.atomIndex.set(src, i);
    }
    return i;
  }
}
