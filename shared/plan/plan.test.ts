// The plan against ../shared/reference/pod-on-docker.md: infra, namespace joins, ports, volumes, fields, gates.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Pod as ModelPod } from '../model';
import { Labels } from '../model/labels';
import type { Pod } from './pod';
import { checkRun } from './check-run';
import { isRunnable, plan } from './plan';
import { compareApiVersions } from './engine-api';
import { podHostname } from './infra';
import { parseQuantity } from '../model/quantity';
import { expand } from './expand';
import { POD_IP_PLACEHOLDER, type Plan } from './types';

const docker = { name: 'Docker', apiVersion: '1.41', cpus: 2, memoryBytes: 8 * 2 ** 30 };

function pod(spec: Partial<NonNullable<Pod['spec']>> = {}, name = 'web'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'app', image: 'busybox:1' }], ...spec },
  };
}

function app(p: Plan, name = 'app') {
  const c = [...p.apps, ...p.init].find((x) => x.container === name);
  if (!c) throw new Error(`no container ${name}`);
  return c;
}

function codes(p: Plan): string[] {
  return p.problems.map((x) => x.code);
}

describe('infra container', () => {
  it('uses the pause image by default, owns IPC (shareable), hostname and the project network', () => {
    const p = plan(pod(), docker);
    expect(p.infra.body).toMatchObject({
      Image: 'registry.k8s.io/pause:3.10',
      Hostname: 'web',
      HostConfig: { NetworkMode: 'podwright', IpcMode: 'shareable' },
      NetworkingConfig: { EndpointsConfig: { podwright: { Aliases: ['web'] } } },
    });
    expect(p.infra.name).toBe('web_POD');
    expect(isRunnable(p)).toBe(true);
  });

  it('takes a configured infra image and network', () => {
    const p = plan(pod(), docker, { infraImage: 'podwright-test/pause:1', network: 'proj-a' });
    expect(p.infra.body.Image).toBe('podwright-test/pause:1');
    expect(p.infra.body.HostConfig.NetworkMode).toBe('proj-a');
    expect(p.network?.body).toMatchObject({ Name: 'proj-a', Driver: 'bridge' });
  });

  it('uses spec.hostname (test "customized hostname") and truncates long names to 63 characters', () => {
    expect(plan(pod({ hostname: 'myhost' }), docker).infra.body.Hostname).toBe('myhost');
    const long = `${'a'.repeat(62)}-b`;
    expect(podHostname(pod({}, long))).toBe('a'.repeat(62));
  });

  it('publishes hostPorts on the infra only, containerPort defaulting to hostPort (bats "hostport")', () => {
    const p = plan(
      pod({
        containers: [
          { name: 'a', image: 'x:1', ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81 }] },
          { name: 'b', image: 'x:1', ports: [{ hostPort: 9090, protocol: 'UDP', hostIP: '127.0.0.100' }] },
        ],
      }),
      docker,
    );
    expect(p.infra.body.ExposedPorts).toEqual({ '80/tcp': {}, '9090/udp': {} });
    expect(p.infra.body.HostConfig.PortBindings).toEqual({
      '80/tcp': [{ HostIp: '', HostPort: '8080' }],
      '9090/udp': [{ HostIp: '127.0.0.100', HostPort: '9090' }],
    });
    for (const c of p.apps) {
      expect(c.body.ExposedPorts).toBeUndefined();
      expect(c.body.HostConfig.PortBindings).toBeUndefined();
      expect(c.body.Hostname).toBeUndefined();
    }
  });

  it('refuses the same hostPort twice (through the gate)', () => {
    const p0 = () =>
      pod({
        containers: [
          { name: 'a', image: 'x:1', ports: [{ containerPort: 80, hostPort: 8080 }] },
          { name: 'b', image: 'x:1', ports: [{ containerPort: 81, hostPort: 8080 }] },
        ],
      });
    const p = plan(p0(), docker);
    // The gate refuses it with the rules' code; the plan itself publishes the port once and does not judge.
    expect(checkRun(p0(), docker).blockers.map((d) => d.code)).toContain('HOST_PORT_DUPLICATE');
    expect(codes(p)).toEqual([]);
    expect(p.infra.body.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '', HostPort: '8080' }] });
  });

  it('puts DNS, host aliases and sysctls on the infra (test "HostAliases")', () => {
    const p = plan(
      pod({
        dnsConfig: { nameservers: ['1.1.1.1'], searches: ['corp'], options: [{ name: 'ndots', value: '2' }] },
        hostAliases: [{ ip: '10.0.0.1', hostnames: ['foo', 'bar'] }],
        securityContext: { sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] },
      }),
      docker,
    );
    expect(p.infra.body.HostConfig).toMatchObject({
      Dns: ['1.1.1.1'],
      DnsSearch: ['corp'],
      DnsOptions: ['ndots:2'],
      ExtraHosts: ['foo:10.0.0.1', 'bar:10.0.0.1'],
      Sysctls: { 'net.core.somaxconn': '1024' },
    });
    expect(app(p).body.HostConfig.ExtraHosts).toBeUndefined();
  });
});

describe('namespaces', () => {
  it('apps join the infra network and IPC, not its PID by default', () => {
    const hc = app(plan(pod(), docker)).body.HostConfig;
    expect(hc).toMatchObject({ NetworkMode: 'container:web_POD', IpcMode: 'container:web_POD' });
    expect(hc.PidMode).toBeUndefined();
    expect(hc.UTSMode).toBeUndefined();
  });

  it('shares PID with shareProcessNamespace', () => {
    expect(app(plan(pod({ shareProcessNamespace: true }), docker)).body.HostConfig.PidMode).toBe('container:web_POD');
  });

  it('maps hostNetwork, hostPID and hostIPC; no hostname, no network with hostNetwork', () => {
    const p = plan(pod({ hostNetwork: true, hostPID: true, hostIPC: true, hostname: 'ignored' }), docker);
    expect(p.infra.body.Hostname).toBeUndefined();
    expect(p.infra.body.HostConfig).toMatchObject({ NetworkMode: 'host', IpcMode: 'host', PidMode: 'host' });
    expect(app(p).body.HostConfig).toMatchObject({ NetworkMode: 'host', IpcMode: 'host', PidMode: 'host' });
    expect(p.network).toBeUndefined();
    expect(codes(p)).toContain('HOSTNAME_IGNORED');
  });

  it('joins the infra UTS namespace on a Podman backend (reference §7)', () => {
    expect(app(plan(pod(), { ...docker, name: 'Podman' })).body.HostConfig.UTSMode).toBe('container:web_POD');
  });
});

describe('command, args, env (tests "correct command" 19-23)', () => {
  it('command → Entrypoint clearing Cmd; args → Cmd; neither keeps the image', () => {
    const p = plan(
      pod({
        containers: [
          { name: 'both', image: 'x:1', command: ['echo'], args: ['hi'] },
          { name: 'cmd', image: 'x:1', command: ['top'] },
          { name: 'args', image: 'x:1', args: ['-x'] },
          { name: 'none', image: 'x:1' },
        ],
      }),
      docker,
    );
    expect(app(p, 'both').body).toMatchObject({ Entrypoint: ['echo'], Cmd: ['hi'] });
    expect(app(p, 'cmd').body).toMatchObject({ Entrypoint: ['top'], Cmd: [] });
    expect(app(p, 'args').body.Entrypoint).toBeUndefined();
    expect(app(p, 'args').body.Cmd).toEqual(['-x']);
    expect(app(p, 'none').body.Entrypoint).toBeUndefined();
    expect(app(p, 'none').body.Cmd).toBeUndefined();
  });

  it('builds env in Kubernetes order with $(VAR) expansion and fieldRefs', () => {
    const p = plan(
      {
        metadata: { name: 'web', namespace: 'shop', labels: { tier: 'front' } },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'x:1',
              envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }],
              env: [
                { name: 'A', value: 'one' },
                { name: 'B', value: '$(A)-two-$(NOPE)-$$(A)' },
                { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'TIER', valueFrom: { fieldRef: { fieldPath: "metadata.labels['tier']" } } },
                { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
                { name: 'KEY', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } },
                { name: 'PASS', valueFrom: { secretKeyRef: { name: 'sec', key: 'p' } } },
                { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
              ],
              args: ['$(POD)', '$(A)'],
              resources: { limits: { memory: '64Mi' } },
            },
          ],
        },
      },
      docker,
      {},
      {
        configMaps: [{ kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { k: 'v' } }],
        secrets: [{ kind: 'Secret', metadata: { name: 'sec' }, data: { p: btoa('s3cret') } }],
      },
    );
    const c = app(p);
    expect(c.body.Env).toEqual([
      'CFG_k=v',
      'A=one',
      'B=one-two-$(NOPE)-$(A)',
      'POD=web',
      'NS=shop',
      'TIER=front',
      `IP=${POD_IP_PLACEHOLDER}`,
      'KEY=v',
      'PASS=s3cret',
      'MEM=64',
    ]);
    expect(c.body.Cmd).toEqual(['web', 'one']);
    expect(c.needsPodIP).toBe(true);
    expect(c.name).toBe('shop_web_app');
    expect(isRunnable(p)).toBe(true);
  });

  it('reports a ConfigMap that is not in the document', () => {
    const p = plan(
      pod({
        containers: [
          {
            name: 'app',
            image: 'x:1',
            env: [{ name: 'K', valueFrom: { configMapKeyRef: { name: 'gone', key: 'k' } } }],
          },
        ],
      }),
      docker,
    );
    expect(codes(p)).toEqual(['CONFIGMAP_KEY_NOT_FOUND']);
  });

  it('passes workingDir, tty and stop signal', () => {
    const p = plan(
      pod({
        containers: [
          { name: 'app', image: 'x:1', workingDir: '/srv', tty: true, lifecycle: { stopSignal: 'SIGUSR1' } },
        ],
      }),
      docker,
    );
    expect(app(p).body).toMatchObject({ WorkingDir: '/srv', Tty: true, StopSignal: 'SIGUSR1' });
  });
});

describe('lifecycle fields', () => {
  it.each([
    [undefined, 'always'],
    ['Always', 'always'],
    ['OnFailure', 'on-failure'],
    ['Never', 'no'],
  ])('restartPolicy %s → %s (test "restartPolicy"); init containers always "no"', (policy, docker_) => {
    const p = plan(pod({ restartPolicy: policy, initContainers: [{ name: 'init', image: 'x:1' }] }), docker);
    expect(app(p).body.HostConfig.RestartPolicy).toEqual({ Name: docker_ });
    expect(app(p, 'init').body.HostConfig.RestartPolicy).toEqual({ Name: 'no' });
    expect(p.restartPolicy).toBe(policy ?? 'Always');
  });

  it('terminationGracePeriodSeconds → StopTimeout, default 30 (test "TerminationGracePeriodSeconds")', () => {
    expect(app(plan(pod({ terminationGracePeriodSeconds: 20 }), docker)).body.StopTimeout).toBe(20);
    expect(app(plan(pod(), docker)).body.StopTimeout).toBe(30);
  });

  it('runs init containers in order before the apps, and sidecars (restartPolicy Always) keep running', () => {
    const p = plan(
      pod({
        initContainers: [
          { name: 'one', image: 'x:1' },
          { name: 'side', image: 'x:1', restartPolicy: 'Always' },
          { name: 'two', image: 'x:1' },
        ],
      }),
      docker,
    );
    expect(p.init.map((c) => [c.container, c.role])).toEqual([
      ['one', 'init'],
      ['side', 'sidecar'],
      ['two', 'init'],
    ]);
    expect(app(p, 'side').body.HostConfig.RestartPolicy).toEqual({ Name: 'always' });
    const calls = p.steps.map((s) => s.call);
    const startInfra = calls.indexOf('POST /containers/web_POD/start');
    expect(calls.indexOf('POST /containers/web_one/start')).toBeGreaterThan(startInfra);
    expect(calls.indexOf('POST /containers/web_two/start')).toBeGreaterThan(
      calls.indexOf('POST /containers/web_one/start'),
    );
    expect(calls.indexOf('POST /containers/web_app/start')).toBeGreaterThan(
      calls.indexOf('POST /containers/web_two/start'),
    );
  });

  it('leaves judging the Pod to the rules: the gate refuses with their codes (test "duplicate container name")', () => {
    const refused = (p: Pod) => checkRun(p, docker).blockers.map((d) => d.code);
    expect(refused(pod({ initContainers: [{ name: 'app', image: 'x:1' }] }))).toContain('CONTAINER_NAME_DUPLICATE');
    expect(refused({ spec: { containers: [{ name: 'a', image: 'x' }] } })).toContain('POD_NAME_INVALID');
    expect(refused(pod({ containers: [{ name: 'a' }] }))).toContain('CONTAINER_IMAGE_REQUIRED');
    // The plan repeats none of it.
    expect(codes(plan(pod({ initContainers: [{ name: 'app', image: 'x:1' }] }), docker))).toEqual([]);
  });

  it('labels every object with the Pod, role, container and design', () => {
    const p = plan(pod({ initContainers: [{ name: 'i', image: 'x:1' }] }), docker, { design: 'd1' });
    expect(app(p).body.Labels).toMatchObject({
      [Labels.managed]: 'true',
      [Labels.pod]: 'web',
      [Labels.namespace]: 'default',
      [Labels.design]: 'd1',
      [Labels.role]: 'app',
      [Labels.container]: 'app',
      [Labels.index]: '0',
    });
    expect(app(p, 'i').body.Labels[Labels.role]).toBe('init');
    expect(p.infra.body.Labels[Labels.role]).toBe('infra');
  });

  it('defaults imagePullPolicy the Kubernetes way (through withDefaults, not a second copy)', () => {
    const policy = (image: string) => app(plan(pod({ containers: [{ name: 'app', image }] }), docker)).pullPolicy;
    expect(policy('nginx')).toBe('Always');
    expect(policy('nginx:latest')).toBe('Always');
    expect(policy('localhost:5000/nginx')).toBe('Always');
    expect(policy('localhost:5000/nginx:1.2')).toBe('IfNotPresent');
    expect(policy('nginx@sha256:abc')).toBe('IfNotPresent');
  });
});

describe('resources and security (tests "resource limits", "RunAsUser", "cap add")', () => {
  it('maps limits and requests like Podman/kubelet', () => {
    const p = plan(
      pod({
        containers: [
          {
            name: 'app',
            image: 'x:1',
            resources: { limits: { cpu: '200m', memory: '20M' }, requests: { memory: '10M', cpu: '100m' } },
          },
        ],
      }),
      docker,
    );
    expect(app(p).body.HostConfig).toMatchObject({
      CpuPeriod: 100000,
      CpuQuota: 20000,
      CpuShares: 102,
      Memory: 20000000,
      MemorySwap: 20000000,
      MemoryReservation: 10000000,
    });
  });

  it('refuses a memory limit Docker cannot honour and bad quantities', () => {
    expect(
      codes(
        plan(pod({ containers: [{ name: 'app', image: 'x:1', resources: { limits: { memory: '1Mi' } } }] }), docker),
      ),
    ).toContain('RESOURCE_MEMORY_TOO_SMALL');
    const lots = pod({ containers: [{ name: 'app', image: 'x:1', resources: { limits: { cpu: 'lots' } } }] });
    expect(checkRun(lots, docker).blockers.map((d) => d.code)).toEqual(['RESOURCE_QUANTITY_INVALID']);
  });

  it('container runAsUser overrides the pod, others inherit; capabilities, read-only root, no-new-privileges', () => {
    const p = plan(
      pod({
        securityContext: { runAsUser: 103, runAsGroup: 104, supplementalGroups: [5] },
        containers: [
          {
            name: 'own',
            image: 'x:1',
            securityContext: {
              runAsUser: 101,
              runAsGroup: 102,
              capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] },
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
            },
          },
          { name: 'inherit', image: 'x:1', securityContext: { privileged: true } },
        ],
      }),
      docker,
    );
    expect(app(p, 'own').body.User).toBe('101:102');
    expect(app(p, 'own').body.HostConfig).toMatchObject({
      CapAdd: ['NET_ADMIN'],
      CapDrop: ['ALL'],
      ReadonlyRootfs: true,
      SecurityOpt: ['no-new-privileges'],
      GroupAdd: ['5'],
    });
    expect(app(p, 'inherit').body.User).toBe('103:104');
    expect(app(p, 'inherit').body.HostConfig.Privileged).toBe(true);
  });

  it('asks the runtime to check the image user when runAsNonRoot has no runAsUser', () => {
    expect(app(plan(pod({ securityContext: { runAsNonRoot: true } }), docker)).requireNonRoot).toBe(true);
    expect(codes(plan(pod({ securityContext: { runAsNonRoot: true, runAsUser: 0 } }), docker))).toContain(
      'RUN_AS_NON_ROOT',
    );
  });
});

describe('volumes', () => {
  it('emptyDir → one labelled named volume per Pod and run, shared by the containers that mount it (test "emptyDir")', () => {
    const p = plan(
      pod({
        volumes: [{ name: 'data', emptyDir: {} }],
        containers: [
          { name: 'a', image: 'x:1', volumeMounts: [{ name: 'data', mountPath: '/data' }] },
          { name: 'b', image: 'x:1', volumeMounts: [{ name: 'data', mountPath: '/in', readOnly: true }] },
        ],
      }),
      docker,
      { runId: 'r1' },
    );
    expect(p.volumes).toEqual([
      {
        volume: 'data',
        kind: 'emptyDir',
        persistent: false,
        body: {
          Name: 'web_data_r1',
          Driver: 'local',
          Labels: expect.objectContaining({ [Labels.pod]: 'web', [Labels.role]: 'volume', [Labels.volume]: 'data' }),
        },
      },
    ]);
    expect(app(p, 'a').body.HostConfig.Mounts).toEqual([
      { Type: 'volume', Source: 'web_data_r1', Target: '/data', ReadOnly: false, VolumeOptions: { NoCopy: true } },
    ]);
    expect(app(p, 'b').body.HostConfig.Mounts?.[0]?.ReadOnly).toBe(true);
    expect(p.volumeHelper?.worldWritable).toEqual(['web_data_r1']);
    expect(
      plan(pod({ volumes: [{ name: 'data', emptyDir: {} }] }), docker, { runId: 'r2' }).volumes[0]?.body.Name,
    ).toBe('web_data_r2');
  });

  it('emptyDir medium Memory → a tmpfs volume, still shared', () => {
    const p = plan(pod({ volumes: [{ name: 'm', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }] }), docker, {
      runId: 'x',
    });
    expect(p.volumes[0]?.body.DriverOpts).toEqual({
      type: 'tmpfs',
      device: 'tmpfs',
      o: `mode=1777,size=${64 * 2 ** 20}`,
    });
  });

  it('hostPath → bind with the type checked by the runtime; readOnly carries over (test "read-only HostPath")', () => {
    const p = plan(
      pod({
        volumes: [
          { name: 'h', hostPath: { path: '/srv/data', type: 'DirectoryOrCreate' } },
          { name: 'bad', hostPath: { path: '/x', type: 'Folder' } },
        ],
        containers: [
          {
            name: 'app',
            image: 'x:1',
            volumeMounts: [
              { name: 'h', mountPath: '/data', readOnly: true },
              { name: 'h', mountPath: '/sub', subPath: 'a/b' },
            ],
          },
        ],
      }),
      docker,
    );
    expect(p.hostPaths[0]).toEqual({ volume: 'h', path: '/srv/data', type: 'DirectoryOrCreate' });
    expect(app(p).body.HostConfig.Mounts).toEqual([
      { Type: 'bind', Source: '/srv/data', Target: '/data', ReadOnly: true },
      { Type: 'bind', Source: '/srv/data/a/b', Target: '/sub', ReadOnly: false },
    ]);
    // The second volume's type is the rules' to refuse, before any plan runs.
    expect(codes(p)).toEqual([]);
    const refused = checkRun({ ...pod(), spec: { containers: [{ name: 'a', image: 'x:1' }], volumes: [{ name: 'bad', hostPath: { path: '/x', type: 'Folder' } }] } }, docker);
    expect(refused.blockers.map((d) => [d.code, d.path])).toEqual([['VOLUME_SOURCE_INVALID', 'spec.volumes[0].hostPath.type']]);
  });

  it('configMap and secret volumes are filled from the document, items remap keys, modes apply (tests 45, 46)', () => {
    const p = plan(
      pod({
        volumes: [
          { name: 'cfg', configMap: { name: 'c', items: [{ key: 'FOO', path: 'BAR' }], defaultMode: 0o777 } },
          { name: 'sec', secret: { secretName: 's' } },
        ],
        containers: [
          {
            name: 'app',
            image: 'x:1',
            volumeMounts: [
              { name: 'cfg', mountPath: '/cfg' },
              { name: 'sec', mountPath: '/sec' },
            ],
          },
        ],
      }),
      docker,
      { runId: 'r' },
      {
        configMaps: [{ kind: 'ConfigMap', metadata: { name: 'c' }, data: { FOO: 'foobar', OTHER: 'x' } }],
        secrets: [
          { kind: 'Secret', metadata: { name: 's' }, data: { token: btoa('t0k') }, stringData: { plain: 'p' } },
        ],
      },
    );
    expect(p.volumeHelper?.files).toEqual([
      { dockerVolume: 'web_cfg_r', path: 'BAR', content: 'foobar', encoding: 'utf8', mode: 0o777 },
      { dockerVolume: 'web_sec_r', path: 'token', content: btoa('t0k'), encoding: 'base64', mode: 0o644 },
      { dockerVolume: 'web_sec_r', path: 'plain', content: 'p', encoding: 'utf8', mode: 0o644 },
    ]);
    expect(app(p).body.HostConfig.Mounts?.every((m) => m.ReadOnly)).toBe(true);
  });

  it('a ConfigMap missing from the document is a clear error unless optional (test "non-existing configmap")', () => {
    const missing = plan(pod({ volumes: [{ name: 'cfg', configMap: { name: 'nowhere' } }] }), docker);
    expect(missing.problems[0]).toMatchObject({ code: 'CONFIGMAP_NOT_FOUND', path: 'spec.volumes[0].configMap.name' });
    expect(missing.problems[0]?.message).toMatch(/not in the document/);
    expect(
      isRunnable(plan(pod({ volumes: [{ name: 'cfg', configMap: { name: 'nowhere', optional: true } }] }), docker)),
    ).toBe(true);
  });

  it('subPath on a volume needs Engine API 1.45 and says so; newer engines get VolumeOptions.Subpath', () => {
    const spec = {
      volumes: [{ name: 'd', emptyDir: {} }],
      containers: [{ name: 'app', image: 'x:1', volumeMounts: [{ name: 'd', mountPath: '/d', subPath: 'sub' }] }],
    };
    const old = plan(pod(spec), docker);
    expect(old.problems[0]?.code).toBe('ENGINE_NO_SUBPATH');
    expect(old.problems[0]?.message).toMatch(/1\.45.*1\.41/);
    const p = plan(pod(spec), { ...docker, apiVersion: '1.47' });
    expect(isRunnable(p)).toBe(true);
    expect(app(p).body.HostConfig.Mounts?.[0]?.VolumeOptions).toEqual({ NoCopy: true, Subpath: 'sub' });
  });

  it('refuses a mount of an undeclared volume (rules) and volume types the engine cannot make (plan)', () => {
    const undeclared = pod({ containers: [{ name: 'app', image: 'x:1', volumeMounts: [{ name: 'nope', mountPath: '/x' }] }] });
    expect(checkRun(undeclared, docker).blockers.map((d) => d.code)).toEqual(['MOUNT_VOLUME_NOT_FOUND']);
    expect(app(plan(undeclared, docker)).body.HostConfig.Mounts).toBeUndefined();
    expect(codes(plan(pod({ volumes: [{ name: 'n', nfs: { server: 'x', path: '/' } }] }), docker))).toEqual([
      'VOLUME_UNSUPPORTED',
    ]);
  });

  it('a persistentVolumeClaim is a named volume that down keeps (test "PersistentVolumeClaim")', () => {
    const p = plan(
      pod({
        volumes: [{ name: 'pvc', persistentVolumeClaim: { claimName: 'claim' } }],
        containers: [{ name: 'app', image: 'x:1', volumeMounts: [{ name: 'pvc', mountPath: '/p' }] }],
      }),
      docker,
    );
    expect(p.volumes[0]).toMatchObject({ persistent: true, body: { Name: 'claim' } });
    expect(app(p).body.HostConfig.Mounts?.[0]).toMatchObject({ Type: 'volume', Source: 'claim' });
  });
});

describe('helpers', () => {
  it('accepts the design model\'s Pod (shared/model) as is', () => {
    expectTypeOf<ModelPod>().toExtend<Pod>();
  });

  it('parses quantities', () => {
    expect(parseQuantity('200m')).toBeCloseTo(0.2);
    expect(parseQuantity('128Mi')).toBe(128 * 2 ** 20);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('1.5G')).toBe(1.5e9);
    expect(parseQuantity('abc')).toBeUndefined();
  });

  it('expands like Kubernetes', () => {
    const env = (n: string) => ({ A: 'x' })[n];
    expect(expand('$(A)$(B)$$(A)$A$', env)).toBe('x$(B)$(A)$A$');
    expect(expand('$(A', env)).toBe('$(A');
  });

  it('compares API versions numerically', () => {
    expect(compareApiVersions('1.41', '1.45')).toBeLessThan(0);
    expect(compareApiVersions('1.100', '1.45')).toBeGreaterThan(0);
  });

  it('refuses an engine older than API 1.41', () => {
    expect(codes(plan(pod(), { ...docker, apiVersion: '1.40' }))).toContain('ENGINE_TOO_OLD');
  });
});
