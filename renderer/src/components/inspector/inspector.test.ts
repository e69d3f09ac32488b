// Tests the probe and securityContext form logic, and that the rules point at the fields these forms show.
import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '../../../../shared/model';
import { validatePod } from '../../../../shared/rules';
import { toNumberOrText } from './form';
import { handlerOf, withHandler } from './ProbesSection';
import { withSecurity } from './SecuritySection';

const web: Container = { name: 'web', image: 'nginx', ports: [{ containerPort: 8080 }] };
const podWith = (container: Container): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [container] },
});

describe('probe form logic', () => {
  it('starts an HTTP GET probe on the container’s first port and keeps the timings when the handler changes', () => {
    const http = withHandler(undefined, 'httpGet', web);
    expect(http).toEqual({ httpGet: { path: '/', port: 8080 } });
    const timed = { ...http, periodSeconds: 5 };
    const tcp = withHandler(timed, 'tcpSocket', web);
    expect(tcp).toEqual({ tcpSocket: { port: 8080 }, periodSeconds: 5 });
    expect(handlerOf(tcp)).toBe('tcpSocket');
    expect(withHandler(tcp, '', web)).toBeUndefined();
  });

  it('gives a probe the rules accept, and the rules name the exact field of a wrong value', () => {
    const ok = { ...web, livenessProbe: withHandler(undefined, 'httpGet', web) };
    expect(validatePod(podWith(ok)).filter((d) => d.code === 'PROBE_INVALID')).toEqual([]);
    const bad: Container = {
      ...web,
      livenessProbe: {
        httpGet: { path: '/', port: toNumberOrText('70000')! },
        periodSeconds: toNumberOrText('-1') as number,
      },
    };
    const paths = validatePod(podWith(bad))
      .filter((d) => d.code === 'PROBE_INVALID')
      .map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'spec.containers[0].livenessProbe.httpGet.port',
        'spec.containers[0].livenessProbe.periodSeconds',
      ]),
    );
  });

  it('keeps a number as typed when it is not one, so the rule can say so', () => {
    expect(toNumberOrText('10')).toBe(10);
    expect(toNumberOrText('ten')).toBe('ten');
    expect(toNumberOrText('  ')).toBeUndefined();
  });
});

describe('securityContext form logic', () => {
  it('adds fields and removes an emptied context instead of leaving {}', () => {
    const locked = withSecurity(web, (sc) => ({ ...sc, runAsNonRoot: true, capabilities: { drop: ['ALL'] } }));
    expect(locked.securityContext).toEqual({ runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
    const noCaps = withSecurity(locked, (sc) => ({ ...sc, capabilities: {} }));
    expect(noCaps.securityContext).toEqual({ runAsNonRoot: true });
    const { runAsNonRoot: _, ...rest } = noCaps.securityContext!;
    const cleared = withSecurity(noCaps, () => rest);
    expect(cleared).not.toHaveProperty('securityContext');
  });

  it('is checked by the rules at the field path the form shows', () => {
    const negative = withSecurity(web, (sc) => ({ ...sc, runAsUser: -1 }));
    expect(validatePod(podWith(negative)).map((d) => d.path)).toContain('spec.containers[0].securityContext.runAsUser');
  });
});
