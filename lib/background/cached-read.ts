/** A read kept in memory until `forget`. */
export interface CachedRead<T> {
  get: () => Promise<T>;
  forget: () => void;
}

/**
 * A store read kept in the worker's memory until a write may have changed it. Only this
 * background writes the store, and every write it makes calls `forget` (the dispatcher does, per
 * each route's `invalidates`), so the copy cannot go stale; a restarted worker starts empty. A
 * failed read is not kept.
 */
export function cachedRead<T>(load: () => Promise<T>): CachedRead<T> {
  let value: Promise<T> | null = null;
  const forget = () => {
    value = null;
  };
  const get = () => {
    value ??= load();
    value.catch(forget);
    return value;
  };
  return { get, forget };
}
