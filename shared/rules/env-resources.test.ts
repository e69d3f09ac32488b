import { describe, expect, it } from 'vitest';
import type { EnvVar, ResourceRequirements } from '../model/pod';
import { applyFix } from './fix';
import { codes, container, found, makePod, paths } from './testing/pods';
import { isStrictEnvVarName } from './syntax';

const withEnv = (env: EnvVar[], extra = {}) => makePod({ containers: [container('ctr', { env, ...extra })] });
const withResources = (resources: ResourceRequirements) => makePod({ containers: [container('ctr', { resources })] });

describe('ENV_NAME_INVALID (ValidateEnv, RelaxedEnvironmentVariableValidation on in 1.34)', () => {
  it.each(['ABC', 'a.b.c', 'a-b-c', '1abc', 'ev!1', 'with space', '$HOME'])(
    'accepts %s under the relaxed rule',
    (name) => {
      expect(paths(withEnv([{ name, value: 'x' }]), 'ENV_NAME_INVALID')).toEqual([]);
    },
  );
  it('the strict (pre-1.32) rule would reject "1abc" and "ev!1" but accept "a.b.c"', () => {
    expect([isStrictEnvVarName('1abc'), isStrictEnvVarName('ev!1'), isStrictEnvVarName('a.b.c')]).toEqual([
      false,
      false,
      true,
    ]);
  });
  it.each(['=abc', 'a=b', 'tab\there', 'é'])('rejects %j in both modes', (name) => {
    expect(paths(withEnv([{ name, value: 'x' }]), 'ENV_NAME_INVALID')).toEqual(['spec.containers[0].env[0].name']);
  });
  it('requires the name, and checks envFrom prefixes', () => {
    const pod = withEnv([{ name: '' }], { envFrom: [{ prefix: 'A=', configMapRef: { name: 'cm' } }] });
    expect(paths(pod, 'ENV_NAME_INVALID')).toEqual([
      'spec.containers[0].env[0].name',
      'spec.containers[0].envFrom[0].prefix',
    ]);
  });
});

describe('ENV_VALUE_FROM_INVALID (validateEnvVarValueFrom)', () => {
  it('needs exactly one source and no value beside it', () => {
    const pod = withEnv([
      { name: 'A', valueFrom: {} },
      { name: 'B', valueFrom: { fieldRef: { fieldPath: 'metadata.name' }, secretKeyRef: { name: 's', key: 'k' } } },
      { name: 'C', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ]);
    expect(paths(pod, 'ENV_VALUE_FROM_INVALID')).toEqual([
      'spec.containers[0].env[0].valueFrom',
      'spec.containers[0].env[1].valueFrom',
      'spec.containers[0].env[2].valueFrom',
    ]);
  });
  it('supports the downward-API field paths; "metadata.labels" and "status.phase" are NotSupported', () => {
    const ok = ['metadata.name', 'status.podIP', "metadata.labels['app']", 'spec.nodeName'].map((fieldPath, i) => ({
      name: `V${i}`,
      valueFrom: { fieldRef: { fieldPath } },
    }));
    expect(paths(withEnv(ok), 'ENV_VALUE_FROM_INVALID')).toEqual([]);
    const bad = ['metadata.labels', 'status.phase', 'metadata.whoops'].map((fieldPath, i) => ({
      name: `V${i}`,
      valueFrom: { fieldRef: { fieldPath } },
    }));
    expect(paths(withEnv(bad), 'ENV_VALUE_FROM_INVALID')).toHaveLength(3);
  });
  it('checks configMapKeyRef / secretKeyRef keys', () => {
    const pod = withEnv([
      { name: 'A', valueFrom: { configMapKeyRef: { name: 'cm', key: '..' } } },
      { name: 'B', valueFrom: { secretKeyRef: { name: 's', key: '' } } },
    ]);
    expect(paths(pod, 'ENV_VALUE_FROM_INVALID')).toEqual([
      'spec.containers[0].env[0].valueFrom.configMapKeyRef.key',
      'spec.containers[0].env[1].valueFrom.secretKeyRef.key',
    ]);
  });
});

describe('ENV_FROM_INVALID (ValidateEnvFrom)', () => {
  it('reports zero or two sources on the envFrom list path, and a missing name', () => {
    const pod = withEnv([], {
      envFrom: [
        {},
        { configMapRef: { name: 'a' }, secretRef: { name: 'b' } },
        { secretRef: {} },
        { configMapRef: { name: 'Bad_Name' } },
      ],
    });
    expect(paths(pod, 'ENV_FROM_INVALID')).toEqual([
      'spec.containers[0].envFrom',
      'spec.containers[0].envFrom',
      'spec.containers[0].envFrom[2].secretRef.name',
      'spec.containers[0].envFrom[3].configMapRef.name',
    ]);
  });
});

describe('ENV_DUPLICATE (warnings.go "hides previous definition")', () => {
  it('warns when a later definition replaces an earlier one, but not for X="$(X):more"', () => {
    const pod = withEnv([
      { name: 'A', value: '1' },
      { name: 'A', value: '2' },
      { name: 'PATH', value: '/bin' },
      { name: 'PATH', value: '$(PATH):/extra' },
    ]);
    const [d, ...rest] = found(pod, 'ENV_DUPLICATE');
    expect(rest).toEqual([]);
    expect(`${d?.path}: ${d?.message}`).toBe(
      'spec.containers[0].env[1]: hides previous definition of "A", which may be dropped when using apply',
    );
    expect(codes(applyFix(pod, d!.fixes[0]!))).not.toContain('ENV_DUPLICATE');
  });
});

/** The limits' paths, then the paths of the requests defaulting copies from them. */
const inBoth = (names: string[]) => [
  ...names.map((n) => `spec.containers[0].resources.limits[${n}]`),
  ...names.map((n) => `spec.containers[0].resources.requests[${n}]`),
];

describe('RESOURCE_NAME_INVALID / RESOURCE_QUANTITY_INVALID (validateContainerResourceName, ValidateResourceQuantityValue)', () => {
  it('accepts standard, hugepages and prefixed extended names (example.com/a, my.org/resource)', () => {
    const pod = withResources({
      limits: { cpu: '1', memory: '1Gi', 'ephemeral-storage': '1G', 'example.com/a': '1', 'my.org/resource': '2' },
    });
    expect(codes(pod)).toEqual([]);
  });
  it('rejects "disk" and "invalid-name"', () => {
    // Defaulting copies each limit into the missing request, and the API server reports that copy too.
    expect(paths(withResources({ limits: { disk: '1', 'invalid-name': '1' } }), 'RESOURCE_NAME_INVALID')).toEqual(
      inBoth(['disk', 'invalid-name']),
    );
  });
  it('rejects negative and unparsable quantities, and fractional extended resources ("500m", "2.5")', () => {
    const pod = withResources({
      limits: { cpu: '-1', memory: '1 Gi', 'example.com/a': '500m', 'example.com/b': '2.5' },
    });
    // "1 Gi" does not even decode (a 400 without a path): it is reported once, where it was written.
    expect(paths(pod, 'RESOURCE_QUANTITY_INVALID')).toEqual(
      inBoth(['cpu', 'memory', 'example.com/a', 'example.com/b']).filter(
        (p) => p !== 'spec.containers[0].resources.requests[memory]',
      ),
    );
  });
});

describe('resources the API server accepts (issue 17 false errors)', () => {
  it('accepts names in the kubernetes.io/ namespace: native, overcommittable, any quantity (IsNativeResource)', () => {
    const pod = withResources({
      requests: { 'kubernetes.io/batch': '500m', 'foo.kubernetes.io/gadget': '1' },
      limits: { 'kubernetes.io/batch': '1', 'foo.kubernetes.io/gadget': '2' },
    });
    expect(codes(pod)).toEqual([]);
  });
  it('rejects "requests."-prefixed and other names that are no extended resource (IsExtendedResourceName)', () => {
    const pod = withResources({ limits: { 'requests.example.com/a': '1', 'a/b/c': '1', 'Example.com/a': '1' } });
    expect(paths(pod, 'RESOURCE_NAME_INVALID')).toEqual(inBoth(['requests.example.com/a', 'a/b/c', 'Example.com/a']));
  });
  it('accepts every quantity form: SI and binary suffixes, exponents, milli-units, bare and JSON numbers', () => {
    for (const q of [
      '1',
      '.5',
      '5.',
      '+1',
      '1e3',
      '1E3',
      '1e-3',
      '1e+3',
      '2e10',
      '1k',
      '1M',
      '1G',
      '1T',
      '1P',
      '1E',
      '1Ki',
      '1.5Gi',
      '8Ei',
      '500m',
      '0.1m',
      '100n',
      '1u',
      'e3',
      ' 1',
      1,
      0.5,
      2048,
    ])
      expect(
        codes(withResources({ requests: { cpu: q, memory: q, 'ephemeral-storage': q } })),
        String(q),
      ).not.toContain('RESOURCE_QUANTITY_INVALID');
  });
  it('rounds amounts up to thousandths before comparing (SetDefaults_ResourceList): 100n request = 1m limit', () => {
    expect(codes(withResources({ requests: { cpu: '100n' }, limits: { cpu: '1m' } }))).toEqual([]);
    expect(
      paths(
        withResources({ requests: { 'example.com/a': '1' }, limits: { 'example.com/a': '1000000001n' } }),
        'RESOURCE_QUANTITY_INVALID',
      ),
    ).toEqual(['spec.containers[0].resources.limits[example.com/a]']);
  });
  it('hugepages must be a whole multiple of a valid page size ("is not positive integer multiple of")', () => {
    const pod = withResources({
      limits: { memory: '1Gi', 'hugepages-2Mi': '3Mi', 'hugepages-abc': '1' },
      requests: { memory: '1Gi', 'hugepages-2Mi': '3Mi', 'hugepages-abc': '1' },
    });
    expect(paths(pod, 'RESOURCE_QUANTITY_INVALID')).toEqual([
      'spec.containers[0].resources.limits[hugepages-2Mi]',
      'spec.containers[0].resources.limits[hugepages-abc]',
      'spec.containers[0].resources.requests[hugepages-2Mi]',
      'spec.containers[0].resources.requests[hugepages-abc]',
    ]);
    expect(codes(withResources({ limits: { memory: '1Gi', 'hugepages-2Mi': '4Mi' } }))).toEqual([]);
  });
});

describe('RESOURCE_REQUEST_EXCEEDS_LIMIT (validateResourceRequirements)', () => {
  it('reports request > limit on resources.requests, with no key ("must be less than or equal to cpu limit of 5")', () => {
    const pod = withResources({ requests: { cpu: '10' }, limits: { cpu: '5' } });
    const [d] = found(pod, 'RESOURCE_REQUEST_EXCEEDS_LIMIT');
    expect(d?.path).toBe('spec.containers[0].resources.requests');
    expect(d?.message).toMatch(/must be less than or equal to cpu limit of 5/);
    expect(codes(applyFix(pod, d!.fixes[0]!))).toEqual([]);
  });
  it('compares across units (1Gi request vs 1000Mi limit)', () => {
    expect(
      paths(
        withResources({ requests: { memory: '1Gi' }, limits: { memory: '1000Mi' } }),
        'RESOURCE_REQUEST_EXCEEDS_LIMIT',
      ),
    ).toHaveLength(1);
    expect(
      paths(
        withResources({ requests: { memory: '1000Mi' }, limits: { memory: '1Gi' } }),
        'RESOURCE_REQUEST_EXCEEDS_LIMIT',
      ),
    ).toEqual([]);
  });
  it('limits only are fine: requests default to limits (SetDefaults_Pod)', () => {
    expect(codes(withResources({ limits: { cpu: '1', 'example.com/a': '1' } }))).toEqual([]);
  });
  it('needs request == limit for extended resources ("must be equal to example.com/a limit of 1"), and a limit for a request', () => {
    expect(
      found(
        withResources({ requests: { 'example.com/a': '2' }, limits: { 'example.com/a': '1' } }),
        'RESOURCE_REQUEST_EXCEEDS_LIMIT',
      )[0]?.message,
    ).toMatch(/must be equal to example.com\/a limit of 1/);
    expect(paths(withResources({ requests: { 'example.com/a': '1' } }), 'RESOURCE_REQUEST_EXCEEDS_LIMIT')).toEqual([
      'spec.containers[0].resources.limits',
    ]);
  });
  it('forbids hugepages without cpu or memory ("HugePages require cpu or memory")', () => {
    expect(paths(withResources({ limits: { 'hugepages-2Mi': '2Mi' } }), 'RESOURCE_REQUEST_EXCEEDS_LIMIT')).toEqual([
      'spec.containers[0].resources',
    ]);
    expect(
      paths(withResources({ limits: { 'hugepages-2Mi': '2Mi', memory: '1Gi' } }), 'RESOURCE_REQUEST_EXCEEDS_LIMIT'),
    ).toEqual([]);
  });
});

describe('RESOURCE_FRACTIONAL_BYTES (warnings.go)', () => {
  it('warns about memory: 128m (0.128 bytes)', () => {
    const d = found(withResources({ limits: { memory: '128m' } }), 'RESOURCE_FRACTIONAL_BYTES').map(
      (x) => `${x.path}: ${x.message}`,
    );
    // As upstream: the request that defaulting copied from the limit is warned about too.
    expect(d).toEqual([
      'spec.containers[0].resources.limits[memory]: fractional byte value "128m" is invalid, must be an integer',
      'spec.containers[0].resources.requests[memory]: fractional byte value "128m" is invalid, must be an integer',
    ]);
    expect(found(withResources({ requests: { memory: '1500m' } }), 'RESOURCE_FRACTIONAL_BYTES')).toHaveLength(1);
    expect(found(withResources({ limits: { memory: '2000m' } }), 'RESOURCE_FRACTIONAL_BYTES')).toHaveLength(0);
  });
});
