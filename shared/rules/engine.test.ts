import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../model/pod';
import { applyFix, pointer } from './fix';
import { formatQuantity, parseQuantity } from '../model/quantity';
import { rules } from './registry';
import { container, makePod } from './testing/pods';
import { acceptedByKubernetes, validatePod } from './validate';
import { hostilePod as podArb, validateOptionsArb as options } from './testing/hostile-pods.test-support';

describe('validatePod: properties', () => {
  it('never throws on random, malformed Pods, and returns well-formed diagnostics', () => {
    fc.assert(
      fc.property(podArb, options, (pod, opts) => {
        for (const d of validatePod(pod, opts as never)) {
          expect(typeof d.code).toBe('string');
          expect(['error', 'warning', 'info']).toContain(d.severity);
          expect(typeof d.path).toBe('string');
          expect(typeof d.message).toBe('string');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic and does not mutate its input', () => {
    fc.assert(
      fc.property(podArb, (pod) => {
        const before = JSON.stringify(pod);
        const first = validatePod(pod);
        expect(JSON.stringify(pod)).toBe(before);
        expect(validatePod(structuredClone(pod))).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('orders errors before warnings before info', () => {
    fc.assert(
      fc.property(podArb, (pod) => {
        const ranks = validatePod(pod).map((d) => ['error', 'warning', 'info'].indexOf(d.severity));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('every offered fix applies to the Pod it was made for, without changing the original', () => {
    fc.assert(
      fc.property(podArb, (pod) => {
        const before = JSON.stringify(pod);
        for (const d of validatePod(pod)) for (const fix of d.fixes) expect(() => applyFix(pod, fix)).not.toThrow();
        expect(JSON.stringify(pod)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('handles non-objects', () => {
    expect(validatePod(null as unknown as Pod).map((d) => d.code)).toEqual(['POD_NOT_AN_OBJECT']);
    expect(() => validatePod({ spec: 'x' } as unknown as Pod)).not.toThrow();
  });
});

describe('registry', () => {
  it('has unique, stable-looking codes and full metadata for every rule', () => {
    const codes = rules.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of rules) {
      expect(rule.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(rule.explanation.length).toBeGreaterThan(80);
      expect(rule.title.length).toBeGreaterThan(0);
      expect(rule.source.length).toBeGreaterThan(0);
    }
  });
  it('a valid multi-container Pod has no diagnostics at all', () => {
    const pod = makePod({
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [
        container('web', {
          ports: [{ containerPort: 80, name: 'http' }],
          volumeMounts: [{ name: 'shared', mountPath: '/www' }],
        }),
        container('sync', {
          volumeMounts: [{ name: 'shared', mountPath: '/data', readOnly: true }],
          resources: { requests: { cpu: '100m' }, limits: { cpu: '1' } },
        }),
      ],
    });
    expect(validatePod(pod)).toEqual([]);
    expect(acceptedByKubernetes(validatePod(pod))).toBe(true);
  });
});

describe('applyFix', () => {
  const pod = makePod({ containers: [container('a', { ports: [{ containerPort: 80 }] })] });
  it('adds, replaces and removes, sharing untouched branches', () => {
    const fixed = applyFix(pod, {
      title: 't',
      patch: [
        { op: 'replace', path: '/spec/containers/0/name', value: 'b' },
        { op: 'add', path: '/spec/containers/-', value: container('c') },
        { op: 'add', path: '/spec/volumes', value: [] },
        { op: 'remove', path: '/spec/containers/0/ports/0' },
      ],
    });
    expect(fixed.spec.containers.map((c) => c.name)).toEqual(['b', 'c']);
    expect(fixed.spec.containers[0]?.ports).toEqual([]);
    expect(fixed.spec.volumes).toEqual([]);
    expect(fixed.metadata).toBe(pod.metadata);
    expect(pod.spec.containers[0]?.name).toBe('a');
  });
  it('escapes JSON Pointer segments (resource names with "/")', () => {
    expect(pointer('resources', 'limits', 'example.com/gpu')).toBe('/resources/limits/example.com~1gpu');
    const p = makePod({ containers: [container('a', { resources: { limits: { 'example.com/gpu': '1' } } })] });
    const fixed = applyFix(p, {
      title: 't',
      patch: [{ op: 'remove', path: pointer('spec', 'containers', 0, 'resources', 'limits', 'example.com/gpu') }],
    });
    expect(fixed.spec.containers[0]?.resources?.limits).toEqual({});
  });
  it('refuses a fix that no longer fits', () => {
    expect(() => applyFix(pod, { title: 't', patch: [{ op: 'remove', path: '/spec/containers/5' }] })).toThrow();
    expect(() => applyFix(pod, { title: 't', patch: [{ op: 'remove', path: '/metadata/nothing' }] })).toThrow();
  });
});

describe('quantities', () => {
  it.each([
    ['500m', 0.5],
    ['1', 1],
    ['1.5', 1.5],
    ['1Ki', 1024],
    ['1.25Gi', 1.25 * 2 ** 30],
    ['1G', 1e9],
    ['1e3', 1000],
    ['-1', -1],
    [2, 2],
  ])('parses %s', (input, value) => {
    expect(parseQuantity(input)).toBeCloseTo(value);
  });
  it.each(['', 'abc', '1 Gi', '1GB', '1.2.3', 'Gi', null, {}])('refuses %j', (input) => {
    expect(parseQuantity(input)).toBeUndefined();
  });
  it('formats for people', () => {
    expect(formatQuantity('memory', 1.5 * 2 ** 30)).toBe('1.5Gi');
    expect(formatQuantity('cpu', 0.25)).toBe('250m');
  });
});
