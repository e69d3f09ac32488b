// The same Pod YAML through Podwright (Docker) and `podman kube play`: what the containers see must agree
// (hostname, the process command line, cgroup limits, restart policy). Runs only where podman is installed.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan, type Pod } from '../../../../shared/plan';
import { PodRuntime, type PodSnapshot } from './pod-runtime';
import { dockerReason, execIn, requireDocker, uniqueSuffix } from '../testing';

const run = promisify(execFile);
const engine = await requireDocker();
const podman = existsSync('/usr/bin/podman');
const suffix = uniqueSuffix();
const BUSYBOX = 'podwright-test/busybox:1';

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `parity-${suffix}` },
  spec: {
    hostname: 'parity-host',
    restartPolicy: 'OnFailure',
    terminationGracePeriodSeconds: 0,
    containers: [
      {
        name: 'app',
        image: BUSYBOX,
        imagePullPolicy: 'Never',
        command: ['sleep'],
        args: ['3600'],
        env: [{ name: 'GREETING', value: 'hi' }],
        resources: { limits: { cpu: '200m', memory: '64Mi' } },
      },
    ],
  },
};

/** What a process inside the container observes. */
const probes: Record<string, string[]> = {
  hostname: ['hostname'],
  cmdline: ['sh', '-c', "tr '\\0' ' ' < /proc/1/cmdline"],
  memoryLimit: ['cat', '/sys/fs/cgroup/memory/memory.limit_in_bytes'],
  cpuQuota: ['cat', '/sys/fs/cgroup/cpu/cpu.cfs_quota_us'],
  greeting: ['sh', '-c', 'echo $GREETING'],
};

const dockerExec = async (id: string, cmd: string[]): Promise<string> => (await execIn(engine, id, cmd)).out;

describe.skipIf(dockerReason || !podman)(
  `parity with podman kube play${dockerReason ? ` (skipped: ${dockerReason})` : !podman ? ' (skipped: podman is not installed)' : ''}`,
  () => {
    let dir: string;
    let snapshot: PodSnapshot;
    const runtime = new PodRuntime(engine);
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'pw-parity-'));
      const { stdout } = await run('podman', ['images', '--format', '{{.Repository}}:{{.Tag}}']);
      if (!stdout.split('\n').some((l) => l.endsWith(BUSYBOX))) {
        // Copy the local test image over (save/load; nothing is pulled).
        await run('sh', ['-c', `/usr/bin/docker save ${BUSYBOX} | podman load`]);
      }
      await writeFile(join(dir, 'pod.json'), JSON.stringify(pod));
      await run('podman', ['kube', 'play', join(dir, 'pod.json')]);
      const info = await engine.info();
      if (!info.reachable) throw new Error(info.reason);
      snapshot = await runtime.run(
        plan(pod, info, { infraImage: 'podwright-test/pause:1', network: `pw-parity-${suffix}`, runId: suffix }),
      );
    }, 120_000);
    afterAll(async () => {
      await runtime.down({ name: pod.metadata!.name! }, { graceSeconds: 0 });
      await engine.docker
        .getNetwork(`pw-parity-${suffix}`)
        .remove()
        .catch(() => undefined);
      await run('podman', ['kube', 'down', join(dir, 'pod.json')]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }, 60_000);

    it('the app sees the same hostname, command line, limits and env under both', async () => {
      const id = snapshot.containers.find((c) => c.name === 'app')!.id!;
      const podmanName = `${pod.metadata!.name}-app`;
      for (const [what, cmd] of Object.entries(probes)) {
        const ours = await dockerExec(id, cmd);
        const theirs = (await run('podman', ['exec', podmanName, ...cmd])).stdout.trim();
        expect({ what, value: ours }).toEqual({ what, value: theirs });
      }
      expect(await dockerExec(id, probes.hostname!)).toBe('parity-host');
    });

    it('maps restartPolicy the same way', async () => {
      const id = snapshot.containers.find((c) => c.name === 'app')!.id!;
      const ours = (await engine.docker.getContainer(id).inspect()).HostConfig.RestartPolicy?.Name;
      const { stdout } = await run('podman', [
        'inspect',
        '--format',
        '{{.HostConfig.RestartPolicy.Name}}',
        `${pod.metadata!.name}-app`,
      ]);
      expect(ours).toBe(stdout.trim());
    });
  },
);
