import { describe, expect, it } from 'vitest';
import type { Pod } from '../model/pod';
import { fitNodes, podRequest, scheduleOneByOne, type NodeFree } from './schedule';

const Gi = 2 ** 30;

function pod(spec: Record<string, unknown>): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec } as Pod;
}

const lessonPod = pod({
  containers: [
    { name: 'app', image: 'busybox:1.36', resources: { requests: { memory: '1Gi', cpu: '250m' } } },
    { name: 'log-collector', image: 'busybox:1.36', resources: { requests: { memory: '0.5Gi', cpu: '100m' } } },
  ],
});

const lessonNodes: NodeFree[] = [
  { name: 'node-a', memory: '1.25Gi', cpu: '2' },
  { name: 'node-b', memory: '2Gi', cpu: '2' },
];

describe('podRequest', () => {
  it('sums the app containers', () => {
    const r = podRequest(lessonPod);
    expect(r.total.memory).toBe(1.5 * Gi);
    expect(r.total.cpu).toBeCloseTo(0.35);
  });

  it('counts only the largest plain init container, against the sum of the apps', () => {
    const r = podRequest(
      pod({
        initContainers: [
          { name: 'i1', resources: { requests: { memory: '3Gi' } } },
          { name: 'i2', resources: { requests: { memory: '1Gi' } } },
        ],
        containers: [
          { name: 'a', resources: { requests: { memory: '1Gi' } } },
          { name: 'b', resources: { requests: { memory: '1Gi' } } },
        ],
      }),
    );
    expect(r.total.memory).toBe(3 * Gi);
    expect(r.initDominates.memory).toBe(true);
    const smallInit = podRequest(
      pod({
        initContainers: [{ name: 'i1', resources: { requests: { memory: '1Gi' } } }],
        containers: [
          { name: 'a', resources: { requests: { memory: '1Gi' } } },
          { name: 'b', resources: { requests: { memory: '1Gi' } } },
        ],
      }),
    );
    expect(smallInit.total.memory).toBe(2 * Gi);
    expect(smallInit.initDominates.memory).toBe(false);
  });

  it('adds sidecars to the running set and to every init container started after them (KEP-753)', () => {
    const r = podRequest(
      pod({
        initContainers: [
          { name: 'first', resources: { requests: { memory: '1Gi' } } },
          { name: 'shipper', restartPolicy: 'Always', resources: { requests: { memory: '1Gi' } } },
          { name: 'late', resources: { requests: { memory: '2Gi' } } },
        ],
        containers: [{ name: 'a', resources: { requests: { memory: '512Mi' } } }],
      }),
    );
    // late runs while shipper runs: 1Gi + 2Gi = 3Gi beats shipper + a = 1.5Gi.
    expect(r.total.memory).toBe(3 * Gi);
  });

  it('takes a limit as the request when the request is missing (defaulting), and adds overhead', () => {
    const r = podRequest(
      pod({
        overhead: { memory: '128Mi' },
        containers: [{ name: 'a', resources: { limits: { memory: '1Gi', cpu: '1' }, requests: { cpu: '500m' } } }],
      }),
    );
    expect(r.total.memory).toBe(Gi + 128 * 2 ** 20);
    expect(r.total.cpu).toBe(0.5);
  });

  it('ignores unreadable quantities rather than throwing', () => {
    const r = podRequest(pod({ containers: [{ name: 'a', resources: { requests: { memory: 'lots' } } }, 'junk'] }));
    expect(r.total.memory).toBe(0);
    expect(r.containers).toHaveLength(1);
  });
});

describe('fitNodes', () => {
  it('fits the lesson Pod only on the 2Gi node, and says what node-a lacks', () => {
    const fits = fitNodes(lessonPod, lessonNodes);
    expect(fits.map((f) => [f.node, f.fits])).toEqual([
      ['node-a', false],
      ['node-b', true],
    ]);
    expect(fits[0]!.short).toEqual([{ resource: 'memory', need: 1.5 * Gi, free: 1.25 * Gi }]);
  });

  it('treats an empty capacity as unlimited', () => {
    expect(fitNodes(lessonPod, [{ name: 'x', memory: '', cpu: '' }])[0]!.fits).toBe(true);
  });
});

describe('scheduleOneByOne', () => {
  it('puts the app on node-a, then strands the log collector there', () => {
    const r = scheduleOneByOne(lessonPod, lessonNodes);
    expect(r.placements).toEqual([
      { container: 'app', node: 'node-a' },
      { container: 'log-collector', node: 'node-b' },
    ]);
    expect(r.anchor).toBe('node-a');
    expect(r.split).toBe(true);
    expect(r.stranded).toEqual([
      { container: 'log-collector', short: [{ resource: 'memory', need: 0.5 * Gi, free: 0.25 * Gi }] },
    ]);
  });

  it('is not split when everything fits on the first node', () => {
    const r = scheduleOneByOne(lessonPod, [{ name: 'big', memory: '4Gi', cpu: '4' }, ...lessonNodes]);
    expect(r.split).toBe(false);
    expect(r.stranded).toEqual([]);
  });

  it('leaves plain init containers out: they run before the others, not beside them', () => {
    const r = scheduleOneByOne(
      pod({
        initContainers: [{ name: 'setup', resources: { requests: { memory: '1Gi' } } }],
        containers: [{ name: 'a', resources: { requests: { memory: '1Gi' } } }],
      }),
      lessonNodes,
    );
    expect(r.placements.map((p) => p.container)).toEqual(['a']);
  });
});
