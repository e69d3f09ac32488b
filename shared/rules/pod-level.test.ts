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
