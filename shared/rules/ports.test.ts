import { describe, expect, it } from 'vitest';
import type { ContainerPort } from '../model/pod';
import { applyFix } from './fix';
import { codes, container, found, makePod, paths } from './testing/pods';
import { validatePod } from './validate';

const withPorts = (...lists: ContainerPort[][]) =>
  makePod({ containers: lists.map((ports, i) => container(`c${i}`, { ports })) });

/** Kubernetes' warning strings for the port rules, as warnings_test.go spells them. */
function warnings(pod: ReturnType<typeof makePod>): string[] {
  return validatePod(pod)
    .filter(
      (d) =>
        d.code === 'PORT_DEFINITION_OVERLAP' || d.code === 'HOST_IP_WITHOUT_HOST_PORT' || d.code === 'PORT_NAME_SHARED',
    )
    .map((d) => `${d.path}: ${d.message}`);
}

describe('PORT_INVALID (validateContainerPorts)', () => {
  it('requires containerPort and bounds it to 1–65535', () => {
    const pod = withPorts([{ containerPort: 0 }, { containerPort: 65536 }, { containerPort: 80, hostPort: -1 }]);
    expect(paths(pod, 'PORT_INVALID')).toEqual([
      'spec.containers[0].ports[0].containerPort',
      'spec.containers[0].ports[1].containerPort',
      'spec.containers[0].ports[2].hostPort',
    ]);
    expect(found(pod, 'PORT_INVALID')[0]?.message).toBe('Required value');
  });
  it('defaults a missing protocol to TCP but rejects "tcp" and "ICMP" (NotSupported), with a fix for case', () => {
    expect(paths(withPorts([{ containerPort: 80 }]), 'PORT_INVALID')).toEqual([]);
    const pod = withPorts([
      { containerPort: 80, protocol: 'tcp' },
      { containerPort: 81, protocol: 'ICMP' },
    ]);
    expect(paths(pod, 'PORT_INVALID')).toEqual([
      'spec.containers[0].ports[0].protocol',
      'spec.containers[0].ports[1].protocol',
    ]);
    const fixed = applyFix(pod, found(pod, 'PORT_INVALID')[0]!.fixes[0]!);
    expect(fixed.spec.containers[0]?.ports?.[0]?.protocol).toBe('TCP');
  });
});

describe('PORT_NAME_INVALID (IsValidPortName)', () => {
  it.each(['http', 'p-80', 'a1', 'abcdefghijklmno'])('accepts %s', (name) => {
    expect(paths(withPorts([{ containerPort: 80, name }]), 'PORT_NAME_INVALID')).toEqual([]);
  });
  it.each(['HTTP', '80', 'a--b', '-http', 'http-', 'abcdefghijklmnop', 'a_b'])('rejects %s', (name) => {
    expect(paths(withPorts([{ containerPort: 80, name }]), 'PORT_NAME_INVALID')).toEqual([
      'spec.containers[0].ports[0].name',
    ]);
  });
  it('rejects a name used twice in one container but not across containers', () => {
    expect(
      paths(
        withPorts([
          { containerPort: 80, name: 'web' },
          { containerPort: 81, name: 'web' },
        ]),
        'PORT_NAME_INVALID',
      ),
    ).toEqual(['spec.containers[0].ports[1].name']);
    expect(
      paths(withPorts([{ containerPort: 80, name: 'web' }], [{ containerPort: 81, name: 'web' }]), 'PORT_NAME_INVALID'),
    ).toEqual([]);
  });
});

describe('HOST_PORT_DUPLICATE (AccumulateUniqueHostPorts)', () => {
  it('rejects the same protocol/hostIP/hostPort across regular containers, on the later port', () => {
    const pod = withPorts([{ containerPort: 80, hostPort: 8080 }], [{ containerPort: 81, hostPort: 8080 }]);
    const [d] = found(pod, 'HOST_PORT_DUPLICATE');
    expect(d?.path).toBe('spec.containers[1].ports[0].hostPort');
    expect(d?.message).toBe('Duplicate value: "TCP//8080"');
    expect(d?.related).toEqual(['spec.containers[0].ports[0].hostPort']);
  });
  it('lets 80/TCP and 80/UDP, or two explicit hostIPs, coexist', () => {
    expect(
      paths(
        withPorts([{ containerPort: 80, hostPort: 80 }], [{ containerPort: 80, hostPort: 80, protocol: 'UDP' }]),
        'HOST_PORT_DUPLICATE',
      ),
    ).toEqual([]);
    expect(
      paths(
        withPorts(
          [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }],
          [{ containerPort: 81, hostPort: 80, hostIP: '10.0.0.2' }],
        ),
        'HOST_PORT_DUPLICATE',
      ),
    ).toEqual([]);
  });
  it('checks init containers one at a time: two init containers, or init and regular, may share a hostPort', () => {
    const pod = makePod({
      initContainers: [
        container('i1', { ports: [{ containerPort: 80, hostPort: 80 }] }),
        container('i2', { ports: [{ containerPort: 80, hostPort: 80 }] }),
      ],
      containers: [container('c', { ports: [{ containerPort: 80, hostPort: 80 }] })],
    });
    expect(paths(pod, 'HOST_PORT_DUPLICATE')).toEqual([]);
    const twiceInOne = makePod({
      initContainers: [
        container('i', {
          ports: [
            { containerPort: 80, hostPort: 80 },
            { containerPort: 81, hostPort: 80 },
          ],
        }),
      ],
    });
    expect(paths(twiceInOne, 'HOST_PORT_DUPLICATE')).toEqual(['spec.initContainers[0].ports[1].hostPort']);
  });
  it('fixes by picking a free host port', () => {
    const pod = withPorts(
      [{ containerPort: 80, hostPort: 8080 }],
      [
        { containerPort: 81, hostPort: 8080 },
        { containerPort: 82, hostPort: 8081 },
      ],
    );
    const fixed = applyFix(pod, found(pod, 'HOST_PORT_DUPLICATE')[0]!.fixes[0]!);
    expect(fixed.spec.containers[1]?.ports?.[0]?.hostPort).toBe(8082);
    expect(codes(fixed)).not.toContain('HOST_PORT_DUPLICATE');
  });
});

describe('HOST_NETWORK_PORT_MISMATCH (validatePodHostNetworkDeps)', () => {
  it('rejects an explicit hostPort that differs from containerPort (8080 vs 2600)', () => {
    const pod = makePod({
      hostNetwork: true,
      containers: [container('c', { ports: [{ containerPort: 2600, hostPort: 8080 }] })],
    });
    expect(paths(pod, 'HOST_NETWORK_PORT_MISMATCH')).toEqual(['spec.containers[0].ports[0].hostPort']);
    expect(codes(applyFix(pod, found(pod, 'HOST_NETWORK_PORT_MISMATCH')[0]!.fixes[0]!))).not.toContain(
      'HOST_NETWORK_PORT_MISMATCH',
    );
  });
  it('accepts an omitted hostPort (defaulted to containerPort) and does not check init containers', () => {
    const pod = makePod({
      hostNetwork: true,
      initContainers: [container('i', { ports: [{ containerPort: 1, hostPort: 2 }] })],
      containers: [container('c', { ports: [{ containerPort: 2600 }] })],
    });
    expect(paths(pod, 'HOST_NETWORK_PORT_MISMATCH')).toEqual([]);
  });
});

// Cases transcribed from pkg/api/pod/warnings_test.go (TestWarnings, "podspec_" + name).
describe('Kubernetes port warnings (warnings_test.go)', () => {
  it('"one container, two ports, same protocol, same port, different hostport": no warning', () => {
    expect(
      warnings(
        withPorts([
          { containerPort: 80, protocol: 'TCP', hostPort: 80 },
          { containerPort: 80, protocol: 'TCP', hostPort: 81 },
        ]),
      ),
    ).toEqual([]);
  });
  it('"one container, two ports, different protocols, same port": no warning', () => {
    expect(
      warnings(
        withPorts([
          { containerPort: 80, protocol: 'UDP' },
          { containerPort: 80, protocol: 'TCP' },
        ]),
      ),
    ).toEqual([]);
  });
  it('"duplicate container ports with same port and protocol"', () => {
    expect(
      warnings(
        withPorts([
          { containerPort: 80, protocol: 'UDP' },
          { containerPort: 80, protocol: 'UDP' },
        ]),
      ),
    ).toEqual(['spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]']);
  });
  it('"duplicate container ports with same port, host port, host IP and protocol"', () => {
    const p = { containerPort: 80, hostPort: 80, protocol: 'UDP', hostIP: '10.0.0.1' };
    expect(warnings(withPorts([p, { ...p }]))).toEqual([
      'spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]',
    ]);
  });
  it('"duplicate container ports without one host IP set and two with"', () => {
    const pod = withPorts([
      { containerPort: 80, hostPort: 80, protocol: 'UDP', hostIP: '10.0.0.1' },
      { containerPort: 80, hostPort: 80, protocol: 'UDP' },
      { containerPort: 80, hostPort: 80, protocol: 'UDP', hostIP: '10.0.0.2' },
    ]);
    expect(warnings(pod)).toEqual([
      'spec.containers[0].ports[1]: dangerously ambiguous port definition with spec.containers[0].ports[0]',
      'spec.containers[0].ports[2]: dangerously ambiguous port definition with spec.containers[0].ports[1]',
    ]);
  });
  it('"duplicate container ports without one host IP set and one with" (across containers): ambiguous, plus the runtime clash', () => {
    const pod = withPorts(
      [{ containerPort: 80, hostPort: 80, protocol: 'UDP' }],
      [{ containerPort: 80, hostPort: 80, protocol: 'UDP', hostIP: '10.0.0.1' }],
    );
    expect(warnings(pod)).toEqual([
      'spec.containers[1].ports[0]: dangerously ambiguous port definition with spec.containers[0].ports[0]',
    ]);
    expect(paths(pod, 'POD_PORT_CLASH')).toEqual(['spec.containers[1].ports[0].containerPort']);
  });
  it('"one container port hostIP set without host port set"', () => {
    expect(warnings(withPorts([{ containerPort: 80, protocol: 'UDP', hostIP: '10.0.0.1' }]))).toEqual([
      'spec.containers[0].ports[0]: hostIP set without hostPort (hostIP 10.0.0.1, containerPort 80)',
    ]);
  });
  it('"duplicate containers with same port, hostPort and protocol": Kubernetes warns; here it is a hostPort error and a runtime clash instead', () => {
    const pod = withPorts(
      [{ containerPort: 80, hostPort: 80, protocol: 'UDP' }],
      [{ containerPort: 80, hostPort: 80, protocol: 'UDP' }],
    );
    expect(warnings(pod)).toEqual([]);
    expect(paths(pod, 'HOST_PORT_DUPLICATE')).toEqual(['spec.containers[1].ports[0].hostPort']);
    expect(paths(pod, 'POD_PORT_CLASH')).toEqual(['spec.containers[1].ports[0].containerPort']);
  });
  it('"duplicate containers with one host port set and one without": overlapping between an init container and an app container', () => {
    const pod = makePod({
      initContainers: [
        container('foo', { ports: [{ containerPort: 80, hostPort: 80, protocol: 'UDP', hostIP: '10.0.0.1' }] }),
      ],
      containers: [container('bar', { ports: [{ containerPort: 80, protocol: 'UDP', hostIP: '10.0.0.1' }] })],
    });
    expect(warnings(pod)).toEqual([
      'spec.containers[0].ports[0]: overlapping port definition with spec.initContainers[0].ports[0]',
      'spec.containers[0].ports[0]: hostIP set without hostPort (hostIP 10.0.0.1, containerPort 80)',
    ]);
  });
  it('"create duplicate container ports name in two containers"', () => {
    const pod = withPorts(
      [{ containerPort: 80, protocol: 'UDP', name: 'test' }],
      [{ containerPort: 8090, protocol: 'TCP', name: 'test' }],
    );
    expect(warnings(pod)).toEqual([
      'spec.containers[1].ports[0]: duplicate port name "test" with spec.containers[0].ports[0], services and probes that select ports by name will use spec.containers[0].ports[0]',
    ]);
  });
  it('"create duplicate container ports name in containers and sidecar containers"', () => {
    const pod = makePod({
      initContainers: [
        container('foo1', { restartPolicy: 'Always', ports: [{ containerPort: 80, protocol: 'UDP', name: 'test' }] }),
      ],
      containers: [container('foo', { ports: [{ containerPort: 8090, protocol: 'TCP', name: 'test' }] })],
    });
    expect(warnings(pod)).toEqual([
      'spec.containers[0].ports[0]: duplicate port name "test" with spec.initContainers[0].ports[0], services and probes that select ports by name will use spec.initContainers[0].ports[0]',
    ]);
  });
  it('a plain init container does not take part in the port-name warning', () => {
    const pod = makePod({
      initContainers: [container('init', { ports: [{ containerPort: 80, name: 'test' }] })],
      containers: [container('foo', { ports: [{ containerPort: 8090, name: 'test' }] })],
    });
    expect(warnings(pod)).toEqual([]);
  });
});

describe('POD_PORT_CLASH (shared network namespace)', () => {
  it('reports two app containers on the same port/protocol, explained in namespace terms, with a free-port fix', () => {
    const pod = withPorts([{ containerPort: 80 }], [{ containerPort: 80 }, { containerPort: 81 }]);
    const [d] = found(pod, 'POD_PORT_CLASH');
    expect(d).toMatchObject({
      severity: 'error',
      category: 'runtime',
      path: 'spec.containers[1].ports[0].containerPort',
    });
    expect(d?.explanation).toMatch(/network namespace/);
    expect(d?.explanation).toMatch(/address already in use/);
    // The API server only warns; the error is the run-time bind, and the words say both.
    expect(d?.explanation).toMatch(/accepts the Pod with only a warning/);
    expect(d?.explanation).toMatch(/fails when it runs/);
    // First fix: the later container (the clashing one) moves; second: the earlier one instead.
    expect(d!.fixes.map((f) => f.title)).toEqual([
      'Move c1 to port 82 (its process must listen there too)',
      'Move c0 to port 82 (its process must listen there too)',
    ]);
    const fixed = applyFix(pod, d!.fixes[0]!);
    expect(fixed.spec.containers[1]?.ports?.[0]?.containerPort).toBe(82);
    expect(fixed.spec.containers[0]?.ports?.[0]?.containerPort).toBe(80);
    expect(codes(fixed)).not.toContain('POD_PORT_CLASH');
    const other = applyFix(pod, d!.fixes[1]!);
    expect(other.spec.containers[0]?.ports?.[0]?.containerPort).toBe(82);
    expect(other.spec.containers[1]?.ports?.[0]?.containerPort).toBe(80);
    expect(codes(other)).not.toContain('POD_PORT_CLASH');
  });
  it('includes init sidecars, but not plain init containers, which exit before the app starts', () => {
    const sidecar = makePod({
      initContainers: [container('proxy', { restartPolicy: 'Always', ports: [{ containerPort: 80 }] })],
      containers: [container('app', { ports: [{ containerPort: 80 }] })],
    });
    expect(paths(sidecar, 'POD_PORT_CLASH')).toEqual(['spec.containers[0].ports[0].containerPort']);
    const plain = makePod({
      initContainers: [container('setup', { ports: [{ containerPort: 80 }] })],
      containers: [container('app', { ports: [{ containerPort: 80 }] })],
    });
    expect(paths(plain, 'POD_PORT_CLASH')).toEqual([]);
    expect(paths(plain, 'PORT_DEFINITION_OVERLAP')).toEqual(['spec.containers[0].ports[0]']);
  });
  it('does not clash across protocols, nor within one container', () => {
    expect(
      paths(withPorts([{ containerPort: 53, protocol: 'UDP' }], [{ containerPort: 53 }]), 'POD_PORT_CLASH'),
    ).toEqual([]);
    expect(paths(withPorts([{ containerPort: 80 }, { containerPort: 80 }]), 'POD_PORT_CLASH')).toEqual([]);
  });
});

describe('HOST_PORT_ADVICE', () => {
  it('advises on privileged and commonly taken host ports, including hostNetwork defaults', () => {
    const pod = withPorts([
      { containerPort: 80, hostPort: 80 },
      { containerPort: 81, hostPort: 5432 },
      { containerPort: 82, hostPort: 31080 },
    ]);
    expect(found(pod, 'HOST_PORT_ADVICE').map((d) => d.message)).toEqual([
      'host port 80 may not be available: it is below 1024, so binding it needs root privileges; it is commonly in use by local web servers',
      'host port 5432 may not be available: it is commonly in use by PostgreSQL',
    ]);
    expect(
      paths(
        makePod({ hostNetwork: true, containers: [container('c', { ports: [{ containerPort: 443 }] })] }),
        'HOST_PORT_ADVICE',
      ),
    ).toEqual(['spec.containers[0].ports[0].hostPort']);
  });
});
