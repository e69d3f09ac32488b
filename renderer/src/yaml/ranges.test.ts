// Tests mapping Kubernetes field paths to places in YAML text.
import { describe, expect, it } from 'vitest';
import { rangesOfPaths } from './ranges';

const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      ports:
        - containerPort: 80
    - name: b
      ports:
        - containerPort: 80
`;

const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;

describe('rangesOfPaths', () => {
  it('finds the line of a leaf field, an item, and the parent of a missing field', () => {
    const [leaf, item, missing, nowhere] = rangesOfPaths(text, [
      'spec.containers[1].ports[0].containerPort',
      'spec.containers[1]',
      'spec.containers[0].image',
      'status.phase',
    ]);
    expect(lineOf(leaf!.from)).toBe(12);
    expect(text.slice(leaf!.from, leaf!.to)).toBe('containerPort: 80');
    expect(leaf!.exact).toBe(true);
    expect(lineOf(item!.from)).toBe(10);
    expect(missing!.exact).toBe(false);
    expect(lineOf(missing!.from)).toBe(7);
    expect(nowhere?.exact).toBe(false);
  });

  it('returns nothing for text that does not parse', () => {
    expect(rangesOfPaths('a: [', ['a'])).toEqual([undefined]);
  });
});

describe('rangesOfPaths on hostile text', () => {
  it('reads with the manifest limits: text past the size limit is not parsed at all', () => {
    const huge = `${text}    - name: c\n      image: "${'x'.repeat(11 * 1024 * 1024)}"\n`;
    expect(rangesOfPaths(huge, ['spec.containers[1]'])).toEqual([undefined]);
  });
});
