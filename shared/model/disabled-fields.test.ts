// The fields the 1.34 create strategy drops before validation (DropDisabledPodFields), so they are never refused.
import { describe, expect, it } from 'vitest';
import { withDefaults } from './defaults';
import { withoutDisabledFields } from './disabled-fields';
import type { Pod } from './pod';

function pod(spec: Partial<Pod['spec']>): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [], ...spec } };
}

describe('withoutDisabledFields', () => {
  it('drops restartPolicy rules (ContainerRestartRules), stopSignal (ContainerStopSignals) and fileKeyRef (EnvFiles)', () => {
    const out = withoutDisabledFields(
      pod({
        containers: [
          {
            name: 'a',
            restartPolicy: 'Never',
            lifecycle: { stopSignal: 'SIGUSR1', preStop: { sleep: { seconds: 1 } } },
          },
          {
            name: 'b',
            lifecycle: { stopSignal: 'SIGUSR1' },
            env: [{ name: 'E', valueFrom: { fileKeyRef: { key: 'k' } } }],
          },
        ],
        initContainers: [
          { name: 'i', restartPolicy: 'OnFailure' },
          { name: 's', restartPolicy: 'Always' },
        ],
      } as never),
    );
    const [a, b] = out.spec.containers;
    expect(a?.restartPolicy).toBeUndefined();
    expect(a?.lifecycle).toEqual({ preStop: { sleep: { seconds: 1 } } });
    expect(b?.lifecycle).toBeUndefined();
    expect(b?.env?.[0]?.valueFrom).toEqual({});
    expect(out.spec.initContainers?.map((c) => c.restartPolicy)).toEqual([undefined, 'Always']);
  });

  it('leaves a Pod without such fields as it is, and defaulting alone keeps them (the plan runs what was written)', () => {
    const plain = pod({ containers: [{ name: 'a', image: 'x' }] });
    expect(withoutDisabledFields(plain)).toBe(plain);
    const signal = pod({ containers: [{ name: 'a', lifecycle: { stopSignal: 'SIGUSR1' } }] } as never);
    expect(withDefaults(signal).spec.containers[0]?.lifecycle).toEqual({ stopSignal: 'SIGUSR1' });
  });
});
