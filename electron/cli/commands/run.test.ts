// `podwright run / ps / down` end to end: the real CLI process against the real Docker Engine.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Labels } from '../../../shared/plan';
import { dockerReason, requireDocker, uniqueSuffix } from '../../engines/docker/testing';
import { podwrightOnTerminal } from '../cli-process.test-support';

const engine = await requireDocker();
const exec = promisify(execFile);
const suffix = uniqueSuffix();
const env = { ...process.env, PODWRIGHT_INFRA_IMAGE: 'podwright-test/pause:1' };

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return exec(process.execPath, ['electron/cli/bin.mjs', ...args], { env, timeout: 60_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

function manifest(name: string, script: string, restartPolicy = 'Always'): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: ${restartPolicy}
  terminationGracePeriodSeconds: 0
  volumes:
    - name: scratch
      emptyDir: {}
  containers:
    - name: app
      image: podwright-test/busybox:1
      imagePullPolicy: Never
      command: [sh, -c, ${JSON.stringify(script)}]
      volumeMounts: [{name: scratch, mountPath: /scratch}]
`;
}

/** More app containers of the test image running `script`, as YAML list items to put under `containers:`. */
function containers(names: string[], script: string): string {
  return names
    .map(
      (c) => `    - name: ${c}
      image: podwright-test/busybox:1
      imagePullPolicy: Never
      command: [sh, -c, ${JSON.stringify(script)}]
`,
    )
    .join('');
}

async function labelled(name: string): Promise<number> {
  const label = [`${Labels.pod}=${name}`];
  const containers = await engine.docker.listContainers({ all: true, filters: { label } });
  const { Volumes } = await engine.docker.listVolumes({ filters: { label } });
  return containers.length + (Volumes ?? []).length;
}

describe.skipIf(dockerReason)(`podwright run / ps / down${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  let dir: string;
  const names: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pw-cli-'));
  });
  afterAll(async () => {
    for (const name of names) await cli('down', name, '--grace', '0');
    await rm(dir, { recursive: true, force: true });
  });

  it('runs detached, lists the Pod in ps, and down (by file, then again) removes it', async () => {
    const name = `cli-${suffix}`;
    names.push(name);
    const file = join(dir, 'detached.yaml');
    await writeFile(file, manifest(name, 'sleep 3600'));
    const run = await cli('run', file, '--detach');
    expect(run.stderr).toContain('Starting the infra container');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Pod ${name}: Running`);
    const ps = await cli('ps', '--json');
    const listed = (JSON.parse(ps.stdout) as { name: string; containers: { state: { startedAt?: string } }[] }[]).find(
      (p) => p.name === name,
    );
    expect(listed).toMatchObject({ name, phase: 'Running' });
    // Programs get the engine's own timestamps; people get how long it has been up, as docker ps says it.
    expect(listed!.containers[0]!.state.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/);
    const table = (await cli('ps')).stdout;
    expect(table).toMatch(new RegExp(`^Pod ${name}: Running \\(IP [\\d.]+\\), started .+ ago$`, 'm'));
    expect(table).toMatch(/^ {2}app +app +running, up [a-z0-9 ]+$/m);
    expect(table).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    const down = await cli('down', file, '--grace', '0');
    expect(down.stdout).toContain(`Removed Pod ${name}: 2 containers, 1 volume.`);
    expect(await labelled(name)).toBe(0);
    expect((await cli('down', name)).stdout).toContain('nothing to remove');
  });

  it('a file of two Pods (a design with several): run asks which, --pod runs that one, down removes both', async () => {
    const first = `cli-one-${suffix}`;
    const second = `cli-two-${suffix}`;
    names.push(first, second);
    const file = join(dir, 'two.yaml');
    await writeFile(file, `${manifest(first, 'sleep 3600')}---\n${manifest(second, 'sleep 3600')}`);
    const refused = await cli('run', file, '--detach');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`holds 2 Pods (${first}, ${second}); choose one with --pod NAME`);
    expect(await labelled(first)).toBe(0);
    const unknown = await cli('run', file, '--pod', 'nope', '--detach');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`holds no Pod named nope (it holds: ${first}, ${second})`);
    const run = await cli('run', file, '--pod', second, '--detach');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Pod ${second}: Running`);
    expect(await labelled(first)).toBe(0);
    const down = await cli('down', file, '--grace', '0');
    expect(down.stdout).toContain(`Pod ${first} does not exist; nothing to remove.`);
    expect(down.stdout).toContain(`Removed Pod ${second}: 2 containers, 1 volume.`);
    expect(await labelled(second)).toBe(0);
  });

  /** `podwright run FILE` in the foreground, off a terminal, with what it has written so far. */
  function foreground(file: string) {
    const child = spawn(process.execPath, ['electron/cli/bin.mjs', 'run', file], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const seen = { stdout: '', stderr: '' };
    child.stdout.on('data', (d: Buffer) => (seen.stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (seen.stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    return { child, seen, exited };
  }

  it("in the foreground, streams the Pod's logs after each container's name, across restarts, and Ctrl-C stops and removes the Pod", async () => {
    const name = `cli-fg-${suffix}`;
    names.push(name);
    const file = join(dir, 'fg.yaml');
    await writeFile(
      file,
      manifest(name, 'echo "run of app"; sleep 0.5; exit 3').replace(
        '  containers:\n',
        `  containers:
    - name: talkative-sidecar
      image: podwright-test/busybox:1
      imagePullPolicy: Never
      command: [sh, -c, 'echo "hello from the sidecar"; sleep 3600']
`,
      ),
    );
    const { child, seen, exited } = foreground(file);
    await expect.poll(() => seen.stderr, { timeout: 30_000 }).toContain('press Ctrl+C to stop the Pod');
    expect(seen.stderr).toContain('Attaching to talkative-sidecar, app;');
    // Both containers, names padded to the longest, in one stream; app's second run follows its restart.
    await expect
      .poll(() => seen.stdout, { timeout: 30_000 })
      .toMatch(
        /^app {15}\| run of app\n(.*\n)*app {15}\| --- restarted \(attempt 2\) ---\n(.*\n)*app {15}\| run of app$/m,
      );
    expect(seen.stdout).toMatch(/^talkative-sidecar \| hello from the sidecar$/m);
    expect(seen.stdout).toMatch(/^app {15}\| --- exited with code 3 ---$/m);
    // Off a terminal, no colour.
    expect(seen.stdout).not.toContain('\x1b');
    child.kill('SIGINT');
    // Stopped by Ctrl+C: 128 + SIGINT, as `docker compose up` and a shell say it.
    expect(await exited).toBe(130);
    expect(seen.stderr).toMatch(new RegExp(`Removed Pod ${name}: 3 containers, 1 volume\\.\\n$`));
    expect(await labelled(name)).toBe(0);
  });

  it('in the foreground, Ctrl-C waits for the grace period while the logs go on, and a second Ctrl-C stops the Pod at once, each exit said once', async () => {
    const name = `cli-fg2-${suffix}`;
    names.push(name);
    const file = join(dir, 'fg2.yaml');
    // sh as PID 1 ignores SIGTERM: only SIGKILL, after 600 s or at once, ends it. It says when it gets SIGTERM. Three
    // such containers: the forced removal deleting one before the log stream reads its exit is then all but certain.
    const stubborn = 'trap "echo got SIGTERM" TERM; echo started; while true; do sleep 1; done';
    const more = containers(['b', 'c'], stubborn);
    await writeFile(
      file,
      manifest(name, stubborn)
        .replace('terminationGracePeriodSeconds: 0', 'terminationGracePeriodSeconds: 600')
        .replace('  containers:\n', `  containers:\n${more}`),
    );
    const { child, seen, exited } = foreground(file);
    for (const c of ['app', 'b  ', 'c  '])
      await expect.poll(() => seen.stdout, { timeout: 30_000 }).toMatch(new RegExp(`^${c} \\| started$`, 'm'));
    child.kill('SIGINT');
    await expect
      .poll(() => seen.stderr, { timeout: 30_000 })
      .toMatch(
        // In the engine's order.
        new RegExp(
          `Stopping Pod ${name} \\(grace 600 s\\): sent SIGTERM to (app|b|c), (app|b|c), (app|b|c); whatever still runs after 600 s gets SIGKILL \\(Ctrl\\+C again to stop it now\\)\\.`,
        ),
      );
    // The Pod is still there, its logs still shown: what the containers say on SIGTERM.
    for (const c of ['app', 'b  ', 'c  '])
      await expect.poll(() => seen.stdout, { timeout: 30_000 }).toMatch(new RegExp(`^${c} \\| got SIGTERM$`, 'm'));
    child.kill('SIGINT');
    // Still 130: the user stopped it, nothing failed.
    expect(await exited).toBe(130);
    expect(seen.stderr).toContain(`Stopping Pod ${name} now (grace 0)…`);
    // Each container's end exactly once, after what it said: read by the log stream, or else from the removal's
    // report when the forced removal deleted the container first.
    for (const c of ['app', 'b  ', 'c  ']) {
      const exit = `${c} | --- exited with code 137 ---\n`;
      expect(seen.stdout.split(exit).length - 1, seen.stdout).toBe(1);
      expect(seen.stdout.indexOf(exit)).toBeGreaterThan(seen.stdout.indexOf(`${c} | got SIGTERM`));
    }
    expect(seen.stderr).toContain(`Removed Pod ${name}: 4 containers, 1 volume.`);
    expect(await labelled(name)).toBe(0);
  }, 120_000);

  it('in the foreground, a Pod with grace 0 stops at the first Ctrl-C, each exit said once', async () => {
    const name = `cli-fg0-${suffix}`;
    names.push(name);
    const file = join(dir, 'fg0.yaml');
    // Grace 0: nothing to wait for, so the removal kills and removes at once; the log stream may not read the exits
    // before the containers are gone. Six containers make that all but certain (one of three runs lost some with three).
    const loop = 'echo started; while true; do sleep 1; done';
    const more = containers(['b', 'c', 'd', 'e', 'f'], loop);
    await writeFile(file, manifest(name, loop).replace('  containers:\n', `  containers:\n${more}`));
    const { child, seen, exited } = foreground(file);
    for (const c of ['app', 'b  ', 'c  ', 'd  ', 'e  ', 'f  '])
      await expect.poll(() => seen.stdout, { timeout: 30_000 }).toMatch(new RegExp(`^${c} \\| started$`, 'm'));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    // sh as PID 1 ignores SIGTERM: each is killed, and says so once, as a normal stop does.
    for (const c of ['app', 'b  ', 'c  ', 'd  ', 'e  ', 'f  ']) {
      const exit = `${c} | --- exited with code 137 ---\n`;
      expect(seen.stdout.split(exit).length - 1, seen.stdout).toBe(1);
    }
    expect(seen.stderr).toContain(`Removed Pod ${name}: 7 containers, 1 volume.`);
    expect(await labelled(name)).toBe(0);
  }, 120_000);

  it('in the foreground on a terminal, paints each container its own colour, and ends with the Pod', async () => {
    const name = `cli-tty-${suffix}`;
    names.push(name);
    const file = join(dir, 'tty.yaml');
    await writeFile(
      file,
      manifest(name, 'echo one; sleep 0.3; echo two', 'Never').replace(
        '  containers:\n',
        `  containers:
    - name: other
      image: podwright-test/busybox:1
      imagePullPolicy: Never
      command: [sh, -c, 'echo three']
`,
      ),
    );
    const r = await podwrightOnTerminal('', 'run', file);
    expect(r.code, r.screen).toBe(0);
    const prefix = (colour: number, text: string) => `\x1b[${colour}m${text}\x1b[0m `;
    expect(r.screen).toContain(`${prefix(36, 'other |')}three`);
    expect(r.screen).toContain(`${prefix(32, 'app   |')}one`);
    expect(r.screen).toContain(`${prefix(32, 'app   |')}two`);
    // Every line of the Pod's, then how it ended, then what was removed.
    const ended = r.screen.indexOf(`Pod ${name}: Succeeded`);
    expect(ended).toBeGreaterThan(r.screen.indexOf('two'));
    expect(r.screen.indexOf(`Removed Pod ${name}`)).toBeGreaterThan(ended);
    expect(await labelled(name)).toBe(0);
  });

  it('in the foreground, a Pod that fails under restartPolicy Never exits 1 and is cleaned up', async () => {
    const name = `cli-fail-${suffix}`;
    names.push(name);
    const file = join(dir, 'fail.yaml');
    await writeFile(file, manifest(name, 'sleep 0.5; exit 5', 'Never'));
    const r = await cli('run', file);
    expect(r.stdout).toMatch(/terminated \(Error, exit code 5\)/);
    expect(r.stdout).toContain(`Pod ${name}: Failed`);
    expect(r.code).toBe(1);
    expect(await labelled(name)).toBe(0);
  });

  it('refuses what validate rejects, printing the same codes and paths at their lines, and exits 1', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(
      file,
      manifest(`cli-bad-${suffix}`, 'sleep 1').replace(
        'volumeMounts: [{name: scratch',
        'volumeMounts: [{name: nowhere',
      ),
    );
    const r = await cli('run', file);
    expect(r.code).toBe(1);
    const validate = await cli('validate', '--format', 'json', file);
    const [report] = JSON.parse(validate.stdout) as {
      diagnostics: { code: string; path: string; severity: string; line?: number }[];
    }[];
    const errors = report!.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['MOUNT_VOLUME_NOT_FOUND']);
    for (const d of errors) {
      expect(r.stderr).toContain(`${file}:${d.line}:`);
      expect(r.stderr).toContain(`${d.path}  ${d.code} [kubernetes]`);
    }
    expect(await labelled(`cli-bad-${suffix}`)).toBe(0);
  });

  it('asks before a run the app would ask about, and runs it with --force', async () => {
    const name = `cli-clash-${suffix}`;
    names.push(name);
    const file = join(dir, 'clash.yaml');
    const clash = manifest(name, 'sleep 3600').replace(
      '      volumeMounts: [{name: scratch, mountPath: /scratch}]\n',
      '      volumeMounts: [{name: scratch, mountPath: /scratch}]\n      ports: [{containerPort: 8080}]\n    - name: other\n      image: podwright-test/busybox:1\n      imagePullPolicy: Never\n      command: [sleep, "3600"]\n      ports: [{containerPort: 8080}]\n',
    );
    await writeFile(file, clash);
    const asked = await cli('run', file, '--detach');
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('POD_PORT_CLASH [runtime]');
    expect(asked.stderr).toContain('Run it anyway with --force');
    expect(await labelled(name)).toBe(0);
    const forced = await cli('run', file, '--detach', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`Pod ${name}`);
  });

  it('runs the Pod template of a workload file, and refuses a file with nothing to run', async () => {
    const file = join(dir, 'configmap.yaml');
    await writeFile(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: only}\ndata: {a: b}\n');
    const r = await cli('run', file, '--detach');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('holds no Pod or Pod template (it holds: ConfigMap)');
  });
});
