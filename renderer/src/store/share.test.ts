// Tests structural sharing: equal parts keep their identity, changed parts and their parents are new.
import { describe, expect, it } from 'vitest';
import { shareStructure } from './share';

describe('shareStructure', () => {
  const previous = {
    spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }, { name: 'b' }], volumes: [] as unknown[] },
    metadata: { name: 'web' },
  };

  it('returns the previous value when the new one is equal', () => {
    expect(shareStructure(previous, structuredClone(previous))).toBe(previous);
  });

  it('keeps unchanged siblings and makes new objects along the changed path only', () => {
    const next = structuredClone(previous);
    next.spec.containers[1]!.name = 'c';
    const shared = shareStructure(previous, next);
    expect(shared).not.toBe(previous);
    expect(shared).toEqual(next);
    expect(shared.metadata).toBe(previous.metadata);
    expect(shared.spec.containers[0]).toBe(previous.spec.containers[0]);
    expect(shared.spec.containers[1]).not.toBe(previous.spec.containers[1]);
    expect(shared.spec.volumes).toBe(previous.spec.volumes);
  });

  it('treats added, removed and reordered keys and items as changes', () => {
    expect(shareStructure({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual({ b: 2, a: 1 });
    expect(Object.keys(shareStructure({ a: 1, b: 2 }, { b: 2, a: 1 }))).toEqual(['b', 'a']);
    expect(shareStructure({ a: 1 }, { a: 1, b: undefined })).toEqual({ a: 1, b: undefined });
    expect(shareStructure([1, 2], [1])).toEqual([1]);
    expect(shareStructure({ a: 1 }, { a: '1' })).toEqual({ a: '1' });
  });
});
