// Pods on the real Docker Engine: shared namespaces, localhost, volumes, init order, ports, rollback, down, status.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Labels, plan, type Companions, type Pod, type PodSpec } from '../../../../shared/plan';
import type { Engine } from '../connection/engine';
import { PodError } from './pod-errors';
import { PodRuntime, type PodSnapshot, type PodStatusEvent } from './pod-runtime';
import { box, dockerReason, execIn, requireDocker, TEST_BUSYBOX, testPod, uniqueSuffix } from '../testing';

const engine: Engine = await requireDocker();
const BUSYBOX = TEST_BUSYBOX;
const INFRA = 'podwright-test/pause:1';
const suffix = uniqueSuffix();
const network = `pw-test-${suffix}`;
const runtime = new PodRuntime(engine);
const started: string[] = [];

function podOf(base: string, spec: Partial<PodSpec>): Pod {
  const name = `${base}-${suffix}`;
  started.push(name);
  return testPod(name, spec);
}

async function run(pod: Pod, companions: Companions = {}): Promise<PodSnapshot> {
  const info = await engine.info();
  if (!info.reachable) throw new Error(info.reason);
  return runtime.run(plan(pod, info, { infraImage: INFRA, network, runId: uniqueSuffix() }, companions));
}

const exec = (id: string, cmd: string[]): Promise<{ out: string; code: number }> => execIn(engine, id, cmd);

function idOf(s: PodSnapshot, container: string): string {
  const id = s.containers.find((c) => c.name === container)?.id;
  if (!id) throw new Error(`no container ${container} in ${JSON.stringify(s.containers.map((c) => c.name))}`);
  return id;
}

async function hostNs(id: string, ns: string): Promise<string> {
  const info = await engine.docker.getContainer(id).inspect();
  const { readlink } = await import('node:fs/promises');
  return readlink(`/proc/${info.State.Pid}/ns/${ns}`);
}

async function leftovers(name: string): Promise<{ containers: number; volumes: number }> {
  const label = [`${Labels.pod}=${name}`];
  const containers = await engine.docker.listContainers({ all: true, filters: { label } });
  const { Volumes } = await engine.docker.listVolumes({ filters: { label } });
  return { containers: containers.length, volumes: (Volumes ?? []).length };
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function runError(pod: Pod, companions: Companions = {}): Promise<PodError> {
  try {
    await run(pod, companions);
  } catch (err) {
    if (err instanceof PodError) return err;
    throw err;
  }
  throw new Error('the Pod ran, but it should have failed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '0.0.0.0', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe.skipIf(dockerReason)(`Pods on the Docker Engine${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  afterEach(async () => {
    await Promise.all(started.splice(0).map((name) => runtime.down({ name }, { graceSeconds: 0 })));
  });
  afterAll(async () => {
    await engine.docker
      .getNetwork(network)
      .remove()
      .catch(() => undefined);
  });

  it('apps share the infra network, IPC and hostname, but not its PID namespace', async () => {
    const pod = podOf('ns', { containers: [box('a', 'sleep 3600'), box('b', 'sleep 3600')] });
    const s = await run(pod);
    expect(s.phase).toBe('Running');
    expect(s.containers.map((c) => [c.name, c.role, c.state.state])).toEqual([
      ['POD', 'infra', 'running'],
      ['a', 'app', 'running'],
      ['b', 'app', 'running'],
    ]);
    const [infra, a, b] = [idOf(s, 'POD'), idOf(s, 'a'), idOf(s, 'b')];
    expect(await hostNs(a, 'net')).toBe(await hostNs(infra, 'net'));
    expect(await hostNs(b, 'net')).toBe(await hostNs(infra, 'net'));
    expect(await hostNs(a, 'ipc')).toBe(await hostNs(infra, 'ipc'));
    expect(await hostNs(a, 'pid')).not.toBe(await hostNs(infra, 'pid'));
    // Inside: the same /proc/self/ns/net in both apps, and the Pod's hostname (Podman tests "test hostname").
    expect((await exec(a, ['readlink', '/proc/self/ns/net'])).out).toBe(
      (await exec(b, ['readlink', '/proc/self/ns/net'])).out,
    );
    expect((await exec(a, ['hostname'])).out).toBe(pod.metadata!.name);
    // IPC is shared: shared memory written by one is seen by the other (bats "play with init container").
    await exec(a, ['touch', '/dev/shm/from-a']);
    expect((await exec(b, ['ls', '/dev/shm/from-a'])).code).toBe(0);
    expect((await exec(a, ['sh', '-c', 'echo $$'])).out).not.toBe('1');
  });

  it('shares the PID namespace with shareProcessNamespace', async () => {
    const s = await run(
      podOf('pid', { shareProcessNamespace: true, containers: [box('a', 'sleep 3600'), box('b', 'sleep 3601')] }),
    );
    expect(await hostNs(idOf(s, 'a'), 'pid')).toBe(await hostNs(idOf(s, 'POD'), 'pid'));
    expect((await exec(idOf(s, 'a'), ['ps'])).out).toContain('sleep 3601');
  });

  it('one container reaches another on localhost, and a hostPort answers on the host', async () => {
    const port = await freePort();
    const s = await run(
      podOf('web', {
        containers: [
          box('web', 'mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 80 -h /www', {
            ports: [{ containerPort: 80, hostPort: port }],
          }),
          box('client', 'sleep 3600'),
        ],
      }),
    );
    const fromClient = await until(
      () => exec(idOf(s, 'client'), ['wget', '-qO-', 'http://localhost:80/']),
      (r) => r.code === 0,
    );
    expect(fromClient.out).toBe('ok');
    const fromHost = await until(
      () =>
        fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.text(),
          () => '',
        ),
      (t) => t.trim() === 'ok',
    );
    expect(fromHost.trim()).toBe('ok');
  });

  it('a sidecar reads what the app writes to a shared emptyDir (also as a non-root user)', async () => {
    const pod = podOf('share', {
      volumes: [{ name: 'data', emptyDir: {} }],
      containers: [
        box('writer', 'echo hello > /data/msg && sleep 3600', {
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
          securityContext: { runAsUser: 1000 },
        }),
        box('reader', 'sleep 3600', { volumeMounts: [{ name: 'data', mountPath: '/shared', readOnly: true }] }),
      ],
    });
    const s = await run(pod);
    const read = await until(
      () => exec(idOf(s, 'reader'), ['cat', '/shared/msg']),
      (r) => r.code === 0,
    );
    expect(read.out).toBe('hello');
    expect((await exec(idOf(s, 'reader'), ['touch', '/shared/nope'])).code).not.toBe(0);
    // emptyDir lifecycle (Podman "with emptyDir volume"): one volume while the Pod runs, none after down.
    expect((await leftovers(pod.metadata!.name!)).volumes).toBe(1);
    expect(await runtime.down({ name: pod.metadata!.name! }, { graceSeconds: 0 })).toEqual({
      containers: 3,
      volumes: 1,
    });
    expect(await leftovers(pod.metadata!.name!)).toEqual({ containers: 0, volumes: 0 });
    expect(await runtime.down({ name: pod.metadata!.name! })).toEqual({ containers: 0, volumes: 0 });
  });

  it('runs init containers in order before the apps', async () => {
    const s = await run(
      podOf('init', {
        volumes: [{ name: 'work', emptyDir: {} }],
        initContainers: [
          box('one', 'echo one >> /work/log', { volumeMounts: [{ name: 'work', mountPath: '/work' }] }),
          box('two', 'echo two >> /work/log', { volumeMounts: [{ name: 'work', mountPath: '/work' }] }),
        ],
        containers: [
          box('app', 'cat /work/log > /work/seen; sleep 3600', {
            volumeMounts: [{ name: 'work', mountPath: '/work' }],
          }),
        ],
      }),
    );
    expect(s.phase).toBe('Running');
    expect(s.containers.filter((c) => c.role === 'init').map((c) => [c.name, c.state])).toEqual([
      ['one', expect.objectContaining({ state: 'terminated', exitCode: 0, reason: 'Completed' })],
      ['two', expect.objectContaining({ state: 'terminated', exitCode: 0, reason: 'Completed' })],
    ]);
    const seen = await until(
      () => exec(idOf(s, 'app'), ['cat', '/work/seen']),
      (r) => r.out.length > 0,
    );
    expect(seen.out).toBe('one\ntwo');
  });

  it('a failing init container stops the Pod with its exit code and leaves nothing behind', async () => {
    const pod = podOf('initfail', {
      restartPolicy: 'Never',
      volumes: [{ name: 'work', emptyDir: {} }],
      initContainers: [box('ok', 'true'), box('migrate', 'echo "schema is broken" >&2; exit 3')],
      containers: [box('app', 'sleep 3600', { volumeMounts: [{ name: 'work', mountPath: '/work' }] })],
    });
    const err = await runError(pod);
    expect(err.code).toBe('INIT_FAILED');
    expect(err.details).toMatchObject({ container: 'migrate', exitCode: 3 });
    expect(err.details.logs).toContain('schema is broken');
    expect(err.message).toMatch(/Init container "migrate" exited with code 3/);
    expect(await leftovers(pod.metadata!.name!)).toEqual({ containers: 0, volumes: 0 });
  });

  it('a host port already taken fails clearly and leaves nothing behind', async () => {
    const server: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '0.0.0.0', () => resolve((server.address() as { port: number }).port)),
    );
    try {
      const pod = podOf('taken', {
        volumes: [{ name: 'tmp', emptyDir: {} }],
        containers: [
          box('web', 'sleep 3600', {
            ports: [{ containerPort: 80, hostPort: port }],
            volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
          }),
        ],
      });
      const err = await runError(pod);
      expect(err.code).toBe('PORT_TAKEN');
      expect(err.message).toContain(`Host port ${port} is already in use`);
      expect(err.details.container).toBe('POD');
      expect(await leftovers(pod.metadata!.name!)).toEqual({ containers: 0, volumes: 0 });
    } finally {
      server.close();
    }
  });

  it('a missing image under imagePullPolicy Never names the container and rolls back', async () => {
    const pod = podOf('noimg', {
      containers: [
        box('ok', 'sleep 3600'),
        { name: 'ghost', image: `podwright-test/none-${suffix}:1`, imagePullPolicy: 'Never' },
      ],
    });
    const err = await runError(pod);
    expect(err.code).toBe('IMAGE_MISSING');
    expect(err.details.container).toBe('ghost');
    expect(err.message).toMatch(/not on this machine/);
    expect(await leftovers(pod.metadata!.name!)).toEqual({ containers: 0, volumes: 0 });
  });

  it('refuses to run a Pod twice, and the running one is left as it was', async () => {
    const pod = podOf('twice', { containers: [box('a', 'sleep 3600')] });
    const first = await run(pod);
    expect((await runError(pod)).code).toBe('POD_EXISTS');
    const now = await runtime.snapshot({ name: pod.metadata!.name! });
    expect(now?.containers.map((c) => [c.name, c.id, c.state.state])).toEqual(
      first.containers.map((c) => [c.name, c.id, 'running']),
    );
  });

  it('what a crashed Pod left (its infra gone) stops a new run, which leaves no infra of its own behind', async () => {
    // The infra is created while the checks run, so the check must not count it, yet must see the leftovers.
    const pod = podOf('leftover', { containers: [box('a', 'sleep 3600')] });
    const first = await run(pod);
    await engine.docker.getContainer(idOf(first, 'POD')).remove({ force: true });
    const err = await runError(pod);
    expect(err.code).toBe('POD_EXISTS');
    const left = await engine.docker.listContainers({
      all: true,
      filters: { label: [`${Labels.pod}=${pod.metadata!.name!}`] },
    });
    expect(left.map((c) => c.Labels[Labels.role])).toEqual(['app']);
  });

  it('creates the project network on first use, while the infra container is already being created', async () => {
    const fresh = `pw-test-fresh-${suffix}`;
    const pod = podOf('freshnet', { containers: [box('a', 'sleep 3600')] });
    const info = await engine.info();
    if (!info.reachable) throw new Error(info.reason);
    try {
      const s = await runtime.run(plan(pod, info, { infraImage: INFRA, network: fresh, runId: uniqueSuffix() }));
      expect(s.phase).toBe('Running');
      const infra = await engine.docker.getContainer(idOf(s, 'POD')).inspect();
      expect(Object.keys(infra.NetworkSettings.Networks)).toEqual([fresh]);
      expect(infra.NetworkSettings.Networks[fresh]?.Aliases).toContain(pod.metadata!.name!);
    } finally {
      await runtime.down({ name: pod.metadata!.name! }, { graceSeconds: 0 });
      await engine.docker
        .getNetwork(fresh)
        .remove()
        .catch(() => undefined);
    }
  });

  it('reports the phase from Docker events: Succeeded and Failed under restartPolicy Never', async () => {
    const events: PodStatusEvent[] = [];
    const stop = new AbortController();
    const okPod = podOf('done', {
      restartPolicy: 'Never',
      containers: [box('a', 'sleep 0.3; exit 0'), box('b', 'sleep 0.5; exit 0')],
    });
    const badPod = podOf('fail', { restartPolicy: 'Never', containers: [box('a', 'sleep 0.3; exit 4')] });
    const watching = runtime.watch({}, (e) => events.push(e), stop.signal);
    await new Promise((r) => setTimeout(r, 200));
    await Promise.all([run(okPod), run(badPod)]);
    const phaseOf = (name: string): string | undefined =>
      events
        .filter((e): e is Extract<PodStatusEvent, { kind: 'status' }> => e.kind === 'status' && e.pod.name === name)
        .at(-1)?.pod.phase;
    await expect.poll(() => phaseOf(okPod.metadata!.name!), { timeout: 10_000 }).toBe('Succeeded');
    await expect.poll(() => phaseOf(badPod.metadata!.name!), { timeout: 10_000 }).toBe('Failed');
    const last = events.filter((e) => e.kind === 'status' && e.pod.name === badPod.metadata!.name).at(-1);
    expect(last?.kind === 'status' && last.pod.containers.find((c) => c.name === 'a')?.state).toMatchObject({
      state: 'terminated',
      exitCode: 4,
      reason: 'Error',
    });
    expect(events.some((e) => e.kind === 'progress' && e.stage === 'running')).toBe(true);
    stop.abort();
    await watching;
  });

  it('lists Pods by label and stops them gracefully (SIGTERM, then the grace period)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-term-'));
    try {
      const pod = podOf('graceful', {
        terminationGracePeriodSeconds: 5,
        volumes: [{ name: 'out', hostPath: { path: dir, type: 'Directory' } }],
        containers: [
          box('app', "trap 'echo TERMINATED > /out/t; exit 0' TERM; while true; do sleep 0.1; done", {
            volumeMounts: [{ name: 'out', mountPath: '/out' }],
          }),
        ],
      });
      await run(pod);
      const listed = await runtime.list();
      expect(listed.find((p) => p.name === pod.metadata!.name)).toMatchObject({
        phase: 'Running',
        namespace: 'default',
      });
      const stopped = await runtime.stop({ name: pod.metadata!.name! });
      expect(stopped?.containers.find((c) => c.name === 'app')?.state).toMatchObject({
        state: 'terminated',
        exitCode: 0,
      });
      expect((await readFile(join(dir, 't'), 'utf8')).trim()).toBe('TERMINATED');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fills configMap and secret volumes from the document and resolves env from them', async () => {
    const pod = podOf('cfg', {
      volumes: [
        { name: 'cfg', configMap: { name: 'settings', items: [{ key: 'FOO', path: 'conf/BAR' }] } },
        { name: 'sec', secret: { secretName: 'creds', defaultMode: 0o400 } },
      ],
      containers: [
        box('app', 'sleep 3600', {
          env: [
            { name: 'GREETING', valueFrom: { configMapKeyRef: { name: 'settings', key: 'FOO' } } },
            { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          ],
          volumeMounts: [
            { name: 'cfg', mountPath: '/etc/cfg' },
            { name: 'sec', mountPath: '/etc/sec' },
          ],
        }),
      ],
    });
    const s = await run(pod, {
      configMaps: [{ kind: 'ConfigMap', metadata: { name: 'settings' }, data: { FOO: 'foobar', OTHER: 'x' } }],
      secrets: [
        { kind: 'Secret', metadata: { name: 'creds' }, data: { token: Buffer.from('t0k3n').toString('base64') } },
      ],
    });
    const app = idOf(s, 'app');
    expect((await exec(app, ['cat', '/etc/cfg/conf/BAR'])).out).toBe('foobar');
    expect((await exec(app, ['ls', '/etc/cfg'])).out).toBe('conf');
    expect((await exec(app, ['cat', '/etc/sec/token'])).out).toBe('t0k3n');
    expect((await exec(app, ['stat', '-c', '%a', '/etc/sec/token'])).out).toBe('400');
    const env = (await exec(app, ['env'])).out.split('\n');
    expect(env).toContain('GREETING=foobar');
    expect(env).toContain(`POD_NAME=${pod.metadata!.name}`);
    expect(env).toContain(`POD_IP=${s.podIP}`);
    expect(s.podIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('a failed pull (IfNotPresent, image absent) and a container that cannot start name the container and roll back', async () => {
    const pull = podOf('pull', {
      volumes: [{ name: 'd', emptyDir: {} }],
      containers: [
        box('ok', 'sleep 3600', { volumeMounts: [{ name: 'd', mountPath: '/d' }] }),
        { name: 'remote', image: '127.0.0.1:1/podwright/none:1', imagePullPolicy: 'IfNotPresent' },
      ],
    });
    const pullErr = await runError(pull);
    expect(pullErr.code).toBe('IMAGE_PULL_FAILED');
    expect(pullErr.details.container).toBe('remote');
    expect(await leftovers(pull.metadata!.name!)).toEqual({ containers: 0, volumes: 0 });

    const start = podOf('nostart', {
      volumes: [{ name: 'd', emptyDir: {} }],
      containers: [
        box('fine', 'sleep 3600', { volumeMounts: [{ name: 'd', mountPath: '/d' }] }),
        { name: 'broken', image: BUSYBOX, imagePullPolicy: 'Never', command: ['/no/such/binary'] },
      ],
    });
    const startErr = await runError(start);
    expect(startErr.details.container).toBe('broken');
    expect(startErr.message).toMatch(/container "broken"/);
    expect(await leftovers(start.metadata!.name!)).toEqual({ containers: 0, volumes: 0 });
  });

  it('starts a native sidecar (init container with restartPolicy Always) before the apps and keeps it running', async () => {
    const s = await run(
      podOf('sidecar', {
        volumes: [{ name: 'm', emptyDir: { medium: 'Memory' } }],
        initContainers: [
          box('side', 'echo from-side > /m/f; sleep 3600', {
            restartPolicy: 'Always',
            volumeMounts: [{ name: 'm', mountPath: '/m' }],
          }),
        ],
        containers: [box('app', 'sleep 3600', { volumeMounts: [{ name: 'm', mountPath: '/m' }] })],
      }),
    );
    expect(s.containers.find((c) => c.name === 'side')).toMatchObject({ role: 'sidecar', state: { state: 'running' } });
    expect(s.phase).toBe('Running');
    // A Memory emptyDir is one tmpfs shared by the Pod, not one per container.
    const read = await until(
      () => exec(idOf(s, 'app'), ['cat', '/m/f']),
      (r) => r.code === 0,
    );
    expect(read.out).toBe('from-side');
    expect((await exec(idOf(s, 'app'), ['sh', '-c', 'grep " /m " /proc/mounts'])).out).toContain('tmpfs');
  });

  it('hostNetwork: the apps see the host network and the host name (Podman "hostname ... hostNetwork=true")', async () => {
    const { hostname } = await import('node:os');
    const s = await run(podOf('hostnet', { hostNetwork: true, containers: [box('app', 'sleep 3600')] }));
    expect((await exec(idOf(s, 'app'), ['hostname'])).out).toBe(hostname());
    expect(await hostNs(idOf(s, 'app'), 'net')).toBe(
      await (await import('node:fs/promises')).readlink('/proc/self/ns/net'),
    );
  });

  describe('parity with Podman kube play tests (reference §6)', () => {
    it('customized hostname; command/args mapping; restartPolicy; resource limits; grace period', async () => {
      const pod = podOf('parity', {
        hostname: 'myhost',
        restartPolicy: 'OnFailure',
        terminationGracePeriodSeconds: 20,
        containers: [
          box('cmd', 'sleep 3600', {
            args: ['ignored-by-sh'],
            resources: { limits: { cpu: '200m', memory: '20M' }, requests: { memory: '10M' } },
          }),
          { name: 'image', image: BUSYBOX, imagePullPolicy: 'Never', args: ['sleep', '3600'] },
        ],
      });
      const s = await run(pod);
      const cmd = await engine.docker.getContainer(idOf(s, 'cmd')).inspect();
      expect(cmd.Config.Entrypoint).toEqual(['sh', '-c', 'sleep 3600']);
      expect(cmd.Config.Cmd).toEqual(['ignored-by-sh']);
      expect(cmd.HostConfig).toMatchObject({
        CpuQuota: 20000,
        CpuPeriod: 100000,
        Memory: 20000000,
        MemoryReservation: 10000000,
      });
      expect(cmd.HostConfig.RestartPolicy?.Name).toBe('on-failure');
      expect((cmd.Config as { StopTimeout?: number }).StopTimeout).toBe(20);
      expect((await exec(idOf(s, 'cmd'), ['hostname'])).out).toBe('myhost');
      const image = await engine.docker.getContainer(idOf(s, 'image')).inspect();
      expect(image.Config.Cmd).toEqual(['sleep', '3600']);
    });

    it('hostPath types: DirectoryOrCreate and FileOrCreate create, missing File and non-socket fail, readOnly is read-only', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'pw-host-'));
      try {
        await writeFile(join(dir, 'existing'), 'x');
        const s = await run(
          podOf('hostpath', {
            volumes: [
              { name: 'made', hostPath: { path: join(dir, 'a/b/c'), type: 'DirectoryOrCreate' } },
              { name: 'file', hostPath: { path: join(dir, 'f/new.txt'), type: 'FileOrCreate' } },
              { name: 'ro', hostPath: { path: dir } },
            ],
            containers: [
              box('app', 'sleep 3600', {
                volumeMounts: [
                  { name: 'made', mountPath: '/made' },
                  { name: 'file', mountPath: '/file.txt' },
                  { name: 'ro', mountPath: '/ro', readOnly: true },
                ],
              }),
            ],
          }),
        );
        expect((await stat(join(dir, 'a/b/c'))).isDirectory()).toBe(true);
        expect((await stat(join(dir, 'f/new.txt'))).isFile()).toBe(true);
        expect((await exec(idOf(s, 'app'), ['cat', '/ro/existing'])).out).toBe('x');
        expect((await exec(idOf(s, 'app'), ['touch', '/ro/nope'])).code).not.toBe(0);
        const info = await engine.docker.getContainer(idOf(s, 'app')).inspect();
        expect(info.Mounts.find((m) => m.Destination === '/ro')?.RW).toBe(false);

        const missing = await runError(
          podOf('nofile', {
            volumes: [{ name: 'f', hostPath: { path: join(dir, 'missing'), type: 'File' } }],
            containers: [box('app', 'sleep 1', { volumeMounts: [{ name: 'f', mountPath: '/f' }] })],
          }),
        );
        expect(missing.code).toBe('HOSTPATH_INVALID');
        expect(missing.message).toContain('does not exist');
        const notSocket = await runError(
          podOf('nosock', {
            volumes: [{ name: 's', hostPath: { path: join(dir, 'existing'), type: 'Socket' } }],
            containers: [box('app', 'sleep 1', { volumeMounts: [{ name: 's', mountPath: '/s' }] })],
          }),
        );
        expect(notSocket.code).toBe('HOSTPATH_INVALID');
        const badMount = await runError(
          podOf('badmount', {
            volumes: [{ name: 'gone', hostPath: { path: join(dir, 'not-there') } }],
            containers: [box('app', 'sleep 1', { volumeMounts: [{ name: 'gone', mountPath: '/g' }] })],
          }),
        );
        expect(badMount.code).toBe('MOUNT_FAILED');
        expect(badMount.details.container).toBe('app');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});

beforeAll(() => {
  if (dockerReason) console.warn(`Docker tests skipped: ${dockerReason}`);
});
