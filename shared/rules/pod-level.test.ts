import { describe, expect, it } from 'vitest';
import { applyFix } from './fix';
import { codes, container, found, makePod, paths } from './testing/pods';

describe('PROBE_INVALID (validateProbe / validateHandler)', () => {
  it('needs exactly one handler', () => {
    const pod = makePod({
      containers: [
        container('c', { livenessProbe: {}, readinessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } }),
      ],
    });
    expect(paths(pod, 'PROBE_INVALID')).toEqual([
      'spec.containers[0].livenessProbe',
      'spec.containers[0].readinessProbe.tcpSocket',
    ]);
  });
  it('checks exec command, ports (number or IANA name) and negative timings', () => {
    const pod = makePod({
      containers: [
        container('c', {
          livenessProbe: { exec: { command: [] }, periodSeconds: -1 },
          readinessProbe: { httpGet: { port: 'HTTP' } },
          startupProbe: { tcpSocket: { port: 70000 } },
        }),
      ],
    });
    expect(paths(pod, 'PROBE_INVALID')).toEqual([
      'spec.containers[0].livenessProbe.exec.command',
      'spec.containers[0].livenessProbe.periodSeconds',
      'spec.containers[0].readinessProbe.httpGet.port',
      'spec.containers[0].startupProbe.tcpSocket.port',
    ]);
  });
  it('accepts a named port that no container declares (only the syntax is checked)', () => {
    expect(
      paths(
        makePod({ containers: [container('c', { readinessProbe: { httpGet: { port: 'metrics' } } })] }),
        'PROBE_INVALID',
      ),
    ).toEqual([]);
  });
  it('liveness and startup need successThreshold 1; readiness may not set terminationGracePeriodSeconds', () => {
    const pod = makePod({
      containers: [
        container('c', {
          livenessProbe: { exec: { command: ['x'] }, successThreshold: 2 },
          readinessProbe: { exec: { command: ['x'] }, successThreshold: 2, terminationGracePeriodSeconds: 10 },
          startupProbe: { exec: { command: ['x'] }, terminationGracePeriodSeconds: 0 },
        }),
      ],
    });
    expect(paths(pod, 'PROBE_INVALID')).toEqual([
      'spec.containers[0].livenessProbe.successThreshold',
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds',
      'spec.containers[0].startupProbe.terminationGracePeriodSeconds',
    ]);
  });
});

describe('LIFECYCLE_HANDLER_INVALID', () => {
  it('needs exactly one handler; sleep is a lifecycle handler but not a probe handler', () => {
    const pod = makePod({
      containers: [container('c', { lifecycle: { preStop: { sleep: { seconds: 5 } }, postStart: {} } })],
    });
    expect(paths(pod, 'LIFECYCLE_HANDLER_INVALID')).toEqual(['spec.containers[0].lifecycle.postStart']);
  });
});

describe('POD_RESTART_POLICY_INVALID / POD_DNS_POLICY_INVALID / POD_FIELD_INVALID', () => {
  it('restartPolicy is Always, OnFailure or Never; empty defaults to Always', () => {
    expect(paths(makePod({ restartPolicy: 'Sometimes' }), 'POD_RESTART_POLICY_INVALID')).toEqual([
      'spec.restartPolicy',
    ]);
    expect(codes(makePod({ restartPolicy: '' }))).toEqual([]);
    const pod = makePod({ restartPolicy: 'never' });
    expect(applyFix(pod, found(pod, 'POD_RESTART_POLICY_INVALID')[0]!.fixes[0]!).spec.restartPolicy).toBe('Never');
  });
  it('dnsPolicy None requires dnsConfig, then a nameserver (validatePodDNSConfig)', () => {
    expect(paths(makePod({ dnsPolicy: 'None' }), 'POD_DNS_POLICY_INVALID')).toEqual(['spec.dnsConfig']);
    expect(paths(makePod({ dnsPolicy: 'None', dnsConfig: {} }), 'POD_DNS_POLICY_INVALID')).toEqual([
      'spec.dnsConfig.nameservers',
    ]);
    expect(
      paths(makePod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'] } }), 'POD_DNS_POLICY_INVALID'),
    ).toEqual([]);
    expect(paths(makePod({ dnsPolicy: 'Cluster' }), 'POD_DNS_POLICY_INVALID')).toEqual(['spec.dnsPolicy']);
  });
  it('checks hostname, nodeName ("invalidName"), runtimeClassName ("invalid/sandbox"), activeDeadlineSeconds and negative IDs', () => {
    const pod = makePod({
      hostname: 'a.b',
      nodeName: 'invalidName',
      runtimeClassName: 'invalid/sandbox',
      activeDeadlineSeconds: 0,
      securityContext: { runAsUser: -1, supplementalGroups: [1, -2], fsGroupChangePolicy: 'Sometimes' },
    });
    expect(paths(pod, 'POD_FIELD_INVALID')).toEqual([
      'spec.hostname',
      'spec.nodeName',
      'spec.runtimeClassName',
      'spec.activeDeadlineSeconds',
      'spec.securityContext.runAsUser',
      'spec.securityContext.supplementalGroups[1]',
      'spec.securityContext.fsGroupChangePolicy',
    ]);
  });
});

describe('namespace switches (validatePodSpecSecurityContext, validateHostUsers)', () => {
  it('rejects shareProcessNamespace with hostPID on the internal path spec.securityContext.shareProcessNamespace', () => {
    const pod = makePod({ shareProcessNamespace: true, hostPID: true });
    const [d] = found(pod, 'HOST_PID_WITH_SHARED_PROCESS_NAMESPACE');
    expect(d?.path).toBe('spec.securityContext.shareProcessNamespace');
    expect(codes(applyFix(pod, d!.fixes[0]!))).not.toContain('HOST_PID_WITH_SHARED_PROCESS_NAMESPACE');
  });
  it('accepts each switch alone and hostNetwork with hostIPC (only advice)', () => {
    for (const spec of [
      { hostNetwork: true },
      { hostPID: true },
      { hostIPC: true },
      { shareProcessNamespace: true },
      { hostNetwork: true, hostIPC: true },
    ]) {
      expect(codes(makePod(spec)).filter((c) => c !== 'HOST_NAMESPACE_SHARED')).toEqual([]);
    }
    expect(paths(makePod({ hostNetwork: true, hostIPC: true }), 'HOST_NAMESPACE_SHARED')).toEqual([
      'spec.hostNetwork',
      'spec.hostIPC',
    ]);
  });
  it('hostUsers: false forbids host namespaces, on the quirky upstream paths', () => {
    const pod = makePod({ hostUsers: false, hostNetwork: true, hostPID: true, hostIPC: true });
    expect(paths(pod, 'HOST_USERS_HOST_NAMESPACE')).toEqual(['spec.hostNetwork', 'spec.HostPID', 'spec.HostIPC']);
  });
  it('warns about a negative grace period (warnings_test "terminationGracePeriodSeconds is negative")', () => {
    expect(
      found(makePod({ terminationGracePeriodSeconds: -1 }), 'TERMINATION_GRACE_NEGATIVE').map(
        (d) => `${d.path}: ${d.message}`,
      ),
    ).toEqual([
      'spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1',
    ]);
  });
});

describe('NAMESPACE_PARTIAL_SHARE (canvas namespaces vs the Pod model)', () => {
  const pod = makePod({ containers: [container('a'), container('b'), container('c')] });
  it('reports a PID namespace joined by two of three containers, with all-or-none fixes', () => {
    const [d] = found(pod, 'NAMESPACE_PARTIAL_SHARE', { namespaces: { pid: ['a', 'b'] } });
    expect(d?.message).toMatch(/joined by a, b but not c/);
    expect(d?.explanation).toMatch(/all or none|shares it with all/);
    const fixed = applyFix(pod, d!.fixes[0]!);
    expect(fixed.spec.shareProcessNamespace).toBe(true);
  });
  it('reports network/IPC/UTS drawn for only some containers, since every container joins them', () => {
    expect(found(pod, 'NAMESPACE_PARTIAL_SHARE', { namespaces: { network: ['a'] } })[0]?.message).toMatch(
      /every container of a Pod joins it \(b, c too\)/,
    );
  });
  it('stays quiet when all or none are joined', () => {
    expect(
      found(pod, 'NAMESPACE_PARTIAL_SHARE', { namespaces: { pid: ['a', 'b', 'c'], network: ['a', 'b', 'c'] } }),
    ).toEqual([]);
    expect(found(pod, 'NAMESPACE_PARTIAL_SHARE', { namespaces: { pid: [] } })).toEqual([]);
  });
});

describe('LIFECYCLE_HANDLER_INVALID: sleep (TestValidateSleepAction)', () => {
  const sleep = (seconds: number, terminationGracePeriodSeconds?: number) =>
    paths(
      makePod({
        ...(terminationGracePeriodSeconds !== undefined && { terminationGracePeriodSeconds }),
        containers: [container('c', { lifecycle: { preStop: { sleep: { seconds } } } })],
      }),
      'LIFECYCLE_HANDLER_INVALID',
    );
  it('"valid setting", "sleep duration of zero with zero value feature gate enabled" (GA in 1.34)', () => {
    expect(sleep(5)).toEqual([]);
    expect(sleep(0)).toEqual([]);
    expect(sleep(30)).toEqual([]);
  });
  it('"negative seconds", "longer than gracePeriod", "zero grace period duration with zero value enabled"', () => {
    expect(sleep(-1)).toEqual(['spec.containers[0].lifecycle.preStop.sleep']);
    expect(sleep(31)).toEqual(['spec.containers[0].lifecycle.preStop.sleep']);
    expect(sleep(1, 0)).toEqual(['spec.containers[0].lifecycle.preStop.sleep']);
  });
  it('a negative grace period counts as 1 (converting a Pod forces it), so a sleep of 1 fits', () => {
    expect(sleep(1, -5)).toEqual([]);
    expect(sleep(2, -5)).toEqual(['spec.containers[0].lifecycle.preStop.sleep']);
  });
});

describe('PROBE_INVALID / LIFECYCLE_HANDLER_INVALID: handlers (TestValidateHandler, TestValidateProbe)', () => {
  it('a port is a number or an IANA name; a string of digits is neither', () => {
    const pod = makePod({
      containers: [
        container('c', {
          livenessProbe: { tcpSocket: { port: '8080' } },
          readinessProbe: { httpGet: { port: 'http', httpHeaders: [{ name: 'Bad Header', value: 'x' }] } },
          startupProbe: { grpc: { port: 65536 } },
          lifecycle: { postStart: { tcpSocket: { port: 80 } } },
        }),
      ],
    });
    expect(paths(pod, 'PROBE_INVALID')).toEqual([
      'spec.containers[0].livenessProbe.tcpSocket.port',
      'spec.containers[0].readinessProbe.httpGet.httpHeaders',
      'spec.containers[0].startupProbe.grpc.port',
    ]);
    expect(paths(pod, 'LIFECYCLE_HANDLER_INVALID')).toEqual([]);
  });
  it('checks the first handler and refuses each later one', () => {
    const pod = makePod({
      containers: [container('c', { lifecycle: { preStop: { sleep: { seconds: -1 }, exec: { command: [] } } } })],
    });
    expect(paths(pod, 'LIFECYCLE_HANDLER_INVALID')).toEqual([
      'spec.containers[0].lifecycle.preStop.sleep',
      'spec.containers[0].lifecycle.preStop.exec.command',
    ]);
  });
  it('a plain init container gets only "may not be set": what is inside its probes and hooks goes unchecked', () => {
    const pod = makePod({
      initContainers: [container('i', { readinessProbe: { tcpSocket: { port: 0 } }, lifecycle: { postStart: {} } })],
    });
    expect(paths(pod, 'PROBE_INVALID')).toEqual([]);
    expect(paths(pod, 'LIFECYCLE_HANDLER_INVALID')).toEqual([]);
    expect(paths(pod, 'INIT_CONTAINER_HOOKS_FORBIDDEN')).toEqual([
      'spec.initContainers[0].lifecycle',
      'spec.initContainers[0].readinessProbe',
    ]);
  });
});

describe('POD_RESOURCES_INVALID (TestValidatePodResources, TestValidatePodResourceConsistency)', () => {
  const base = { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } };
  const pod = (resources: Record<string, unknown>, containerResources: Record<string, unknown> = base, extra = {}) =>
    paths(
      makePod({ resources, containers: [container('c', { resources: containerResources })], ...extra }),
      'POD_RESOURCES_INVALID',
    );
  it('"aggregate container requests less than pod requests", "... equal to pod requests", "aggregate container limits equal to pod limits"', () => {
    expect(pod({ requests: { cpu: '2', memory: '2Gi' } })).toEqual([]);
    expect(pod({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } })).toEqual([]);
  });
  it('"aggregate container requests greater than pod requests", "individual container limits greater than pod limits"', () => {
    expect(pod({ requests: { cpu: '500m' } })).toEqual(['spec.resources.requests[cpu]']);
    // With a Pod limit and no Pod request, the request defaults to the containers' (1) and then fits.
    expect(pod({ limits: { cpu: '1' } })).toEqual(['spec.resources.containers[0][cpu].limits']);
  });
  it('"supported os"/"unsupported os", "unsupported resource claims at pod level resources", unsupported names', () => {
    expect(pod({ limits: { cpu: '4' } }, base, { os: { name: 'windows' } })).toEqual([]);
    expect(paths(makePod({ os: { name: 'windows' }, resources: { limits: { cpu: '4' } } }), 'POD_OS_INVALID')).toEqual([
      'spec.resources',
    ]);
    expect(pod({ limits: { cpu: '4' }, claims: [{ name: 'gpu' }] })).toEqual(['spec.resources.claims']);
    expect(pod({ limits: { cpu: '4', 'example.com/gpu': '1' } })).toEqual(['spec.resources.limits[example.com/gpu]']);
  });
});

describe('RESOURCE_CLAIM_INVALID (TestValidateDynamicResourceAllocation)', () => {
  it('claims are used by names the Pod lists in spec.resourceClaims', () => {
    const pod = makePod({
      resourceClaims: [{ name: 'gpu', resourceClaimName: 'my-gpu' }, { name: 'bad' }],
      containers: [container('c', { resources: { claims: [{ name: 'gpu' }, { name: 'gpu' }, { name: 'tpu' }, {}] } })],
    });
    expect(paths(pod, 'RESOURCE_CLAIM_INVALID')).toEqual([
      'spec.resourceClaims[1]',
      'spec.containers[0].resources.claims[1]',
      'spec.containers[0].resources.claims[2]',
      'spec.containers[0].resources.claims[3]',
    ]);
  });
});
