import { describe, expect, it } from 'vitest';
import { container, found, makePod, paths } from './testing/pods';

describe('LABEL_INVALID (ValidateLabels)', () => {
  it('accepts qualified keys with a DNS prefix and empty or short values', () => {
    const pod = makePod(
      { containers: [container('c')] },
      { name: 'p', labels: { app: 'web', 'app.kubernetes.io/name': 'web-1.2_x', tier: '' } },
    );
    expect(paths(pod, 'LABEL_INVALID')).toEqual([]);
  });
  it('names the label whose key or value Kubernetes refuses', () => {
    const pod = makePod(
      { containers: [container('c')] },
      { name: 'p', labels: { 'bad key': 'x', ok: '-dash', 'Example.com/x': 'y', long: 'v'.repeat(64), '-k': 'v' } },
    );
    expect(paths(pod, 'LABEL_INVALID')).toEqual([
      'metadata.labels.bad key',
      'metadata.labels.ok',
      'metadata.labels.Example.com/x',
      'metadata.labels.long',
      'metadata.labels.-k',
    ]);
  });
});

describe('SECURITY_CONTEXT_INVALID (ValidateSecurityContext)', () => {
  it('refuses allowPrivilegeEscalation false with privileged or CAP_SYS_ADMIN, pointing at the fields in conflict', () => {
    const pod = makePod({
      containers: [
        container('a', { securityContext: { allowPrivilegeEscalation: false, privileged: true } }),
        container('b', {
          securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } },
        }),
      ],
    });
    const diagnostics = found(pod, 'SECURITY_CONTEXT_INVALID');
    expect(diagnostics.map((d) => d.path)).toEqual([
      'spec.containers[0].securityContext',
      'spec.containers[1].securityContext',
    ]);
    expect(diagnostics[0]!.related).toContain('spec.containers[0].securityContext.privileged');
    expect(diagnostics[1]!.related).toContain('spec.containers[1].securityContext.capabilities.add');
  });
  it('lets each setting alone through', () => {
    const pod = makePod({
      containers: [
        container('a', { securityContext: { privileged: true, allowPrivilegeEscalation: true } }),
        container('b', {
          securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } },
        }),
      ],
    });
    expect(paths(pod, 'SECURITY_CONTEXT_INVALID')).toEqual([]);
  });
});
