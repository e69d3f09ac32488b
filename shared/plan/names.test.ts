// Docker names of a Pod's objects: readable in `docker ps`, and never the same for two different Pods or containers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { podNames } from './names';

describe('podNames', () => {
  it('reads well: <pod>_<container>, the infra <pod>_POD, the namespace in front outside default', () => {
    const web = podNames('web', 'default');
    expect([web.infra, web.container('app'), web.volumeHelper, web.volume('data', 'r1')]).toEqual([
      'web_POD',
      'web_app',
      'web_VOLUMES',
      'web_data_r1',
    ]);
    expect(podNames('web', 'shop').container('app')).toBe('shop_web_app');
  });

  it('the collisions the old names had are gone (issue 21, finding 8)', () => {
    // A container called "infra" and the infra container.
    expect(podNames('a', 'default').container('infra')).not.toBe(podNames('a', 'default').infra);
    // Pod "a" with container "b-c" and Pod "a-b" with container "c".
    expect(podNames('a', 'default').container('b-c')).not.toBe(podNames('a-b', 'default').container('c'));
    // Pod "q" in namespace "x" and Pod "x-q" in default.
    expect(podNames('q', 'x').container('c')).not.toBe(podNames('x-q', 'default').container('c'));
    // A container called "volumes" and the volume helper.
    expect(podNames('a', 'default').container('volumes')).not.toBe(podNames('a', 'default').volumeHelper);
  });

  it('never gives two different (namespace, Pod, container) the same name', () => {
    const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,6}[a-z0-9])?$/);
    const podName = fc.stringMatching(/^[a-z0-9]([-.a-z0-9]{0,6}[a-z0-9])?$/);
    const ns = fc.oneof(fc.constant('default'), label);
    fc.assert(
      fc.property(ns, podName, label, ns, podName, label, (n1, p1, c1, n2, p2, c2) => {
        const same = n1 === n2 && p1 === p2 && c1 === c2;
        expect(podNames(p1, n1).container(c1) === podNames(p2, n2).container(c2)).toBe(same);
        expect(podNames(p1, n1).infra === podNames(p2, n2).container(c2)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
