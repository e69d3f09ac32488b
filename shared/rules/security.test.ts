// Security contexts, seccomp/AppArmor profiles, sysctls and spec.os as the API server checks them (issue 17); case
// names in quotes are upstream's (validation_test.go).
import { describe, expect, it } from 'vitest';
import { codes, container, found, makePod, paths } from './testing/pods';

const withSc = (securityContext: Record<string, unknown>, extra = {}) => makePod({ securityContext, ...extra });
const withCsc = (securityContext: Record<string, unknown>, extra = {}) =>
  makePod({ containers: [container('ctr', { securityContext })], ...extra });

describe('POD_FIELD_INVALID and SECURITY_CONTEXT_INVALID: user and group IDs (IsValidUserID / IsValidGroupID)', () => {
  it('takes 0 to 2147483647 at Pod and container level, and refuses 2147483648 and -1', () => {
    expect(
      codes(withSc({ runAsUser: 0, runAsGroup: 2147483647, fsGroup: 1, supplementalGroups: [0, 2147483647] })),
    ).toEqual([]);
    expect(
      paths(
        withSc({ runAsUser: 2147483648, runAsGroup: -1, fsGroup: 4294967295, supplementalGroups: [1, -1] }),
        'POD_FIELD_INVALID',
      ),
    ).toEqual([
      'spec.securityContext.runAsUser',
      'spec.securityContext.runAsGroup',
      'spec.securityContext.fsGroup',
      'spec.securityContext.supplementalGroups[1]',
    ]);
    expect(paths(withCsc({ runAsUser: 2147483648, runAsGroup: -1 }), 'SECURITY_CONTEXT_INVALID')).toEqual([
      'spec.containers[0].securityContext.runAsUser',
      'spec.containers[0].securityContext.runAsGroup',
    ]);
  });
  it('supplementalGroupsPolicy is Merge or Strict; seLinuxChangePolicy only Recursive while SELinuxMount is off (TestValidateSELinuxChangePolicy)', () => {
    expect(codes(withSc({ supplementalGroupsPolicy: 'Strict', seLinuxChangePolicy: 'Recursive' }))).toEqual([]);
    expect(
      paths(withSc({ supplementalGroupsPolicy: 'merge', seLinuxChangePolicy: 'MountOption' }), 'POD_FIELD_INVALID'),
    ).toEqual(['spec.securityContext.supplementalGroupsPolicy', 'spec.securityContext.seLinuxChangePolicy']);
  });
});

describe('SECURITY_CONTEXT_INVALID: procMount and Windows options', () => {
  it('procMount is Default or Unmasked, and Unmasked needs hostUsers: false ("hostUsers=false" cases)', () => {
    expect(codes(withCsc({ procMount: 'Unmasked' }, { hostUsers: false }))).toEqual([]);
    expect(paths(withCsc({ procMount: 'Unmasked' }), 'SECURITY_CONTEXT_INVALID')).toEqual([
      'spec.containers[0].securityContext.procMount',
    ]);
    expect(found(withCsc({ procMount: 'unmasked' }), 'SECURITY_CONTEXT_INVALID')[0]?.message).toMatch(
      /Unsupported value/,
    );
  });
  it('"a valid input", "a valid RunAsUserName" (TestValidateWindowsSecurityContextOptions)', () => {
    const ok = [
      { gmsaCredentialSpecName: 'dummy-gmsa-crep-spec-name', gmsaCredentialSpec: 'dummy-gmsa-crep-spec-contents' },
      { runAsUserName: 'Container. User' },
      { runAsUserName: 'NT AUTHORITY\\NETWORK SERVICE' },
      { runAsUserName: 'example.com\\user' },
    ];
    for (const windowsOptions of ok)
      expect(codes(withCsc({ windowsOptions })), JSON.stringify(windowsOptions)).toEqual([]);
  });
  it('"a GMSA cred spec name that is not a valid resource name", "empty GMSA cred spec contents", and the runAsUserName cases', () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ gmsaCredentialSpecName: 'not_a-valid-gmsa-crep-spec-name' }, /RFC 1123 subdomain/],
      [{ gmsaCredentialSpec: '' }, /cannot be an empty string/],
      [{ runAsUserName: '' }, /runAsUserName cannot be an empty string/],
      [{ runAsUserName: 'Container\tUser' }, /control characters/],
      [{ runAsUserName: 'a\\b\\c' }, /more than one backslash/],
      [{ runAsUserName: `${'d'.repeat(256)}\\user` }, /Domain length/],
      [{ runAsUserName: '.bad\\user' }, /NetBios nor the DNS format/],
      [{ runAsUserName: 'DOMAIN\\' }, /User cannot be empty/],
      [{ runAsUserName: 'u'.repeat(105) }, /User length/],
      [{ runAsUserName: '...' }, /only periods or spaces/],
      [{ runAsUserName: 'user@example.com' }, /cannot contain the following characters/],
    ];
    for (const [windowsOptions, message] of bad) {
      const d = found(withCsc({ windowsOptions }), 'SECURITY_CONTEXT_INVALID');
      expect(
        d.map((x) => x.path),
        JSON.stringify(windowsOptions),
      ).toEqual(d.map(() => expect.stringMatching(/^spec\.containers\[0\]\.securityContext\.windowsOptions\./)));
      expect(d.map((x) => x.message).join('\n'), JSON.stringify(windowsOptions)).toMatch(message);
    }
  });
});

describe('SECURITY_PROFILE_INVALID (validateSeccompProfileField / ValidateAppArmorProfileField)', () => {
  it('accepts the three types, with localhostProfile only for Localhost', () => {
    for (const type of ['RuntimeDefault', 'Unconfined'])
      expect(codes(withSc({ seccompProfile: { type }, appArmorProfile: { type } }))).toEqual([]);
    expect(
      codes(
        withSc({
          seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' },
          appArmorProfile: { type: 'Localhost', localhostProfile: 'p' },
        }),
      ),
    ).toEqual([]);
  });
  it('"unsupported pod AppArmor profile type", "missing pod AppArmor profile type", and the same for seccomp', () => {
    expect(paths(withSc({ appArmorProfile: { type: 'test' } }), 'SECURITY_PROFILE_INVALID')).toEqual([
      'spec.securityContext.appArmorProfile.type',
    ]);
    expect(paths(withCsc({ appArmorProfile: {} }), 'SECURITY_PROFILE_INVALID')).toEqual([
      'spec.containers[0].securityContext.appArmorProfile.type',
    ]);
    expect(paths(withSc({ seccompProfile: { type: 'localhost' } }), 'SECURITY_PROFILE_INVALID')).toEqual([
      'spec.securityContext.seccompProfile.type',
    ]);
  });
  it('"missing AppArmor localhost profile", "empty AppArmor localhost profile", "invalid AppArmor localhost profile", "too long AppArmor localhost profile"', () => {
    const at = 'spec.securityContext.appArmorProfile.localhostProfile';
    for (const profile of [
      { type: 'Localhost' },
      { type: 'Localhost', localhostProfile: '' },
      { type: 'Localhost', localhostProfile: ' p' },
    ])
      expect(paths(withSc({ appArmorProfile: profile }), 'SECURITY_PROFILE_INVALID'), JSON.stringify(profile)).toEqual([
        at,
      ]);
    expect(
      paths(
        withSc({ appArmorProfile: { type: 'Localhost', localhostProfile: 'a'.repeat(4096) } }),
        'SECURITY_PROFILE_INVALID',
      ),
    ).toEqual([at]);
    // "invalid AppArmor localhost profile type": a profile with another type may not name a file.
    expect(
      paths(withSc({ appArmorProfile: { type: 'RuntimeDefault', localhostProfile: 'p' } }), 'SECURITY_PROFILE_INVALID'),
    ).toEqual([at]);
  });
  it('a seccomp localhostProfile is a relative path without "..", and belongs to Localhost only', () => {
    const at = 'spec.containers[0].securityContext.seccompProfile.localhostProfile';
    expect(
      paths(
        withCsc({ seccompProfile: { type: 'Localhost', localhostProfile: '/abs.json' } }),
        'SECURITY_PROFILE_INVALID',
      ),
    ).toEqual([at]);
    expect(
      paths(
        withCsc({ seccompProfile: { type: 'Localhost', localhostProfile: '../x.json' } }),
        'SECURITY_PROFILE_INVALID',
      ),
    ).toEqual([at]);
    expect(paths(withCsc({ seccompProfile: { type: 'Localhost' } }), 'SECURITY_PROFILE_INVALID')).toEqual([at]);
    expect(
      paths(withCsc({ seccompProfile: { type: 'Unconfined', localhostProfile: '' } }), 'SECURITY_PROFILE_INVALID'),
    ).toEqual([at]);
  });
  it('"must match seccomp profile type and pod annotation", "must match seccomp profile type and container annotation"', () => {
    const pod = withSc({ seccompProfile: { type: 'RuntimeDefault' } });
    pod.metadata.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' };
    expect(paths(pod, 'SECURITY_PROFILE_INVALID')).toEqual(['spec.securityContext.seccompProfile.type']);
    const ctr = withCsc({ seccompProfile: { type: 'RuntimeDefault' } });
    ctr.metadata.annotations = { 'container.seccomp.security.alpha.kubernetes.io/ctr': 'unconfined' };
    expect(paths(ctr, 'SECURITY_PROFILE_INVALID')).toEqual(['spec.containers[0].securityContext.seccompProfile.type']);
  });
  it('"mismatched AppArmor field and annotation types", "mismatched AppArmor localhost profiles"; a valid annotation alone is copied into the field', () => {
    const key = 'container.apparmor.security.beta.kubernetes.io/ctr';
    const types = withCsc({ appArmorProfile: { type: 'RuntimeDefault' } });
    types.metadata.annotations = { [key]: 'unconfined' };
    expect(paths(types, 'SECURITY_PROFILE_INVALID')).toEqual([
      'spec.containers[0].securityContext.appArmorProfile.type',
    ]);
    const profiles = withCsc({ appArmorProfile: { type: 'Localhost', localhostProfile: 'foo' } });
    profiles.metadata.annotations = { [key]: 'localhost/bar' };
    expect(paths(profiles, 'SECURITY_PROFILE_INVALID')).toEqual([
      'spec.containers[0].securityContext.appArmorProfile.localhostProfile',
    ]);
    const podLevel = withSc({ appArmorProfile: { type: 'RuntimeDefault' } });
    podLevel.metadata.annotations = { [key]: 'unconfined' };
    expect(paths(podLevel, 'SECURITY_PROFILE_INVALID')).toEqual([]);
  });
});

describe('SYSCTL_INVALID (TestIsValidSysctlName, TestValidateSysctls)', () => {
  const sysctls = (names: string[], extra = {}) =>
    paths(withSc({ sysctls: names.map((name) => ({ name, value: '1' })) }, extra), 'SYSCTL_INVALID');
  it('valid names, dots or slashes', () => {
    expect(
      sysctls([
        'a.b.c.d',
        'a',
        'a_b',
        'a-b',
        'abc',
        'abc.def',
        'a/b/c/d',
        'a/b.c',
        'net.ipv4.conf.enp3s0/200.forwarding',
      ]),
    ).toEqual([]);
  });
  it('invalid names and duplicates', () => {
    const invalid = [
      '*',
      'ä',
      'a_',
      '_',
      '_a',
      '-',
      '.',
      'a.',
      '.a',
      'a*b',
      'Abc',
      '/',
      '/a',
      'a'.repeat(256),
      'i..nvalid',
    ];
    expect(sysctls(invalid)).toEqual(invalid.map((_, i) => `spec.securityContext.sysctls[${i}].name`));
    expect(sysctls(['kernel.shmmax', 'kernel.shmmax'])).toEqual(['spec.securityContext.sysctls[1].name']);
    expect(sysctls([''])).toEqual(['spec.securityContext.sysctls[0].name']);
  });
  it('namespaced sysctls are refused with the host namespace (invalidWithHostNet, invalidWithHostIPC)', () => {
    expect(
      sysctls(['net.ipv4.conf.enp3s0/200.forwarding', 'net/ipv4/conf/enp3s0.200/forwarding', 'kernel.shmmax'], {
        hostNetwork: true,
      }),
    ).toEqual(['spec.securityContext.sysctls[0].name', 'spec.securityContext.sysctls[1].name']);
    expect(
      sysctls(['kernel.shmmax', 'kernel.msgmax', 'fs.mqueue.msg_max', 'net.core.somaxconn'], { hostIPC: true }),
    ).toEqual([
      'spec.securityContext.sysctls[0].name',
      'spec.securityContext.sysctls[1].name',
      'spec.securityContext.sysctls[2].name',
    ]);
  });
});

describe('POD_OS_INVALID (TestValidateOS, TestValidateWindowsPodSecurityContext, TestValidateLinuxPodSecurityContext)', () => {
  it('os.name is linux or windows', () => {
    expect(codes(makePod({ os: { name: 'linux' } }))).toEqual([]);
    expect(paths(makePod({ os: { name: 'darwin' } }), 'POD_OS_INVALID')).toEqual(['spec.os']);
    expect(paths(makePod({ os: { name: '' } }), 'POD_OS_INVALID')).toEqual(['spec.os.name']);
  });
  it('a linux Pod may not carry windowsOptions, at Pod or container level', () => {
    expect(
      paths(withCsc({ windowsOptions: { runAsUserName: 'u' } }, { os: { name: 'linux' } }), 'POD_OS_INVALID'),
    ).toEqual(['spec.containers[0].securityContext.windowsOptions']);
  });
  it('a windows Pod refuses the Linux-only fields, each on its own path', () => {
    const pod = makePod({
      os: { name: 'windows' },
      hostPID: true,
      shareProcessNamespace: false,
      hostUsers: true,
      securityContext: {
        runAsUser: 1,
        fsGroup: 2,
        seccompProfile: { type: 'RuntimeDefault' },
        sysctls: [{ name: 'a', value: '1' }],
      },
      containers: [
        container('ctr', { securityContext: { capabilities: {}, readOnlyRootFilesystem: false, privileged: false } }),
      ],
    });
    expect(paths(pod, 'POD_OS_INVALID')).toEqual([
      'spec.hostUsers',
      'spec.hostPID',
      'spec.securityContext.seccompProfile',
      'spec.securityContext.fsGroup',
      'spec.securityContext.sysctls',
      'spec.shareProcessNamespace',
      'spec.securityContext.runAsUser',
      'spec.containers[0].securityContext.capabilities',
      'spec.containers[0].securityContext.readOnlyRootFilesystem',
      'spec.containers[0].securityContext.privileged',
    ]);
    expect(
      codes(makePod({ os: { name: 'windows' }, securityContext: { windowsOptions: { runAsUserName: 'u' } } })),
    ).toEqual([]);
  });
  it('"Spec with feature enabled, pod-wide HostProcess=true, and HostNetwork unset should not validate" and its neighbours (TestValidateWindowsHostProcessPod)', () => {
    const hostProcess = (pod: boolean | undefined, ctr: boolean | undefined, hostNetwork?: boolean) =>
      paths(
        makePod({
          ...(hostNetwork !== undefined && { hostNetwork }),
          securityContext: pod === undefined ? {} : { windowsOptions: { hostProcess: pod } },
          containers: [
            container('a', ctr === undefined ? {} : { securityContext: { windowsOptions: { hostProcess: ctr } } }),
            container('b'),
          ],
        }),
        'POD_OS_INVALID',
      );
    expect(hostProcess(true, undefined)).toEqual(['spec.hostNetwork']);
    expect(hostProcess(true, undefined, true)).toEqual([]);
    expect(hostProcess(undefined, true, true)).toEqual(['spec']);
    expect(hostProcess(false, true, true)).toEqual([
      'spec.containers[0].securityContext.windowsOptions.hostProcess',
      'spec',
    ]);
  });
});
