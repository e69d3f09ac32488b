// The host-access family: what hands the machine to a container is warned about, with its place and in both
// languages; ordinary Pods (the real-world corpus, the examples) are left alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, manifestFiles } from '../manifest/corpus.test-support';
import { readDesign } from '../manifest/read';
import { hostAccessRules, isHostAccess } from './catalog/host-access';
import { hostAccessCodes } from './catalog/host-access-codes';
import { hostPlaceOf, normalHostPath } from './catalog/host-access-places';
import { container, found, makePod } from './testing/pods';
import type { Diagnostic } from './types';
import { validatePod } from './validate';

type Entry = { [key: string]: string | Entry };
const catalogue = (lang: string) =>
  JSON.parse(readFileSync(join(process.cwd(), `assets/locales/host-access/${lang}.json`), 'utf8')) as Entry;
const en = catalogue('en');
const zh = catalogue('zh-CN');
const lookup = (c: Entry, key: string): string | undefined => {
  const v = key.split('.').reduce<string | Entry | undefined>((o, k) => (typeof o === 'object' ? o[k] : undefined), c);
  return typeof v === 'string' ? v : undefined;
};
const render = (t: string, params: Record<string, string | number> = {}) =>
  t.replace(/\{\{(\w+)\}\}/g, (_, n: string) => String(params[n]));

/** The diagnostic reads in English exactly as its catalogue entry, and has a Chinese one with the same slots. */
function inBothLanguages(d: Diagnostic): void {
  expect(render(lookup(en, d.messageId!)!, d.params)).toBe(d.message);
  expect(lookup(zh, d.messageId!), d.messageId).toMatch(/[\u4e00-\u9fff]/);
  for (const fix of d.fixes) {
    expect(render(lookup(en, fix.titleId!)!, fix.params)).toBe(fix.title);
    expect(lookup(zh, fix.titleId!)).toBeDefined();
  }
}

function hostPathPod(...paths: string[]) {
  return makePod({
    volumes: paths.map((path, i) => ({ name: `h${i}`, hostPath: { path } })),
    containers: [container('c', { volumeMounts: paths.map((_, i) => ({ name: `h${i}`, mountPath: `/m${i}` })) })],
  });
}

describe('the host-access codes', () => {
  it('are the codes of the host-access rules, so the run bar sorts problems as the rules name them', () => {
    expect([...hostAccessCodes].sort()).toEqual(hostAccessRules.map((r) => r.code).sort());
  });
});

describe('HOST_PATH_SENSITIVE', () => {
  it('warns about the places that hand over the host, each with what it gives', () => {
    const pod = hostPathPod(
      '/',
      '/var/run/docker.sock',
      '/run/containerd/containerd.sock',
      '/run/user/1000/podman/podman.sock',
      '/proc',
      '/sys/fs/cgroup',
      '/etc',
      '/etc/shadow',
      '/root/.ssh',
      '/var/lib/kubelet/pods',
      '/dev/sda',
      '/var',
      '/var/run',
      '//var/./run/../run/docker.sock/',
    );
    const diagnostics = found(pod, 'HOST_PATH_SENSITIVE');
    expect(diagnostics.map((d) => [d.path, d.params?.place, d.messageId?.split('.').pop()])).toEqual([
      ['spec.volumes[0].hostPath.path', '/', 'root'],
      ['spec.volumes[1].hostPath.path', '/var/run/docker.sock', 'engine'],
      ['spec.volumes[2].hostPath.path', '/run/containerd/containerd.sock', 'engine'],
      ['spec.volumes[3].hostPath.path', '/run/user/1000/podman/podman.sock', 'engine'],
      ['spec.volumes[4].hostPath.path', '/proc', 'kernel'],
      ['spec.volumes[5].hostPath.path', '/sys', 'kernel'],
      ['spec.volumes[6].hostPath.path', '/etc', 'config'],
      ['spec.volumes[7].hostPath.path', '/etc/shadow', 'config'],
      ['spec.volumes[8].hostPath.path', '/root', 'homes'],
      ['spec.volumes[9].hostPath.path', '/var/lib/kubelet', 'containers'],
      ['spec.volumes[10].hostPath.path', '/dev', 'devices'],
      // A folder holding the engine's socket is the socket.
      ['spec.volumes[11].hostPath.path', '/var/run/docker.sock', 'engine'],
      ['spec.volumes[12].hostPath.path', '/var/run/docker.sock', 'engine'],
      ['spec.volumes[13].hostPath.path', '/var/run/docker.sock', 'engine'],
    ]);
    for (const d of diagnostics) {
      expect(d).toMatchObject({ severity: 'warning', category: 'security' });
      inBothLanguages(d);
    }
    expect(diagnostics[1]!.message).toBe(
      'hostPath "/var/run/docker.sock" gives its containers the container engine\'s API, with which they can start any container as root on the host (/var/run/docker.sock)',
    );
  });

  it('leaves ordinary host folders alone', () => {
    const pod = hostPathPod('/data', '/srv/www', '/tmp/cache', '/etc/ssl/certs', '/var/log/app', '/opt/tool');
    expect(found(pod, 'HOST_PATH_SENSITIVE')).toEqual([]);
  });

  it('reads paths the way the kernel does', () => {
    expect(normalHostPath('//a/./b/../c/')).toBe('/a/c');
    expect(normalHostPath('/..')).toBe('/');
    expect(hostPlaceOf('relative/docker.sock')).toBeUndefined();
  });
});

describe('PRIVILEGED_CONTAINER', () => {
  it('warns about each privileged container, with a fix that removes the flag', () => {
    const pod = makePod({
      containers: [
        container('a', { securityContext: { privileged: true } }),
        container('b', { securityContext: { privileged: false } }),
      ],
      initContainers: [container('i', { securityContext: { privileged: true } })],
    });
    const diagnostics = found(pod, 'PRIVILEGED_CONTAINER');
    expect(diagnostics.map((d) => d.path)).toEqual([
      'spec.initContainers[0].securityContext.privileged',
      'spec.containers[0].securityContext.privileged',
    ]);
    expect(diagnostics[1]!.fixes[0]!.patch).toEqual([
      { op: 'remove', path: '/spec/containers/0/securityContext/privileged' },
    ]);
    for (const d of diagnostics) inBothLanguages(d);
  });
});

describe('CAPABILITIES_HOST_ACCESS', () => {
  const caps = (add: string[], extra: Record<string, unknown> = {}) =>
    container('c', { securityContext: { capabilities: { add }, ...extra } });

  it('warns about capabilities added with the host namespaces, escalation, kernel access or ALL', () => {
    const variant = (spec: Parameters<typeof makePod>[0]) =>
      found(makePod(spec), 'CAPABILITIES_HOST_ACCESS').map((d) => {
        inBothLanguages(d);
        return [d.messageId?.split('.').pop(), d.params?.capabilities, d.params?.namespaces];
      });
    expect(variant({ hostPID: true, containers: [caps(['SYS_PTRACE'])] })).toEqual([
      ['hostNamespace', 'SYS_PTRACE', 'hostPID'],
    ]);
    expect(variant({ hostNetwork: true, containers: [caps(['NET_ADMIN', 'CAP_SYS_ADMIN'])] })).toEqual([
      ['hostNamespace', 'NET_ADMIN, SYS_ADMIN', 'hostNetwork'],
    ]);
    expect(variant({ containers: [caps(['SYS_ADMIN'], { allowPrivilegeEscalation: true })] })).toEqual([
      ['escalation', 'SYS_ADMIN', ''],
    ]);
    expect(variant({ containers: [caps(['sys_module'])] })).toEqual([['kernel', 'SYS_MODULE', '']]);
    expect(variant({ containers: [caps(['ALL'])] })).toEqual([['all', 'ALL', '']]);
  });

  it("says nothing of the default capabilities, or of added ones inside the container's own namespaces", () => {
    expect(
      found(makePod({ hostPID: true, containers: [caps(['NET_BIND_SERVICE', 'CHOWN'])] }), 'CAPABILITIES_HOST_ACCESS'),
    ).toEqual([]);
    expect(found(makePod({ containers: [caps(['NET_ADMIN'])] }), 'CAPABILITIES_HOST_ACCESS')).toEqual([]);
  });
});

describe('HOST_NAMESPACES_COMBINED', () => {
  it("warns once when the Pod shares the host's processes with its IPC or network namespace", () => {
    expect(found(makePod({ hostPID: true }), 'HOST_NAMESPACES_COMBINED')).toEqual([]);
    expect(found(makePod({ hostNetwork: true, hostIPC: true }), 'HOST_NAMESPACES_COMBINED')).toEqual([]);
    expect(found(makePod({ hostPID: true, hostIPC: true }), 'HOST_NAMESPACES_COMBINED')).toHaveLength(1);
    const [d] = found(makePod({ hostPID: true, hostIPC: true, hostNetwork: true }), 'HOST_NAMESPACES_COMBINED');
    expect(d).toMatchObject({ path: 'spec.hostPID', related: ['spec.hostIPC', 'spec.hostNetwork'] });
    expect(d!.params).toEqual({ namespaces: 'hostPID, hostIPC, hostNetwork' });
    inBothLanguages(d!);
  });
});

describe('the host-access family', () => {
  it('has a title and an explanation in both languages for each of its rules', () => {
    for (const rule of hostAccessRules) {
      expect(lookup(en, `rules.${rule.code}.title`)).toBe(rule.title);
      expect(lookup(en, `rules.${rule.code}.explanation`)).toBe(rule.explanation);
      expect(lookup(zh, `rules.${rule.code}.explanation`)).toMatch(/[\u4e00-\u9fff]/);
      expect(rule).toMatchObject({ severity: 'warning', category: 'security' });
      expect(isHostAccess(rule)).toBe(true);
    }
    expect(isHostAccess({ code: 'POD_PORT_CLASH' })).toBe(false);
  });

  it('is quiet on the real-world corpus but for the node agents that do reach into the host', () => {
    const flagged: string[] = [];
    for (const file of manifestFiles(corpusDir))
      for (const { pod } of readDesign(readFileSync(file, 'utf8'), { name: file }).pods)
        for (const d of validatePod(pod).filter(isHostAccess))
          flagged.push(`${file.split('/').pop()}: ${d.code} ${d.path}`);
    // Only the node agents that do reach into the host (monitoring and log-shipping DaemonSets) and the all-host-
    // namespaces sample; the other 50-odd real-world manifests raise nothing.
    expect([...new Set(flagged.map((line) => line.split(':')[0]))].sort()).toEqual([
      'daemonset.yaml',
      'namespaces-all-true.yml',
      'newrelic-infra-daemonset.yaml',
      'sysdig-daemonset.yaml',
    ]);
  });
});
