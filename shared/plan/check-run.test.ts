// The one gate: the rules' problems plus only what the engine adds, one decision of what refuses and what asks, and
// never a throw, whatever the Pod.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostilePod } from '../rules/testing/hostile-pods.test-support';
import { validatePod } from '../rules/validate';
import { asksBeforeRun, blocksRun, checkRun } from './check-run';
import type { Pod } from './pod';
import type { PlanEngine } from './types';

const docker: PlanEngine = { name: 'Docker', apiVersion: '1.47', cpus: 2, memoryBytes: 8 * 2 ** 30 };
const pod = (spec: Partial<NonNullable<Pod['spec']>> = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: { containers: [{ name: 'app', image: 'busybox:1.36' }], ...spec },
});
const codes = (list: { code: string }[]) => list.map((d) => d.code);

describe('checkRun', () => {
  it('is the rules alone when no engine is known, and adds the engine\'s own problems when one is', () => {
    const p = pod({ volumes: [{ name: 'conf', configMap: { name: 'settings' } }], containers: [{ name: 'app', image: 'busybox:1.36', volumeMounts: [{ name: 'conf', mountPath: '/c' }] }] });
    expect(codes(checkRun(p, undefined).problems)).toEqual(codes(validatePod(p as never)));
    const onDocker = checkRun(p, docker);
    expect(codes(onDocker.blockers)).toEqual(['CONFIGMAP_NOT_FOUND']);
    expect(onDocker.blockers[0]).toMatchObject({ category: 'engine', path: 'spec.volumes[0].configMap.name', messageId: 'rules.CONFIGMAP_NOT_FOUND.messages.main' });
    expect(onDocker.plan).toBeDefined();
    // With the ConfigMap in the design, nothing is left to refuse.
    const companions = { configMaps: [{ kind: 'ConfigMap' as const, metadata: { name: 'settings' }, data: { a: '1' } }] };
    expect(checkRun(p, docker, { companions }).blockers).toEqual([]);
  });

  it('refuses what Kubernetes or the engine refuses, and asks about runtime errors and warnings', () => {
    expect(blocksRun({ severity: 'error', category: 'kubernetes' })).toBe(true);
    expect(blocksRun({ severity: 'error', category: 'engine' })).toBe(true);
    expect(blocksRun({ severity: 'error', category: 'runtime' })).toBe(false);
    expect(asksBeforeRun({ severity: 'error', category: 'runtime' })).toBe(true);
    expect(asksBeforeRun({ severity: 'warning', category: 'practice' })).toBe(true);
    expect(asksBeforeRun({ severity: 'info', category: 'practice' })).toBe(false);
    const clash = pod({
      containers: [
        { name: 'a', image: 'x:1', ports: [{ containerPort: 80 }] },
        { name: 'b', image: 'x:1', ports: [{ containerPort: 80 }] },
      ],
    });
    const check = checkRun(clash, docker);
    expect(check.blockers).toEqual([]);
    expect(codes(check.questions)).toContain('POD_PORT_CLASH');
  });

  it('reports a fact once: no engine problem where a rule already refuses the same field', () => {
    const p = pod({
      volumes: [{ name: 'c', configMap: { name: 'conf', items: [{ key: 'a', path: '../a' }] } }],
    });
    const companions = { configMaps: [{ kind: 'ConfigMap' as const, metadata: { name: 'conf' }, data: { a: '1' } }] };
    const check = checkRun(p, docker, { companions });
    expect(codes(check.problems).filter((c) => c === 'VOLUME_BAD_PATH')).toEqual([]);
    expect(codes(check.blockers)).toContain('VOLUME_SOURCE_INVALID');
    // The plan itself still never writes that file out of its volume.
    expect(check.plan?.volumeHelper?.files ?? []).toEqual([]);
  });

  it('takes the rules\' problems from the caller when it has them (the app, with what only the canvas knows)', () => {
    const given = [{ code: 'X', severity: 'error' as const, category: 'kubernetes' as const, path: 'spec', message: 'm', explanation: '', fixes: [], related: [] }];
    expect(checkRun(pod(), docker, { ruleProblems: given }).blockers).toEqual(given);
  });

  it('never throws, on any Pod, with or without an engine', () => {
    fc.assert(
      fc.property(hostilePod, fc.boolean(), (p, withEngine) => {
        const check = checkRun(p as unknown as Pod, withEngine ? docker : undefined);
        for (const d of check.problems) expect(['error', 'warning', 'info']).toContain(d.severity);
      }),
      { numRuns: 300 },
    );
  });
});
