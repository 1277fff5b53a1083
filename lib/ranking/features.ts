import type { PaperMeta } from '../paper';
import { tokenize } from './tokenize';

/**
 * Sparse features of a paper: hashed word and bigram tf-idf over title, abstract and HF's
 * `ai_keywords`, plus one feature per author and per organization. Hashing caps the vocabulary
 * (the model's size is fixed whatever the user reads) and needs no stored dictionary.
 */

/** 2^17 buckets: two Float32Arrays of this size (weights, idf) are 1 MB, under the 2 MB cap. */
export const DIMENSIONS = 1 << 17;

/** How a term reads in an explanation: a word or phrase, an author, an organization. */
export type TermKind = 'word' | 'keyword' | 'author' | 'org';
export interface Term {
  key: string;
  kind: TermKind;
  /** What the user sees ("diffusion", "Kaiming He"). */
  label: string;
  count: number;
}

/** Title words count twice: a title says what a paper is about more densely than its abstract. */
const TITLE_WEIGHT = 2;
/** Authors and organizations are single features; weighted up so one name can matter. */
const NAME_WEIGHT = 1.5;

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

/** FNV-1a, 32 bits: fast, stable across runs and contexts (the model is stored). */
export function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (DIMENSIONS - 1);
}

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

/** Counts one document's buckets into `df` (document frequencies), each bucket once. */
export function countDocument(df: Uint32Array, terms: readonly Term[]): void {
  const seen = new Set<number>();
  for (const term of terms) seen.add(bucketOf(term.key));
  for (const bucket of seen) df[bucket] = (df[bucket] ?? 0) + 1;
}

/** Document frequencies → idf per bucket (smoothed; an unseen bucket gets the most). */
export function idfFromCounts(df: Uint32Array, n: number): Float32Array {
  const idf = new Float32Array(DIMENSIONS);
  for (let i = 0; i < DIMENSIONS; i += 1) idf[i] = Math.log((n + 1) / ((df[i] ?? 0) + 1)) + 1;
  return idf;
}

/** Sublinear tf × idf, L2-normalized so long abstracts do not outweigh short ones. */
export function vectorize(terms: readonly Term[], idf: Float32Array): SparseVector {
  const byBucket = new Map<number, number>();
  for (const term of terms) {
    const bucket = bucketOf(term.key);
    const weight = (1 + Math.log(term.count)) * (idf[bucket] ?? 1);
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + weight);
  }
  let norm = 0;
  for (const weight of byBucket.values()) norm += weight * weight;
  norm = Math.sqrt(norm) || 1;
  const index = new Int32Array(byBucket.size);
  const value = new Float32Array(byBucket.size);
  let i = 0;
  for (const [bucket, weight] of byBucket) {
    index[i] = bucket;
    value[i] = weight / norm;
    i += 1;
  }
  return { index, value };
}

export function dot(weights: Float32Array, x: SparseVector): number {
  let sum = 0;
  for (let i = 0; i < x.index.length; i += 1) sum += (weights[x.index[i] ?? 0] ?? 0) * (x.value[i] ?? 0);
  return sum;
}
