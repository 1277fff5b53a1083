import type { SparseVector } from './features';

/** A saved paper the reasons can point at ("like: <title>"). */
export interface LikedPaper extends SparseVector {
  id: string;
  title: string;
}

/**
 * What training leaves in storage (one row, key 'model'). Float32Arrays are stored by IndexedDB
 * as binary (structured clone): weights + idf are 2 × 512 KB, the liked papers a few KB each.
 */
export interface RankingModel {
  key: 'model';
  version: typeof MODEL_VERSION;
  trainedAt: number;
  bias: number;
  weights: Float32Array;
  idf: Float32Array;
  likes: LikedPaper[];
  /** Saves and examples it was trained on (the popup says how many saves are still needed). */
  saves: number;
  examples: number;
}

export const MODEL_VERSION = 1;
/** "like: …" candidates: the most recent saves. */
export const MAX_LIKES = 200;

/** A row read back from storage is our own data, but an older extension version may have left another shape. */
export function isCurrentModel(row: unknown): row is RankingModel {
  if (typeof row !== 'object' || row === null) return false;
  const model = row as Partial<RankingModel>;
  return (
    model.version === MODEL_VERSION &&
    model.weights instanceof Float32Array &&
    model.idf instanceof Float32Array &&
    model.weights.length === model.idf.length &&
    typeof model.bias === 'number' &&
    Array.isArray(model.likes)
  );
}

/** Bytes the model takes in storage (arrays as binary, titles as UTF-16 at worst). */
export function modelBytes(model: RankingModel): number {
  let bytes = model.weights.byteLength + model.idf.byteLength + 64;
  for (const like of model.likes) bytes += like.index.byteLength + like.value.byteLength + like.title.length * 2 + 40;
  return bytes;
}
