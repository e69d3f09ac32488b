// Podman through its Docker-compatible socket: a service started by the test on a socket of its own, a 2-container
// Pod run from the same plan as on Docker (shared network namespace, the Pod's hostname), then logs and exec on it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan, type Plan } from '../../../shared/plan';
import { Engine, execCapture, streamPodLogs, type PodLogEvent } from '../docker';
import { detectEngines, defaultDetectDeps } from './engines';
import { uniqueSuffix } from '../docker/testing';

const IMAGES = ['podwright-test/busybox:1', 'podwright-test/pause:1'];

function isCi(): boolean {
  const ci = process.env.CI?.toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

const podmanMissing = spawnSync('podman', ['--version']).error ? 'podman is not installed' : undefined;
if (podmanMissing && isCi()) throw new Error(`CI needs Podman for these tests (.ci/run installs podman and catatonit): ${podmanMissing}`);

async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `docker save IMAGE | podman load`, without a shell. */
async function copyImageToPodman(image: string): Promise<void> {
  if (spawnSync('podman', ['image', 'exists', image]).status === 0) return;
  const save = spawn('docker', ['save', image], { stdio: ['ignore', 'pipe', 'inherit'] });
  const load = spawn('podman', ['load'], { stdio: ['pipe', 'ignore', 'pipe'] });
  save.stdout.pipe(load.stdin);
  let stderr = '';
  load.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => load.on('close', resolve));
  if (code !== 0) throw new Error(`podman load of ${image} failed: ${stderr}`);
}

describe.skipIf(podmanMissing)(`Podman's Docker-compatible socket${podmanMissing ? ` (skipped: ${podmanMissing})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-podman-'));
  const socket = join(dir, 'podman.sock');
  let service: ChildProcess | undefined;
  let engine: Engine;
  let pod: Plan;

  beforeAll(async () => {
    service = spawn('podman', ['system', 'service', '--time=0', `unix://${socket}`], { stdio: 'ignore' });
    await waitFor(() => existsSync(socket), 20_000, 'the podman socket');
    engine = new Engine({ host: `unix://${socket}` });
    await waitFor(async () => (await engine.info()).reachable, 20_000, 'podman to answer');
    for (const image of IMAGES) await copyImageToPodman(image);
  }, 120_000);

  afterAll(async () => {
    if (pod && engine) {
      const docker = engine.docker;
      for (const c of [...pod.apps, pod.infra]) {
        // Kill first: a forced remove stops with the grace period, longer than a call is given.
        await docker.getContainer(c.name).kill().catch(() => undefined);
        await docker.getContainer(c.name).remove({ force: true }).catch(() => undefined);
      }
      if (pod.network) await docker.getNetwork(pod.network.name).remove().catch(() => undefined);
    }
    service?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('reports itself as Podman and is detected as a Podman socket', async () => {
    const status = await engine.info();
    expect(status).toMatchObject({ reachable: true, name: 'Podman' });
    const deps = { ...defaultDetectDeps(), env: { XDG_RUNTIME_DIR: dir } };
    // The rootless path is $XDG_RUNTIME_DIR/podman/podman.sock; this socket sits at $dir/podman.sock, so point there.
    expect(detectEngines({ ...deps, exists: (p) => p === join(dir, 'podman', 'podman.sock') || p === socket })).toContainEqual(
      expect.objectContaining({ kind: 'podman-rootless', host: `unix://${join(dir, 'podman', 'podman.sock')}` }),
    );
  });

  it('runs a 2-container Pod from the plan: one network namespace, the Pod hostname everywhere, logs and exec', async () => {
    const status = await engine.info();
    if (!status.reachable) throw new Error(status.reason);
    const name = `pw-podman-${uniqueSuffix()}`;
    pod = plan(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name },
        spec: {
          containers: [
            { name: 'web', image: IMAGES[0]!, command: ['sh', '-c', 'echo web-ready; exec httpd -f -p 8080 -h /etc'] },
            { name: 'probe', image: IMAGES[0]!, command: ['sh', '-c', 'echo probe-ready; exec sleep 300'] },
          ],
        },
      },
      { name: status.name, apiVersion: status.apiVersion },
      { infraImage: IMAGES[1], network: `pw-podman-net-${uniqueSuffix()}` },
    );
    expect(pod.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const docker = engine.docker;
    // Podman rejects EndpointsConfig for its default "bridge" (reference §7); the plan uses a network of its own.
    await docker.createNetwork(pod.network!.body);
    for (const c of [pod.infra, ...pod.apps]) {
      await docker.createContainer({ name: c.name, ...c.body } as never);
      await docker.getContainer(c.name).start();
    }

    const netns = async (container: string) =>
      (await execCapture(docker, { pod: name, container }, ['readlink', '/proc/self/ns/net'])).stdout.trim();
    const [webNs, probeNs] = [await netns('web'), await netns('probe')];
    expect(webNs).toMatch(/^net:\[\d+\]$/);
    expect(probeNs).toBe(webNs);
    const infraPid = (await docker.getContainer(pod.infra.name).inspect()).State.Pid;
    expect(infraPid).toBeGreaterThan(0);

    // Docker copies the infra's hostname to joiners; on Podman the plan joins its UTS namespace to get the same.
    for (const container of ['web', 'probe']) {
      const host = await execCapture(docker, { pod: name, container }, ['hostname']);
      expect(host).toMatchObject({ exitCode: 0, stdout: `${name}\n` });
    }

    // localhost is shared: the probe reaches the web server over the Pod's loopback.
    const fetched = await execCapture(docker, { pod: name, container: 'probe' }, ['wget', '-qO-', 'http://localhost:8080/hostname']);
    expect(fetched.exitCode).toBe(0);

    // Exec with stdin gets exactly what was sent: no JSON echoed in (Podman's attach quirk).
    const echoed = await execCapture(docker, { pod: name, container: 'probe' }, ['cat'], { stdin: 'only this\n' });
    expect(echoed).toMatchObject({ exitCode: 0, stdout: 'only this\n' });

    const events: PodLogEvent[] = [];
    await streamPodLogs(docker, { pod: name }, (e) => events.push(e), new AbortController().signal);
    const lines = events.flatMap((e) => (e.kind === 'line' ? [[e.container, e.text]] : []));
    expect(lines).toContainEqual(['web', 'web-ready']);
    expect(lines).toContainEqual(['probe', 'probe-ready']);
    // Podman's timestamps parse too, so its lines merge in time order like Docker's.
    for (const e of events) if (e.kind === 'line') expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  }, 120_000);
});
