/**
 * A store read kept in the worker's memory until a write may have changed it. Only this
 * background writes the store, and every write it makes calls `forget` (via `changed`), so the
 * copy cannot go stale; a restarted worker starts empty. A failed read is not kept.
 */
export function cachedRead<T>(load: () => Promise<T>): { get: () => Promise<T>; forget: () => void } {
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
