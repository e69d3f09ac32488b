// Keeps React Flow node and edge objects the same from one render to the next when nothing about them changed, so
// React Flow redraws only the nodes and edges that moved or changed (a drag in a 500-node design redraws one node).

/** The reusable data object for nodes that carry none: a fresh `{}` each render would redraw every node. */
export const noNodeData: Record<string, unknown> = {};

/**
 * Returns `next`, or the object given last time for the same id when it is equal to `next`, and remembers the
 * answer for the next pass. Call `begin()` before a pass and `end()` after it, so ids that are gone are forgotten.
 */
export class StableElements<T extends { id: string }> {
  private last = new Map<string, T>();
  private current = new Map<string, T>();
  private lastList: T[] = [];

  begin(): void {
    this.current = new Map();
  }

  keep(next: T): T {
    const old = this.last.get(next.id);
    const chosen = old && sameElement(old, next) ? old : next;
    this.current.set(next.id, chosen);
    return chosen;
  }

  end(): void {
    this.last = this.current;
  }

  /** One whole pass: `next` with equal elements replaced, or last pass's array itself when every element is equal. */
  list(next: readonly T[]): T[] {
    this.begin();
    const out = next.map((element) => this.keep(element));
    this.end();
    const same = out.length === this.lastList.length && out.every((element, i) => element === this.lastList[i]);
    if (!same) this.lastList = out;
    return this.lastList;
  }
}

/** Equal elements: the same values, looking one level into nested plain objects (position, measured, data, style). */
export function sameElement(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  for (const key of keys) {
    if (!(key in rb)) return false;
    const x = ra[key];
    const y = rb[key];
    if (x === y) continue;
    if (!isPlain(x) || !isPlain(y)) return false;
    const kx = Object.keys(x);
    if (kx.length !== Object.keys(y).length) return false;
    for (const k of kx) if (x[k] !== y[k]) return false;
  }
  return true;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
