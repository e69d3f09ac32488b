// `podwright run` killed with -9 while an init container runs: its app container is created and will never start.
// The Pod's status says the run was interrupted and how to remove what it left, instead of "ContainerCreating" forever.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PodRuntime } from '../../engines/docker';
import { dockerReason, requireDocker, uniqueSuffix } from '../../engines/docker/testing';

const engine = await requireDocker();
const name = `cli-killed-${uniqueSuffix()}`;
const runtime = new PodRuntime(engine);

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  terminationGracePeriodSeconds: 0
  initContainers:
    - name: migrate
      image: podwright-test/busybox:1
      imagePullPolicy: Never
      command: [sh, -c, "sleep 30"]
  containers:
    - name: app
      image: podwright-test/busybox:1
      imagePullPolicy: Never
      command: [sh, -c, "sleep 3600"]
`;

describe.skipIf(dockerReason)(
  `podwright run killed mid-run${dockerReason ? ` (skipped: ${dockerReason})` : ''}`,
  () => {
    let dir: string | undefined;
    afterAll(async () => {
      await runtime.down({ name }, { graceSeconds: 0 });
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('the Pod it left is Failed, reason RunInterrupted, naming podwright down', async () => {
      dir = await mkdtemp(join(tmpdir(), 'pw-cli-killed-'));
      const file = join(dir, 'pod.yaml');
      await writeFile(file, manifest);
      const child = spawn(process.execPath, ['electron/cli/bin.mjs', 'run', file], {
        env: { ...process.env, PODWRIGHT_INFRA_IMAGE: 'podwright-test/pause:1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_, signal) => resolve(signal)),
      );
      // Killed the moment it waits on the init container: the app is created, not started.
      let stderr = '';
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('Running init container "migrate"')) resolve();
        });
        child.once('exit', () => reject(new Error(`podwright run ended before its init container ran:\n${stderr}`)));
      });
      // While that process lives, its Pod is merely starting.
    const starting = (await runtime.snapshot({ name }))!;
    expect(starting.phase).toBe('Pending');
    expect(starting.reason).toBeUndefined();
    child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      const pod = (await runtime.snapshot({ name }))!;
      expect(pod.containers.find((c) => c.name === 'app')!.state).toMatchObject({ state: 'waiting' });
      expect(pod.phase).toBe('Failed');
      expect(pod.reason).toBe('RunInterrupted');
      expect(pod.message).toBe(
        `The run that started Pod "${name}" was interrupted (its process is gone) and left 3 containers that nothing ` +
          `will start. Remove them with "podwright down ${name}".`,
      );
      // podwright ps says the same.
      expect((await runtime.list()).find((p) => p.name === name)!.reason).toBe('RunInterrupted');
    }, 60_000);
  },
);
