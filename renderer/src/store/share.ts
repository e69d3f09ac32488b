// Structural sharing for parsed documents: a freshly parsed value reuses every part of the previous one it equals, so
// typing in the YAML editor changes the identity of the container that changed, not of every container in the Pod.

/** `next`, with each subtree equal to the same place in `previous` replaced by that subtree (`previous` if all equal). */
export function shareStructure<T>(previous: unknown, next: T): T {
  if (previous === next) return next;
  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    const out = next.map((item: unknown, i) => {
      const shared = shareStructure(previous[i], item);
      if (shared !== previous[i]) same = false;
      return shared;
    });
    return (same ? previous : out) as T;
  }
  if (isPlain(previous) && isPlain(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(previous).length;
    const out: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      const shared = Object.prototype.hasOwnProperty.call(previous, key)
        ? shareStructure(previous[key], next[key])
        : next[key];
      if (shared !== previous[key] || Object.keys(previous)[i] !== key) same = false;
      // defineProperty keeps a key named `__proto__` a key rather than a prototype.
      Object.defineProperty(out, key, { value: shared, enumerable: true, writable: true, configurable: true });
    });
    return (same ? previous : out) as T;
  }
  return next;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
