import type { PaperMeta } from '../paper';
import { STOP_WORDS } from './tokenize';

/**
 * The training's featurizer: a paper's terms (the same words, bigrams, keywords and names as
 * `termsOf` in features.ts, in the same buckets) counted straight into hashed buckets, by one scan
 * over the characters. No term string, object or Map is made per word: that allocation was most
 * of the training's time (5,000 papers took ~1 s to tokenize that way). `termsOf` stays for the
 * explanations, which need the terms' labels.
 */

/** 2^17 buckets: two Float32Arrays of this size (weights, idf) are 1 MB, under the 2 MB cap. */
export const DIMENSIONS = 1 << 17;
const MASK = DIMENSIONS - 1;

/** Title words count twice: a title says what a paper is about more densely than its abstract. */
export const TITLE_WEIGHT = 2;
/** Authors and organizations are single features; weighted up so one name can matter. */
export const NAME_WEIGHT = 1.5;

/** FNV-1a, 32 bits (stable across runs and contexts: the model is stored), from a running state. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;

function hashRange(state: number, text: string, start: number, end: number): number {
  let hash = state;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

export const hashOf = (key: string): number => hashRange(FNV_OFFSET, key, 0, key.length);
export const bucketOf = (key: string): number => hashOf(key) & MASK;

/** Stop words by hash: a word is sliced into a string only when its hash is a stop word's. */
const STOP_HASHES = new Map<number, string>([...STOP_WORDS].map((word) => [hashOf(word), word]));

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** One paper's buckets (each once) and the weighted count of its terms in each. */
export interface HashedCounts {
  index: Int32Array;
  count: Float32Array;
}

/** Scratch counts for one paper at a time (JavaScript is single-threaded: one is enough). */
const counts = new Float64Array(DIMENSIONS);
let touched = new Int32Array(1024);
let used = 0;

function add(hash: number, weight: number): void {
  const bucket = hash & MASK;
  if (counts[bucket] === 0) {
    if (used === touched.length) {
      const bigger = new Int32Array(touched.length * 2);
      bigger.set(touched);
      touched = bigger;
    }
    touched[used] = bucket;
    used += 1;
  }
  counts[bucket] = (counts[bucket] ?? 0) + weight;
}

/** Words (ASCII letters and digits, lower case, as `tokenize`) and neighbour bigrams of `text`. */
function addWords(text: string | undefined, weight: number): void {
  if (!text) return;
  const lower = text.toLowerCase();
  let previous = 0;
  let hasPrevious = false;
  let i = 0;
  while (i < lower.length) {
    if (!isWordChar(lower.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    let digitsOnly = true;
    for (let c = lower.charCodeAt(i); i < lower.length && isWordChar(c); c = lower.charCodeAt(i)) {
      hash = Math.imul(hash ^ c, FNV_PRIME);
      if (c > 57) digitsOnly = false;
      i += 1;
    }
    if (i - start < 2 || digitsOnly) continue;
    const stop = STOP_HASHES.get(hash);
    if (stop !== undefined && stop.length === i - start && lower.startsWith(stop, start)) continue;
    add(hash, weight);
    // "a b" continues a's hash over the space and b: the same bucket as hashing the joined key.
    if (hasPrevious) add(hashRange(Math.imul(previous ^ SPACE, FNV_PRIME), lower, start, i), weight);
    previous = hash;
    hasPrevious = true;
  }
}

function addName(prefix: string, name: string | undefined, weight: number): void {
  const trimmed = name?.trim().toLowerCase();
  if (trimmed) add(hashOf(prefix + trimmed), weight);
}

/** The hashed term counts of a paper: the training's input, and the scorer's. */
export function hashedCounts(meta: PaperMeta): HashedCounts {
  used = 0;
  addWords(meta.title, TITLE_WEIGHT);
  addWords(meta.summary, 1);
  for (const keyword of meta.keywords ?? []) {
    addName('k:', keyword, 1);
    addWords(keyword, 1);
  }
  for (const author of meta.authors ?? []) addName('a:', author, NAME_WEIGHT);
  addName('o:', meta.organization, NAME_WEIGHT);
  const index = touched.slice(0, used);
  const count = new Float32Array(used);
  for (let k = 0; k < used; k += 1) {
    const bucket = index[k] ?? 0;
    count[k] = counts[bucket] ?? 0;
    counts[bucket] = 0;
  }
  return { index, count };
}
