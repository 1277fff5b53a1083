import type { PaperMeta } from '../paper';

/**
 * The user's own history as labels for the model (product: "for you" learns from what the user
 * does, nothing else). Everything here is already stored for other reasons (reading list, read
 * times, first-shown times, filter rules), so a backup of those is a backup of the signals.
 */

export type SignalKind = 'saved' | 'read' | 'hidden' | 'ignored';
export interface LabelledPaper {
  meta: PaperMeta;
  /** 1 = wanted, 0 = not wanted. */
  label: 0 | 1;
  /** How much this example counts in training. */
  weight: number;
  kind: SignalKind;
  /** When the signal happened (for keeping the most recent when capped). */
  at: number;
}

export interface SignalInputs {
  papers: readonly (PaperMeta & { firstShownAt?: number; readAt?: number })[];
  /** Reading-list entries: id → savedAt. */
  saved: ReadonlyMap<string, number>;
  /** Papers a hide rule (a mute, a keyword or author rule) takes off the user's pages. */
  hidden: ReadonlySet<string>;
  now: number;
}

const DAY_MS = 86_400_000;
/** Shown this long ago and still not opened: the user passed over it (a weak "no"). */
export const IGNORED_AFTER_MS = 3 * DAY_MS;
export const SIGNAL_WEIGHT: Record<SignalKind, number> = { saved: 1, read: 0.4, hidden: 1, ignored: 0.15 };
/** Training set cap: the most recent signals (the bench trains on this many). */
export const MAX_EXAMPLES = 5_000;

function signalOf(paper: SignalInputs['papers'][number], inputs: SignalInputs): [SignalKind, number] | null {
  const savedAt = inputs.saved.get(paper.id);
  if (savedAt !== undefined) return ['saved', savedAt];
  if (paper.readAt !== undefined) return ['read', paper.readAt];
  if (inputs.hidden.has(paper.id)) return ['hidden', paper.firstShownAt ?? 0];
  if (paper.firstShownAt !== undefined && inputs.now - paper.firstShownAt >= IGNORED_AFTER_MS) {
    return ['ignored', paper.firstShownAt];
  }
  return null;
}

/** Papers without any text (a card seen without data, never fetched) teach nothing and are skipped. */
const hasText = (meta: PaperMeta) => Boolean(meta.title || meta.summary || meta.keywords?.length);

export function labelledPapers(inputs: SignalInputs): LabelledPaper[] {
  const examples: LabelledPaper[] = [];
  for (const paper of inputs.papers) {
    if (!hasText(paper)) continue;
    const signal = signalOf(paper, inputs);
    if (!signal) continue;
    const [kind, at] = signal;
    const label = kind === 'saved' || kind === 'read' ? 1 : 0;
    examples.push({ meta: paper, label, weight: SIGNAL_WEIGHT[kind], kind, at });
  }
  if (examples.length <= MAX_EXAMPLES) return examples;
  // Saves always stay (they are the strong signal and few); the rest keeps the most recent.
  const saves = examples.filter((e) => e.kind === 'saved');
  const rest = examples.filter((e) => e.kind !== 'saved').sort((a, b) => b.at - a.at);
  return [...saves.slice(-MAX_EXAMPLES), ...rest.slice(0, Math.max(0, MAX_EXAMPLES - saves.length))];
}

/** Saves needed before any score is shown. */
export const MIN_SAVES = 5;
export const savesStillNeeded = (saves: number) => Math.max(0, MIN_SAVES - saves);
