import { describe, expect, it } from 'vitest';
import type { CanvasDocument } from '../design/document';
import type { Container, PodSpec } from '../model/pod';
import { groupsText, namespaceTypes, podNamespaces, type NamespaceEngine, type NamespaceType } from './model';

const c = (name: string, extra: Partial<Container> = {}): Container => ({ name, image: 'busybox:1.36', ...extra });

function doc(spec: Partial<PodSpec> = {}, pidJoins: string[] | null = null): CanvasDocument {
  return {
    pod: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        initContainers: [c('setup'), c('shipper', { restartPolicy: 'Always' })],
        containers: [c('web', { volumeMounts: [{ name: 'logs', mountPath: '/l' }] }), c('worker')],
        ...spec,
      },
    },
    layout: {},
    pidJoins,
  };
}

function lanes(d: CanvasDocument, engine?: NamespaceEngine) {
  const result = podNamespaces(d, engine);
  const by = (t: NamespaceType) => result.lanes.find((l) => l.type === t)!;
  const text = (t: NamespaceType) => groupsText(by(t), result.members);
  return { result, by, text };
}

describe('podNamespaces', () => {
  it('lists the infra first, then init containers, sidecars and apps, with canvas ids and roles', () => {
    const { result } = lanes(doc());
    expect(result.members).toEqual([
      { id: 'infra', name: '', role: 'infra' },
      { id: 'container:setup', name: 'setup', role: 'init' },
      { id: 'container:shipper', name: 'shipper', role: 'sidecar' },
      { id: 'container:web', name: 'web', role: 'app' },
      { id: 'container:worker', name: 'worker', role: 'app' },
    ]);
    expect(result.lanes.map((l) => l.type)).toEqual([...namespaceTypes]);
  });

  it('by default: network, UTS and IPC through the infra; PID, mount and cgroup per container; user and time the host', () => {
    const { by, text } = lanes(doc());
    const all = '(infra),setup,shipper,web,worker';
    expect(text('network')).toBe(all);
    expect(by('network')).toMatchObject({ verdict: 'shared', reason: { key: 'reason.network.shared' } });
    expect(by('network').groups[0]?.owner).toBe('infra');
    expect(text('uts')).toBe(all);
    expect(text('ipc')).toBe(all);
    for (const t of ['pid', 'mount', 'cgroup'] as const) {
      expect(text(t)).toBe('(infra);setup;shipper;web;worker');
      expect(by(t).verdict).toBe('separate');
    }
    expect(text('user')).toBe(`(host),${all}`);
    expect(by('user').verdict).toBe('host');
    expect(text('time')).toBe(`(host),${all}`);
    expect(by('time').reason.key).toBe('reason.time.host');
  });

  it('shareProcessNamespace merges the PID namespaces into the infra one', () => {
    const { by, text } = lanes(doc({ shareProcessNamespace: true }));
    expect(text('pid')).toBe('(infra),setup,shipper,web,worker');
    expect(by('pid')).toMatchObject({ verdict: 'shared', reason: { key: 'reason.pid.shared' } });
    // Nothing else changes.
    expect(text('mount')).toBe('(infra);setup;shipper;web;worker');
  });

  it('host namespaces: hostNetwork takes network and UTS, hostIPC the IPC, hostPID the PID namespace', () => {
    const { by, text } = lanes(doc({ hostNetwork: true, hostIPC: true, hostPID: true }));
    for (const t of ['network', 'uts', 'ipc', 'pid'] as const) {
      expect(text(t)).toBe('(host),(infra),setup,shipper,web,worker');
      expect(by(t).verdict).toBe('host');
      expect(by(t).reason.key).toBe(`reason.${t}.host`);
    }
    const only = lanes(doc({ hostNetwork: true }));
    expect(only.by('ipc').verdict).toBe('shared');
    expect(only.by('uts').verdict).toBe('host');
    expect(only.by('pid').verdict).toBe('separate');
  });

  it('hostPID wins over shareProcessNamespace, and says the API refuses both', () => {
    const { by } = lanes(doc({ hostPID: true, shareProcessNamespace: true }));
    expect(by('pid').verdict).toBe('host');
    expect(by('pid').notes.map((n) => n.key)).toContain('note.pid.hostAndShared');
  });

  it('a PID namespace drawn for some containers only runs as separate ones, and says so', () => {
    const { by } = lanes(doc({}, ['web']));
    expect(by('pid').verdict).toBe('separate');
    expect(by('pid').notes).toEqual([{ key: 'note.pid.partial', args: { names: 'web' } }]);
  });

  it('UTS on Docker is a copy of the hostname per container; on Podman a real join', () => {
    expect(
      lanes(doc(), { name: 'Docker' })
        .by('uts')
        .notes.map((n) => n.key),
    ).toEqual(['note.uts.docker']);
    expect(lanes(doc(), { name: 'Podman' }).by('uts').notes).toEqual([]);
  });

  it('mount notes name the volumes two containers share', () => {
    const d = doc();
    d.pod.spec.initContainers![1]!.volumeMounts = [{ name: 'logs', mountPath: '/logs', readOnly: true }];
    const { by } = lanes(d);
    expect(by('mount').notes).toEqual([{ key: 'note.mount.volume', args: { volume: 'logs', names: 'shipper, web' } }]);
  });

  it('user: the host unless userns-remap, which puts the whole Pod in the infra user namespace; hostUsers false is noted', () => {
    const plain = lanes(doc({ hostUsers: false }), {
      name: 'Docker',
      securityOptions: ['name=seccomp,profile=builtin'],
    });
    expect(plain.by('user').verdict).toBe('host');
    expect(plain.by('user').notes.map((n) => n.key)).toEqual(['note.user.hostUsers']);
    const remap = lanes(doc(), { name: 'Docker', securityOptions: ['name=userns', 'name=cgroupns'] });
    expect(remap.text('user')).toBe('(infra),setup,shipper,web,worker');
    expect(remap.by('user').reason.key).toBe('reason.user.remap');
    expect(
      lanes(doc())
        .by('user')
        .notes.map((n) => n.key),
    ).toEqual(['note.user.assumed']);
    // A rootless engine runs every container in the user's own user namespace.
    const rootless = lanes(doc({ hostUsers: false }), {
      name: 'Podman',
      securityOptions: ['name=rootless', 'name=seccomp'],
    });
    expect(rootless.text('user')).toBe('(engine),(infra),setup,shipper,web,worker');
    expect(rootless.by('user')).toMatchObject({ verdict: 'shared', reason: { key: 'reason.user.rootless' } });
    expect(rootless.by('user').notes.map((n) => n.key)).toEqual(['note.user.hostUsersRootless']);
  });

  it('cgroup: private per container on cgroup v2, the host on v1, an assumption when unknown', () => {
    const v2 = lanes(doc(), { cgroupVersion: '2', securityOptions: ['name=cgroupns'] });
    expect(v2.by('cgroup')).toMatchObject({
      verdict: 'separate',
      notes: [{ key: 'note.cgroup.version', args: { version: '2' } }],
    });
    const v1 = lanes(doc(), { cgroupVersion: '1', securityOptions: [] });
    expect(v1.text('cgroup')).toBe('(host),(infra),setup,shipper,web,worker');
    expect(v1.by('cgroup').reason.key).toBe('reason.cgroup.host');
    expect(
      lanes(doc())
        .by('cgroup')
        .notes.map((n) => n.key),
    ).toEqual(['note.cgroup.assumed']);
    // Podman's compatible API may spell the version "v1".
    expect(lanes(doc(), { cgroupVersion: 'v1' }).by('cgroup').verdict).toBe('host');
  });

  it('copes with a Pod of no containers and with duplicate names', () => {
    const empty = lanes(doc({ initContainers: [], containers: [] }));
    expect(empty.text('pid')).toBe('(infra)');
    const dup = podNamespaces(doc({ initContainers: [], containers: [c('a'), c('a')] }));
    expect(dup.members.map((m) => m.id)).toEqual(['infra', 'container:a', 'container:a#containers-1']);
  });
});
