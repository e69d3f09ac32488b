// Tests that unchanged React Flow nodes keep their objects between passes and changed or new ones do not.
import { describe, expect, it } from 'vitest';
import { noNodeData, sameElement, StableElements } from './stable-elements';

describe('stable elements', () => {
  it('hands back last pass’s object for an equal node, a new one for a moved node, and forgets removed ids', () => {
    const cache = new StableElements<{ id: string; position: { x: number; y: number }; data: object }>();
    const a = { id: 'a', position: { x: 0, y: 0 }, data: noNodeData };
    const b = { id: 'b', position: { x: 10, y: 0 }, data: noNodeData };
    cache.begin();
    cache.keep(a);
    cache.keep(b);
    cache.end();

    cache.begin();
    const a2 = cache.keep({ id: 'a', position: { x: 0, y: 0 }, data: noNodeData });
    const moved = { id: 'b', position: { x: 11, y: 0 }, data: noNodeData };
    const b2 = cache.keep(moved);
    cache.end();
    expect(a2).toBe(a);
    expect(b2).toBe(moved);

    cache.begin();
    cache.end(); // a and b are gone
    cache.begin();
    const a3 = { id: 'a', position: { x: 0, y: 0 }, data: noNodeData };
    expect(cache.keep(a3)).toBe(a3);
  });

  it('hands back the same array when every element is unchanged', () => {
    const cache = new StableElements<{ id: string; selected: boolean }>();
    const first = cache.list([{ id: 'a', selected: false }]);
    expect(cache.list([{ id: 'a', selected: false }])).toBe(first);
    const changed = cache.list([{ id: 'a', selected: true }]);
    expect(changed).not.toBe(first);
    expect(changed[0]!.selected).toBe(true);
  });

  it('compares one level deep and treats added, removed or changed fields as a change', () => {
    expect(sameElement({ id: 'a', style: { width: 1 } }, { id: 'a', style: { width: 1 } })).toBe(true);
    expect(sameElement({ id: 'a', style: { width: 1 } }, { id: 'a', style: { width: 2 } })).toBe(false);
    expect(sameElement({ id: 'a' }, { id: 'a', selected: true })).toBe(false);
    expect(sameElement({ id: 'a', selected: undefined }, { id: 'a', hidden: undefined })).toBe(false);
    expect(sameElement({ id: 'a', data: { n: [1] } }, { id: 'a', data: { n: [1] } })).toBe(false);
  });
});
