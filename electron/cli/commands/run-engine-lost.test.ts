// `podwright run` as a process, losing its engine while it waits on an init container (a socket proxy in front of
// Docker, given as DOCKER_HOST, that is cut mid-run): it exits non-zero with what it was doing and what is left (it
// exited 13 with nothing printed), and the command it names removes what is left.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Labels } from '../../../shared/plan';
import { EngineProxy } from '../../engines/docker/connection/engine-proxy.test-support';
import { dockerReason, requireDocker, uniqueSuffix } from '../../engines/docker/testing';

const engine = await requireDocker();
const exec = promisify(execFile);
const suffix = uniqueSuffix();
const namespace = `ns-${suffix}`;
const names: string[] = [];

function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return exec(process.execPath, ['electron/cli/bin.mjs', ...args], {
    env: { ...process.env, PODWRIGHT_INFRA_IMAGE: 'podwright-test/pause:1', ...env },
    timeout: 60_000,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** A Pod with an emptyDir and an app; with `init`, an init container that takes 20 s first. */
function manifest(name: string, init: boolean): string {
  names.push(name);
  const initContainers = `
  initContainers:
    - name: migrate
      image: podwright-test/busybox:1
      imagePullPolicy: Never
      command: [sh, -c, "sleep 20"]
      volumeMounts: [{name: scratch, mountPath: /s}]`;
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  terminationGracePeriodSeconds: 0
  volumes:
    - name: scratch
      emptyDir: {}${init ? initContainers : ''}
  containers:
    - name: app
      image: podwright-test/busybox:1
      imagePullPolicy: Never
      command: [sh, -c, "sleep 3600"]
      volumeMounts: [{name: scratch, mountPath: /s}]
`;
}

/** The Pod's containers and volumes on the real engine, by Docker name. */
async function onEngine(name: string): Promise<string[]> {
  const label = [`${Labels.pod}=${name}`];
  const containers = await engine.docker.listContainers({ all: true, filters: { label } });
  const { Volumes } = await engine.docker.listVolumes({ filters: { label } });
  return [...containers.map((c) => c.Names[0]!.replace(/^\//, '')), ...(Volumes ?? []).map((v) => v.Name)].sort();
}

describe.skipIf(dockerReason)(
  `podwright run losing its engine${dockerReason ? ` (skipped: ${dockerReason})` : ''}`,
  () => {
    const proxy = new EngineProxy({ target: engine.resolved.modem.socketPath });
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'pw-cli-lost-'));
    });
    afterAll(async () => {
      await proxy.close();
      for (const name of names) await cli({}, 'down', name, '-n', namespace, '--grace', '0');
      await rm(dir, { recursive: true, force: true });
    });

    it('a file it cannot read exits 2 at once, though the engine it asked ahead does not answer', async () => {
      await proxy.start();
      proxy.freeze();
      try {
        const started = Date.now();
        const run = await cli({ DOCKER_HOST: proxy.host }, 'run', join(dir, 'missing.yaml'), '--detach');
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).toContain('no such file');
        // It asks the engine while it reads the file; a frozen engine kept it 20 s (a quiet call's ping, then its own).
        expect(Date.now() - started).toBeLessThan(5000);
      } finally {
        proxy.thaw();
      }
    }, 60_000);

    it('lost during an init container: exits 1 saying what it was doing and what is left; the podwright down it names removes that', async () => {
      const name = `cli-lost-${suffix}`;
      const file = join(dir, 'init.yaml');
      await writeFile(file, manifest(name, true));
      await proxy.start();
      // The engine answers the wait's head at once and its body when the init container exits: cut in between.
      proxy.when(/POST \S*\/containers\/\w+\/wait/, () => setTimeout(() => void proxy.stop(), 300));
      const run = await cli({ DOCKER_HOST: proxy.host }, 'run', file, '--detach');
      expect(run.code).toBe(1);
      const left = await onEngine(name);
      expect(left).toHaveLength(4); // infra, init, app, and the emptyDir's volume
      const said =
        /podwright: Lost the connection to the Docker Engine at (\S+) while (.*); left on the engine: (.*)\. Once it is back, remove them with "(.*)"\.\n/.exec(
          run.stderr,
        );
      expect(said, run.stderr).not.toBeNull();
      const [, at, doing, leftNames, down] = said!;
      expect(at).toBe(proxy.host);
      expect(doing).toBe('waiting for init container "migrate"');
      expect(leftNames!.split(', ').sort()).toEqual(left);
      expect(down).toBe(`podwright down ${name} -n ${namespace}`);
      // The command it names, against the engine once it is back (here: the real one), removes all of it.
      const removed = await cli({}, ...down!.split(' ').slice(1), '--grace', '0');
      expect(removed.code, removed.stderr).toBe(0);
      expect(await onEngine(name)).toEqual([]);
    }, 90_000);

    it('lost while following the Pod it started: exits 1 saying the Pod is left and how to remove it', async () => {
      const name = `cli-follow-${suffix}`;
      const file = join(dir, 'follow.yaml');
      await writeFile(file, manifest(name, false));
      await proxy.start();
      // The run is done once it follows the Pod's events: the engine goes away then.
      proxy.when(/GET \S*\/events/, () => setTimeout(() => void proxy.stop(), 300));
      const run = await cli({ DOCKER_HOST: proxy.host }, 'run', file);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).toContain(`Pod ${namespace}/${name}: Running`);
      expect(run.stderr).toContain(`podwright: Lost the connection to the Docker Engine at ${proxy.host}`);
      expect(run.stderr).toContain(
        `Pod ${name} is left on the engine; once it is back, remove it with "podwright down ${name} -n ${namespace}".`,
      );
      expect(await onEngine(name)).toHaveLength(3); // infra, app and the emptyDir's volume
    }, 90_000);
  },
);
