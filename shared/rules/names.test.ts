import { describe, expect, it } from 'vitest';
import { applyFix } from './fix';
import { codes, container, found, makePod, paths } from './testing/pods';
import { acceptedByKubernetes, validatePod } from './validate';

describe('POD_NAME_INVALID (ValidateObjectMeta / NameIsDNSSubdomain)', () => {
  it('accepts DNS subdomains, dotted and all-digit names (TestValidatePod: "abc.123.do-re-mi", "123")', () => {
    expect(paths(makePod({}, { name: 'abc.123.do-re-mi' }), 'POD_NAME_INVALID')).toEqual([]);
    expect(paths(makePod({}, { name: '123' }), 'POD_NAME_INVALID')).toEqual([]);
  });
  it('rejects upper case, underscores and names over 253 characters', () => {
    expect(paths(makePod({}, { name: 'Web_Server' }), 'POD_NAME_INVALID')).toEqual(['metadata.name']);
    expect(paths(makePod({}, { name: 'a'.repeat(254) }), 'POD_NAME_INVALID')).toEqual(['metadata.name']);
  });
  it('requires name or generateName, and offers a name', () => {
    const pod = makePod({}, { name: undefined });
    const [d] = found(pod, 'POD_NAME_INVALID');
    expect(d?.message).toMatch(/name or generateName is required/);
    expect(codes(applyFix(pod, d!.fixes[0]!))).not.toContain('POD_NAME_INVALID');
    expect(paths(makePod({}, { name: undefined, generateName: 'web-' }), 'POD_NAME_INVALID')).toEqual([]);
  });
  it('suggests a valid name as a fix', () => {
    const pod = makePod({}, { name: 'My_Pod' });
    const fixed = applyFix(pod, found(pod, 'POD_NAME_INVALID')[0]!.fixes[0]!);
    expect(fixed.metadata.name).toBe('my-pod');
    expect(pod.metadata.name).toBe('My_Pod');
  });
  it('checks the namespace as a DNS label', () => {
    expect(paths(makePod({}, { namespace: 'a.b' }), 'POD_NAME_INVALID')).toEqual(['metadata.namespace']);
  });
});

describe('CONTAINER_NAME_INVALID (validateContainerCommon → ValidateDNS1123Label)', () => {
  it('accepts labels, including all digits ("123")', () => {
    expect(paths(makePod({ containers: [container('123'), container('abc-123')] }), 'CONTAINER_NAME_INVALID')).toEqual(
      [],
    );
  });
  it('requires a name (hack/testdata/invalid-pod.yaml)', () => {
    expect(paths(makePod({ containers: [{ image: 'x' } as never] }), 'CONTAINER_NAME_INVALID')).toEqual([
      'spec.containers[0].name',
    ]);
  });
  it('says "must not contain dots" for a dotted name, and rejects > 63 characters', () => {
    const [d] = found(makePod({ containers: [container('a.b')] }), 'CONTAINER_NAME_INVALID');
    expect(d?.message).toMatch(/must not contain dots/);
    expect(paths(makePod({ initContainers: [container('a'.repeat(64))] }), 'CONTAINER_NAME_INVALID')).toEqual([
      'spec.initContainers[0].name',
    ]);
  });
});

describe('CONTAINER_NAME_DUPLICATE (validateContainers / validateInitContainers)', () => {
  it('reports the second regular container', () => {
    const pod = makePod({ containers: [container('a'), container('a')] });
    expect(paths(pod, 'CONTAINER_NAME_DUPLICATE')).toEqual(['spec.containers[1].name']);
  });
  it('reports an init container that repeats a regular container name (the set is seeded with regular names)', () => {
    const pod = makePod({ initContainers: [container('ctr')], containers: [container('ctr')] });
    expect(paths(pod, 'CONTAINER_NAME_DUPLICATE')).toEqual(['spec.initContainers[0].name']);
  });
  it('renames with a fix that removes the problem', () => {
    const pod = makePod({ containers: [container('a'), container('a'), container('a-2')] });
    const d = found(pod, 'CONTAINER_NAME_DUPLICATE')[0]!;
    const fixed = applyFix(pod, d.fixes[0]!);
    expect(fixed.spec.containers.map((c) => c.name)).toEqual(['a', 'a-3', 'a-2']);
    expect(codes(fixed)).not.toContain('CONTAINER_NAME_DUPLICATE');
  });
});

describe('CONTAINER_IMAGE_REQUIRED (validateContainerCommon / validateContainerOnlyForPod)', () => {
  it('requires an image on containers and init containers', () => {
    const pod = makePod({ containers: [{ name: 'a' }], initContainers: [{ name: 'i', image: '' }] });
    expect(paths(pod, 'CONTAINER_IMAGE_REQUIRED')).toEqual([
      'spec.initContainers[0].image',
      'spec.containers[0].image',
    ]);
  });
  it('rejects leading or trailing whitespace for Pods (" " and " something ")', () => {
    const pod = makePod({ containers: [container('a', { image: ' ' }), container('b', { image: ' something ' })] });
    expect(paths(pod, 'CONTAINER_IMAGE_REQUIRED')).toEqual(['spec.containers[0].image', 'spec.containers[1].image']);
    const fixed = applyFix(pod, found(pod, 'CONTAINER_IMAGE_REQUIRED')[1]!.fixes[0]!);
    expect(fixed.spec.containers[1]?.image).toBe('something');
  });
});

describe('POD_CONTAINERS_REQUIRED', () => {
  it('requires at least one regular container, and the fix adds one', () => {
    const pod = makePod({ containers: [], initContainers: [container('i')] });
    const [d] = found(pod, 'POD_CONTAINERS_REQUIRED');
    expect(d?.path).toBe('spec.containers');
    expect(codes(applyFix(pod, d!.fixes[0]!))).not.toContain('POD_CONTAINERS_REQUIRED');
  });
});

describe('CONTAINER_RESTART_POLICY_IGNORED and INIT_CONTAINER_HOOKS_FORBIDDEN (validateInitContainers)', () => {
  // 1.34: ContainerRestartRules is alpha and off, so dropContainerRestartRules removes these before validation.
  it('warns that restartPolicy on an app container is dropped, and accepts the Pod', () => {
    const pod = makePod({ containers: [container('a', { restartPolicy: 'Never' })] });
    const d = found(pod, 'CONTAINER_RESTART_POLICY_IGNORED')[0];
    expect(d).toMatchObject({ severity: 'warning', path: 'spec.containers[0].restartPolicy' });
    expect(acceptedByKubernetes(validatePod(pod))).toBe(true);
    expect(
      acceptedByKubernetes(validatePod(makePod({ containers: [container('a', { restartPolicy: 'always' })] }))),
    ).toBe(true);
  });
  it('keeps only Always on init containers; anything else is dropped and the container is a plain init container', () => {
    const never = makePod({
      initContainers: [container('i', { restartPolicy: 'Never', readinessProbe: { exec: { command: ['true'] } } })],
    });
    expect(paths(never, 'CONTAINER_RESTART_POLICY_IGNORED')).toEqual(['spec.initContainers[0].restartPolicy']);
    // Dropped, so no sidecar: the probe is forbidden as on any init container.
    expect(paths(never, 'INIT_CONTAINER_HOOKS_FORBIDDEN')).toEqual(['spec.initContainers[0].readinessProbe']);
    expect(
      paths(
        makePod({ initContainers: [container('i', { restartPolicy: 'Always' })] }),
        'CONTAINER_RESTART_POLICY_IGNORED',
      ),
    ).toEqual([]);
  });
  it('a lifecycle holding only stopSignal (ContainerStopSignals off) is dropped, so an init container may have it', () => {
    const pod = makePod({ initContainers: [container('i', { lifecycle: { stopSignal: 'SIGUSR1' } })] });
    expect(codes(pod)).toEqual([]);
  });
  it('forbids probes and lifecycle on a plain init container but allows them on a sidecar', () => {
    const probe = { exec: { command: ['true'] } };
    const plain = makePod({
      initContainers: [container('i', { readinessProbe: probe, lifecycle: { preStop: probe } })],
    });
    expect(paths(plain, 'INIT_CONTAINER_HOOKS_FORBIDDEN')).toEqual([
      'spec.initContainers[0].lifecycle',
      'spec.initContainers[0].readinessProbe',
    ]);
    const sidecar = makePod({ initContainers: [container('i', { restartPolicy: 'Always', readinessProbe: probe })] });
    expect(paths(sidecar, 'INIT_CONTAINER_HOOKS_FORBIDDEN')).toEqual([]);
    const fixed = applyFix(plain, found(plain, 'INIT_CONTAINER_HOOKS_FORBIDDEN')[0]!.fixes[1]!);
    expect(codes(fixed)).not.toContain('INIT_CONTAINER_HOOKS_FORBIDDEN');
  });
});

describe('CONTAINER_FIELD_INVALID and EPHEMERAL_CONTAINERS_FORBIDDEN', () => {
  it('checks imagePullPolicy and terminationMessagePolicy values, case-sensitively', () => {
    const pod = makePod({
      containers: [container('a', { imagePullPolicy: 'always', terminationMessagePolicy: 'Nope' })],
    });
    expect(paths(pod, 'CONTAINER_FIELD_INVALID')).toEqual([
      'spec.containers[0].imagePullPolicy',
      'spec.containers[0].terminationMessagePolicy',
    ]);
    expect(found(pod, 'CONTAINER_FIELD_INVALID')[0]?.fixes[0]?.title).toBe('Use "Always"');
  });
  it('forbids ephemeral containers on create (ValidatePodCreate)', () => {
    expect(paths(makePod({ ephemeralContainers: [container('debug')] }), 'EPHEMERAL_CONTAINERS_FORBIDDEN')).toEqual([
      'spec.ephemeralContainers',
    ]);
  });
});
