import { bucketOf, type SparseVector, type Term } from './features';
import type { LikedPaper, RankingModel } from './model';

/**
 * Why a paper scored as it did: the terms that pushed it up most (w × x per term of the paper,
 * named from the paper's own text, so the hashed model needs no dictionary) and the saved paper
 * it most resembles (cosine of the tf-idf vectors).
 */

const MAX_TERMS = 3;
/** Below this a term "contributes" nothing worth naming. */
const MIN_CONTRIBUTION = 0.02;
/** Below this no saved paper is "like" it. */
const MIN_LIKENESS = 0.12;
const MAX_TITLE = 70;

export interface Explanation {
  terms: string[];
  like: { id: string; title: string } | null;
}

function topTerms(model: RankingModel, terms: readonly Term[], vector: SparseVector): string[] {
  const x = new Map<number, number>();
  for (let i = 0; i < vector.index.length; i += 1) x.set(vector.index[i] ?? 0, vector.value[i] ?? 0);
  const scored = terms
    .map((term) => {
      const bucket = bucketOf(term.key);
      return { term, contribution: (model.weights[bucket] ?? 0) * (x.get(bucket) ?? 0) };
    })
    .filter((entry) => entry.contribution >= MIN_CONTRIBUTION)
    .sort((a, b) => b.contribution - a.contribution);
  const chosen: string[] = [];
  for (const { term } of scored) {
    // "robot" next to "robot manipulation" says nothing new: keep the first (larger) of the two.
    if (chosen.some((label) => label.includes(term.label) || term.label.includes(label))) continue;
    chosen.push(term.label);
    if (chosen.length === MAX_TERMS) break;
  }
  return chosen;
}

type Postings = Map<number, { like: number; value: number }[]>;
/** Per model, bucket → the saved papers that have it: a paper is compared only where it overlaps. */
const postingsByModel = new WeakMap<RankingModel, Postings>();

function postingsOf(model: RankingModel): Postings {
  let postings = postingsByModel.get(model);
  if (postings) return postings;
  postings = new Map();
  model.likes.forEach((like, i) => {
    for (let k = 0; k < like.index.length; k += 1) {
      const bucket = like.index[k] ?? 0;
      const list = postings?.get(bucket) ?? [];
      list.push({ like: i, value: like.value[k] ?? 0 });
      postings?.set(bucket, list);
    }
  });
  postingsByModel.set(model, postings);
  return postings;
}

/** The saved paper of highest cosine (both vectors are L2-normalized), if any is like enough. */
function mostLike(model: RankingModel, id: string, vector: SparseVector): LikedPaper | null {
  const postings = postingsOf(model);
  const sums = new Float64Array(model.likes.length);
  for (let k = 0; k < vector.index.length; k += 1) {
    const x = vector.value[k] ?? 0;
    for (const posting of postings.get(vector.index[k] ?? 0) ?? []) sums[posting.like] = (sums[posting.like] ?? 0) + x * posting.value;
  }
  let best: LikedPaper | null = null;
  let bestScore = MIN_LIKENESS;
  sums.forEach((score, i) => {
    const like = model.likes[i];
    if (like && like.id !== id && score > bestScore) {
      best = like;
      bestScore = score;
    }
  });
  return best;
}

export function explain(model: RankingModel, id: string, terms: readonly Term[], vector: SparseVector): Explanation {
  const like: LikedPaper | null = mostLike(model, id, vector);
  return { terms: topTerms(model, terms, vector), like: like ? { id: like.id, title: like.title } : null };
}

const shorten = (text: string) => (text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1).trimEnd()}…` : text);

/** The one-line reason shown on a card and in the popup. */
export function reasonText({ terms, like }: Explanation): string {
  const parts: string[] = [];
  if (terms.length) parts.push(terms.join(', '));
  if (like) parts.push(`like: ${shorten(like.title)}`);
  return parts.length ? parts.join(' · ') : 'little in common with your saves';
}
