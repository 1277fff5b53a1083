import type { PaperMeta } from '../paper';
import { DIMENSIONS, NAME_WEIGHT, TITLE_WEIGHT, type HashedCounts } from './hashed-counts';
import { tokenize } from './tokenize';

/**
 * Sparse features of a paper: hashed word and bigram tf-idf over title, abstract and HF's
 * `ai_keywords`, plus one feature per author and per organization. Hashing caps the vocabulary
 * (the model's size is fixed whatever the user reads) and needs no stored dictionary.
 */

export { bucketOf, DIMENSIONS } from './hashed-counts';

/** How a term reads in an explanation: a word or phrase, an author, an organization. */
export type TermKind = 'word' | 'keyword' | 'author' | 'org';
export interface Term {
  key: string;
  kind: TermKind;
  /** What the user sees ("diffusion", "Kaiming He"). */
  label: string;
  count: number;
}

function addTerm(terms: Map<string, Term>, key: string, kind: TermKind, label: string, count: number): void {
  const known = terms.get(key);
  if (known) known.count += count;
  else terms.set(key, { key, kind, label, count });
}

function addWords(terms: Map<string, Term>, text: string | undefined, weight: number): void {
  if (!text) return;
  const words = tokenize(text);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? '';
    addTerm(terms, word, 'word', word, weight);
    const next = words[i + 1];
    if (next !== undefined) addTerm(terms, `${word} ${next}`, 'word', `${word} ${next}`, weight);
  }
}

/** The terms of one paper with their (weighted) counts. */
export function termsOf(meta: PaperMeta): Term[] {
  const terms = new Map<string, Term>();
  addWords(terms, meta.title, TITLE_WEIGHT);
  addWords(terms, meta.summary, 1);
  for (const keyword of meta.keywords ?? []) {
    const label = keyword.trim().toLowerCase();
    if (label) addTerm(terms, `k:${label}`, 'keyword', label, 1);
    addWords(terms, keyword, 1);
  }
  for (const author of meta.authors ?? []) {
    const name = author.trim();
    if (name) addTerm(terms, `a:${name.toLowerCase()}`, 'author', name, NAME_WEIGHT);
  }
  const org = meta.organization?.trim();
  if (org) addTerm(terms, `o:${org.toLowerCase()}`, 'org', org, NAME_WEIGHT);
  return [...terms.values()];
}

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

/** Counts one document's buckets into `df` (document frequencies); each bucket is there once. */
export function countDocument(df: Uint32Array, counts: HashedCounts): void {
  for (let k = 0; k < counts.index.length; k += 1) {
    const bucket = counts.index[k] ?? 0;
    df[bucket] = (df[bucket] ?? 0) + 1;
  }
}

/** Document frequencies → idf per bucket (smoothed; an unseen bucket gets the most). */
export function idfFromCounts(df: Uint32Array, n: number): Float32Array {
  const idf = new Float32Array(DIMENSIONS);
  for (let i = 0; i < DIMENSIONS; i += 1) idf[i] = Math.log((n + 1) / ((df[i] ?? 0) + 1)) + 1;
  return idf;
}

/** Sublinear tf × idf, L2-normalized so long abstracts do not outweigh short ones. */
export function vectorize(counts: HashedCounts, idf: Float32Array): SparseVector {
  const n = counts.index.length;
  const value = new Float32Array(n);
  let norm = 0;
  for (let k = 0; k < n; k += 1) {
    const weight = (1 + Math.log(counts.count[k] ?? 1)) * (idf[counts.index[k] ?? 0] ?? 1);
    value[k] = weight;
    norm += weight * weight;
  }
  const scale = 1 / (Math.sqrt(norm) || 1);
  for (let k = 0; k < n; k += 1) value[k] = (value[k] ?? 0) * scale;
  return { index: counts.index, value };
}

export function dot(weights: Float32Array, x: SparseVector): number {
  let sum = 0;
  for (let i = 0; i < x.index.length; i += 1) sum += (weights[x.index[i] ?? 0] ?? 0) * (x.value[i] ?? 0);
  return sum;
}
