import { describe, expect, it } from 'vitest';
import type { Pod } from '../model/pod';
import { unusedContainerPort } from './document';

const pod = (lists: { containers?: number[][]; initContainers?: number[][] }): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      containers: (lists.containers ?? []).map((ports, i) => ({
        name: `c${i}`,
        ports: ports.map((containerPort) => ({ containerPort })),
      })),
      initContainers: (lists.initContainers ?? []).map((ports, i) => ({
        name: `i${i}`,
        ports: ports.map((containerPort) => ({ containerPort })),
      })),
    },
  }) as Pod;

describe('unusedContainerPort: the port a new port row starts with', () => {
  it('is 8080 in a Pod that declares none', () => {
    expect(unusedContainerPort(pod({ containers: [[]] }))).toBe(8080);
  });
  it('skips every port any container of the Pod declares, since they share one network namespace', () => {
    expect(unusedContainerPort(pod({ containers: [[8080], [8081, 9000]], initContainers: [[8082]] }))).toBe(8083);
  });
  it('reads a Pod half typed in the YAML editor without throwing', () => {
    const odd = {
      apiVersion: 'v1',
      kind: 'Pod',
      spec: { containers: [{ name: 'a', ports: 'x' }, null] },
    } as unknown as Pod;
    expect(unusedContainerPort(odd)).toBe(8080);
  });
});
