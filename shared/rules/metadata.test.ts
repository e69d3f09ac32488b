// Labels, annotations and nodeSelector as ValidateObjectMeta / ValidatePodSpecificAnnotations check them (issue 17);
// case names in quotes are upstream's (validation_test.go TestValidatePod and friends).
import { describe, expect, it } from 'vitest';
import { container, found, makePod, paths } from './testing/pods';
import { acceptedByKubernetes, validatePod } from './validate';

const a = (n: number) => 'a'.repeat(n);
const subdomain = (n: number) => [a(63), a(63), a(63), a(n - 192)].join('.');
const withLabels = (labels: Record<string, string>) => makePod({}, { labels });
const withAnnotations = (annotations: Record<string, string>, spec = {}) => makePod(spec, { annotations });

describe('LABEL_INVALID (ValidateLabels: IsQualifiedName, IsValidLabelValue)', () => {
  it('accepts prefixed keys up to a 253-character prefix and a 63-character name, and label values up to 63', () => {
    const labels = {
      app: 'web',
      'example.com/Name_1.x': '',
      [`${subdomain(253)}/${a(63)}`]: a(63),
      'app.kubernetes.io/part-of': 'A-b_c.9',
    };
    expect(paths(withLabels(labels), 'LABEL_INVALID')).toEqual([]);
  });
  it('"bad label": refuses long, empty and malformed prefixes and names, with the reason first found', () => {
    const messages = found(
      withLabels({
        [`${subdomain(254)}/a`]: 'x',
        '/a': 'x',
        'Example.com/a': 'x',
        'a/b/c': 'x',
        [a(64)]: 'x',
        'example.com/': 'x',
        '-a': 'x',
      }),
      'LABEL_INVALID',
    ).map((d) => d.message.replace(/^Invalid value: "[^"]*": /, ''));
    expect(messages).toEqual([
      'prefix part must be no more than 253 characters',
      'prefix part must be non-empty',
      expect.stringMatching(/^prefix part a lowercase RFC 1123 subdomain/),
      expect.stringMatching(/^a qualified name must consist of/),
      'name part must be no more than 63 characters',
      'name part must be non-empty',
      expect.stringMatching(/^name part must consist of/),
    ]);
  });
  it('refuses label values over 63 characters or not alphanumeric at both ends', () => {
    expect(paths(withLabels({ a: a(64), b: '-x', c: 'x y' }), 'LABEL_INVALID')).toEqual([
      'metadata.labels.a',
      'metadata.labels.b',
      'metadata.labels.c',
    ]);
  });
});

describe('ANNOTATION_INVALID (ValidateAnnotations / ValidatePodSpecificAnnotations)', () => {
  it('annotation keys are qualified names with case ignored; the API server reports the map', () => {
    expect(paths(withAnnotations({ 'Example.COM/Owner': 'x', A_B: 'y' }), 'ANNOTATION_INVALID')).toEqual([]);
    expect(paths(withAnnotations({ 'a/b/c': 'x', '-a': 'y' }), 'ANNOTATION_INVALID')).toEqual([
      'metadata.annotations',
      'metadata.annotations',
    ]);
  });
  it('all keys and values together may not pass 256 KiB (TotalAnnotationSizeLimitB), counted in UTF-8 bytes', () => {
    expect(paths(withAnnotations({ big: 'x'.repeat(262144 - 3) }), 'ANNOTATION_INVALID')).toEqual([]);
    expect(found(withAnnotations({ big: 'x'.repeat(262144 - 2) }), 'ANNOTATION_INVALID')[0]?.message).toBe(
      'Too long: may not be more than 262144 bytes',
    );
    // Three bytes each in UTF-8: 87382 × 3 + 3 > 262144.
    expect(paths(withAnnotations({ big: '界'.repeat(87382) }), 'ANNOTATION_INVALID')).toEqual(['metadata.annotations']);
  });
  it('"invalid pod-deletion-cost", "invalid leading zeros pod-deletion-cost", "invalid leading plus sign pod-deletion-cost"', () => {
    const key = 'controller.kubernetes.io/pod-deletion-cost';
    for (const bad of ['text', '008', '+10', '2147483648', ''])
      expect(paths(withAnnotations({ [key]: bad }), 'ANNOTATION_INVALID'), bad).toEqual([
        `metadata.annotations[${key}]`,
      ]);
    for (const good of ['10', '-5', '0', '-2147483648', '2147483647'])
      expect(paths(withAnnotations({ [key]: good }), 'ANNOTATION_INVALID'), good).toEqual([]);
  });
  it('"mirror-pod present without nodeName", "mirror-pod populated without nodeName"', () => {
    const mirror = 'kubernetes.io/config.mirror';
    expect(paths(withAnnotations({ [mirror]: '' }), 'ANNOTATION_INVALID')).toEqual([`metadata.annotations[${mirror}]`]);
    expect(paths(withAnnotations({ [mirror]: 'foo' }), 'ANNOTATION_INVALID')).toEqual([
      `metadata.annotations[${mirror}]`,
    ]);
    expect(paths(withAnnotations({ [mirror]: 'foo' }, { nodeName: 'node-1' }), 'ANNOTATION_INVALID')).toEqual([]);
  });
  it('"must be a valid pod seccomp profile", "must be a relative path in a node-local seccomp profile annotation", "must not start with \'../\'"', () => {
    const pod = 'seccomp.security.alpha.kubernetes.io/pod';
    expect(paths(withAnnotations({ [pod]: 'foo' }), 'ANNOTATION_INVALID')).toEqual([`metadata.annotations.${pod}`]);
    expect(found(withAnnotations({ [pod]: 'localhost//foo' }), 'ANNOTATION_INVALID')[0]?.message).toMatch(
      /relative path/,
    );
    expect(found(withAnnotations({ [pod]: 'localhost/../foo' }), 'ANNOTATION_INVALID')[0]?.message).toMatch(/'\.\.'/);
    for (const good of ['runtime/default', 'docker/default', 'unconfined', 'localhost/profile.json'])
      expect(paths(withAnnotations({ [pod]: good }), 'ANNOTATION_INVALID'), good).toEqual([]);
  });
  it('"must be a non-empty container name in seccomp annotation": the key itself is then no qualified name', () => {
    expect(
      paths(withAnnotations({ 'container.seccomp.security.alpha.kubernetes.io/': 'foo' }), 'ANNOTATION_INVALID'),
    ).toEqual(['metadata.annotations', 'metadata.annotations.container.seccomp.security.alpha.kubernetes.io/']);
  });
  it('"AppArmor profile must apply to a container", "AppArmor profile format must be valid", "only default AppArmor profile may start with runtime/"', () => {
    const key = (c: string) => `container.apparmor.security.beta.kubernetes.io/${c}`;
    const pod = makePod(
      { initContainers: [container('init-ctr')] },
      {
        annotations: {
          [key('ctr')]: 'runtime/default',
          [key('init-ctr')]: 'runtime/default',
          [key('fake-ctr')]: 'runtime/default',
        },
      },
    );
    expect(paths(pod, 'ANNOTATION_INVALID')).toEqual([`metadata.annotations[${key('fake-ctr')}]`]);
    expect(paths(withAnnotations({ [key('ctr')]: 'bad-name' }), 'ANNOTATION_INVALID')).toEqual([
      `metadata.annotations[${key('ctr')}]`,
    ]);
    expect(found(withAnnotations({ [key('ctr')]: 'runtime/foo' }), 'ANNOTATION_INVALID')[0]?.message).toMatch(
      /invalid AppArmor profile name/,
    );
    // TestValidateAppArmorProfileFormat
    for (const good of ['', 'runtime/default', 'unconfined', 'localhost//usr/sbin/ntpd', 'localhost/foo-bar'])
      expect(paths(withAnnotations({ [key('ctr')]: good }), 'ANNOTATION_INVALID'), good).toEqual([]);
  });
});

describe('NODE_SELECTOR_INVALID (ValidateLabels on spec.nodeSelector)', () => {
  it('keys are label keys and values label values; the API server reports spec.nodeSelector', () => {
    const pod = makePod({ nodeSelector: { 'kubernetes.io/os': 'linux', 'a/b/c': 'x', ok: '-bad', '': '' } });
    expect(paths(pod, 'NODE_SELECTOR_INVALID')).toEqual([
      'spec.nodeSelector.a/b/c',
      'spec.nodeSelector.ok',
      'spec.nodeSelector.',
    ]);
    expect(acceptedByKubernetes(validatePod(makePod({ nodeSelector: { 'node-role.kubernetes.io/worker': '' } })))).toBe(
      true,
    );
  });
});
