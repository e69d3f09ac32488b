import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../model/pod';
import { applyFix, pointer } from './fix';
import { formatQuantity, parseQuantity } from '../model/quantity';
import { rules } from './registry';
import { container, makePod } from './testing/pods';
import { acceptedByKubernetes, validatePod } from './validate';

/** Pods shaped like real ones but with hostile values: wrong types, odd names, clashing ports, missing volumes. */
const name = fc.oneof(
  fc.constantFrom('a', 'b', 'web', 'log', 'data', 'A_B', '', 'x.y', '123'),
  fc.string({ maxLength: 8 }),
);
const anyValue = fc.oneof(fc.anything({ maxDepth: 2 }), fc.constant(undefined));
const port = fc.record(
  {
    containerPort: fc.oneof(fc.integer({ min: -1, max: 70000 }), fc.constantFrom(80, 443), anyValue),
    hostPort: fc.oneof(fc.constantFrom(0, 80, 8080), fc.integer({ min: -5, max: 70000 }), anyValue),
    protocol: fc.oneof(fc.constantFrom('TCP', 'UDP', 'SCTP', 'tcp'), anyValue),
    hostIP: fc.oneof(fc.constantFrom('', '10.0.0.1'), anyValue),
    name: fc.oneof(name, anyValue),
  },
  { requiredKeys: [] },
);
const quantity = fc.oneof(fc.constantFrom('1', '500m', '1Gi', '-1', 'x', '128m', '1e3'), fc.integer(), anyValue);
const mount = fc.record(
  {
    name: fc.oneof(name, anyValue),
    mountPath: fc.oneof(fc.constantFrom('/a', '/b', '', 'd:'), anyValue),
    readOnly: fc.oneof(fc.boolean(), anyValue),
    subPath: fc.oneof(fc.constantFrom('x', '../y', '/z'), anyValue),
  },
  { requiredKeys: [] },
);
const probe = fc.oneof(
  fc.record(
    {
      exec: fc.record({ command: fc.oneof(fc.constant(['true']), anyValue) }),
      periodSeconds: fc.oneof(fc.integer({ min: -2, max: 5 }), anyValue),
    },
    { requiredKeys: [] },
  ),
  fc.record({ httpGet: fc.record({ port: fc.oneof(fc.constantFrom(80, 'http', 'HTTP', 0), anyValue) }) }),
  anyValue,
);
const containerArb = fc.record(
  {
    name: fc.oneof(name, anyValue),
    image: fc.oneof(fc.constantFrom('busybox', ' x ', ''), anyValue),
    restartPolicy: fc.oneof(fc.constantFrom('Always', 'Never'), anyValue),
    ports: fc.oneof(fc.array(fc.oneof(port, anyValue), { maxLength: 3 }), anyValue),
    volumeMounts: fc.oneof(fc.array(fc.oneof(mount, anyValue), { maxLength: 3 }), anyValue),
    env: fc.oneof(
      fc.array(
        fc.record({ name: fc.oneof(name, anyValue), value: anyValue, valueFrom: anyValue }, { requiredKeys: [] }),
        { maxLength: 3 },
      ),
      anyValue,
    ),
    envFrom: fc.oneof(fc.array(anyValue, { maxLength: 2 }), anyValue),
    resources: fc.oneof(
      fc.record(
        {
          requests: fc.dictionary(
            fc.constantFrom('cpu', 'memory', 'disk', 'example.com/gpu', 'hugepages-2Mi'),
            quantity,
          ),
          limits: fc.dictionary(fc.constantFrom('cpu', 'memory', 'example.com/gpu'), quantity),
        },
        { requiredKeys: [] },
      ),
      anyValue,
    ),
    livenessProbe: probe,
    readinessProbe: probe,
    lifecycle: fc.oneof(fc.record({ preStop: probe, postStart: probe }, { requiredKeys: [] }), anyValue),
    securityContext: anyValue,
  },
  { requiredKeys: [] },
);
const volume = fc.record(
  {
    name: fc.oneof(name, anyValue),
    emptyDir: fc.oneof(fc.constant({}), fc.record({ sizeLimit: quantity }), anyValue),
    hostPath: fc.oneof(
      fc.record({ path: fc.oneof(fc.constantFrom('/x', '/a/..', ''), anyValue), type: anyValue }, { requiredKeys: [] }),
      fc.constant(undefined),
    ),
    configMap: fc.oneof(
      fc.record({ name: anyValue, items: anyValue, defaultMode: anyValue }, { requiredKeys: [] }),
      fc.constant(undefined),
    ),
    secret: fc.oneof(
      fc.record({ secretName: anyValue, items: anyValue }, { requiredKeys: [] }),
      fc.constant(undefined),
    ),
    projected: fc.oneof(fc.record({ sources: anyValue }, { requiredKeys: [] }), fc.constant(undefined)),
  },
  { requiredKeys: [] },
);
const podArb: fc.Arbitrary<Pod> = fc
  .record(
    {
      apiVersion: fc.constant('v1'),
      kind: fc.constant('Pod'),
      metadata: fc.oneof(
        fc.record({ name: fc.oneof(name, anyValue), namespace: anyValue }, { requiredKeys: [] }),
        anyValue,
      ),
      spec: fc.oneof(
        fc.record(
          {
            containers: fc.oneof(fc.array(fc.oneof(containerArb, anyValue), { maxLength: 4 }), anyValue),
            initContainers: fc.oneof(fc.array(containerArb, { maxLength: 3 }), anyValue),
            volumes: fc.oneof(fc.array(fc.oneof(volume, anyValue), { maxLength: 4 }), anyValue),
            hostNetwork: fc.oneof(fc.boolean(), anyValue),
            hostPID: fc.oneof(fc.boolean(), anyValue),
            shareProcessNamespace: fc.oneof(fc.boolean(), anyValue),
            hostUsers: fc.oneof(fc.boolean(), anyValue),
            restartPolicy: fc.oneof(fc.constantFrom('Always', 'never'), anyValue),
            dnsPolicy: anyValue,
            dnsConfig: anyValue,
            securityContext: anyValue,
            terminationGracePeriodSeconds: anyValue,
          },
          { requiredKeys: [] },
        ),
        anyValue,
      ),
    },
    { requiredKeys: ['apiVersion', 'kind'] },
  )
  .map((p) => p as unknown as Pod);

const options = fc.record(
  {
    nodeCapacity: fc.oneof(
      fc.constant(undefined),
      fc.record({ cpu: quantity, memory: quantity }, { requiredKeys: [] }),
    ),
    namespaces: fc.oneof(
      fc.constant(undefined),
      fc.record({ pid: fc.array(name), network: fc.array(name) }, { requiredKeys: [] }),
    ),
  },
  { requiredKeys: [] },
);

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
    // The API server reads a missing number as zero: "Gi" and "e3" are 0 (checked with a 1.34 dry run).
    ['Gi', 0],
    ['e3', 0],
  ])('parses %s', (input, value) => {
    expect(parseQuantity(input)).toBeCloseTo(value);
  });
  it.each(['', 'abc', '1 Gi', '1GB', '1.2.3', null, {}])('refuses %j', (input) => {
    expect(parseQuantity(input)).toBeUndefined();
  });
  it('formats for people', () => {
    expect(formatQuantity('memory', 1.5 * 2 ** 30)).toBe('1.5Gi');
    expect(formatQuantity('cpu', 0.25)).toBe('250m');
  });
});
