// `podwright logs` and `podwright exec`, spawned as a user runs them, against labelled containers on Docker.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineLines, startFakePod, waitExited, type FakePod } from '../../engines/docker/logs/logs-testing';
import { dockerReason, requireDocker } from '../../engines/docker/testing';

const engine = await requireDocker();
const configDir = mkdtempSync(join(tmpdir(), 'pw-cli-logs-'));

function cli(args: string[], options: { stdin?: string; killAfterMs?: number } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['electron/cli/bin.mjs', ...args], {
      env: { ...process.env, PODWRIGHT_CONFIG_DIR: configDir, NO_COLOR: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(options.stdin ?? '');
    if (options.killAfterMs) setTimeout(() => child.kill('SIGINT'), options.killAfterMs);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The containers' lines as `[name] text`, sorted by the timestamps the engine gave them: the order to expect. */
async function engineOrder(pod: FakePod, names: string[]): Promise<string[]> {
  const lines: { at: [number, number]; text: string }[] = [];
  for (const name of names)
    for (const line of await engineLines(engine.docker, pod.ids[name]!))
      lines.push({ ...line, text: `[${name}] ${line.text}` });
  return lines.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]).map((l) => l.text);
}

describe.skipIf(dockerReason)(`podwright logs / exec${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  let pod: FakePod;
  beforeAll(async () => {
    pod = await startFakePod(
      engine.docker,
      [
        // 200 ms apart: stdout and stderr are separate pipes that Docker timestamps independently.
        { name: 'web', script: 'echo web-1; sleep 0.4; echo web-2; sleep 0.2; echo web-err >&2' },
        { name: 'db', script: 'sleep 0.2; echo db-1; sleep 0.6; echo db-2' },
        { name: 'shell', script: 'sleep 300' },
      ],
      'pw-cli',
    );
    await waitExited(engine.docker, [pod.ids.web!, pod.ids.db!]);
  });
  afterAll(async () => {
    await pod?.remove();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('prints every container merged in time order, prefixed and uncoloured when piped', async () => {
    const out = await cli(['logs', pod.pod]);
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    const shown = lines.filter((l) => !l.startsWith('[shell]'));
    expect([...shown].sort()).toEqual(['[db] db-1', '[db] db-2', '[web] web-1', '[web] web-2', '[web] web-err']);
    // In the engine's own time order: on a loaded machine the two containers start far enough apart to reorder them.
    expect(shown).toEqual(await engineOrder(pod, ['web', 'db']));
    expect(out.stdout).not.toContain('\x1b[');
  });

  it('filters containers, tails and shows timestamps', async () => {
    const out = await cli(['logs', pod.pod, '-c', 'db', '--tail', '1', '--timestamps']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^\[db\] \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z db-2\n$/);
    const two = await cli(['logs', pod.pod, '-c', 'db', '-c', 'web', '--since', '1h']);
    expect(two.stdout.split('\n').filter(Boolean)).toHaveLength(5);
  });

  it('follows until interrupted', async () => {
    const out = await cli(['logs', pod.pod, '-c', 'web', '-f'], { killAfterMs: 2500 });
    expect(out.stdout).toContain('[web] web-2');
    expect(out.code).toBe(0);
  });

  it('fails clearly on an unknown Pod, container or since', async () => {
    const none = await cli(['logs', 'pw-no-such-pod-zz']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/No Pod named "pw-no-such-pod-zz"/);
    const badContainer = await cli(['logs', pod.pod, '-c', 'nope']);
    expect(badContainer.stderr).toMatch(/no container "nope"/);
    const badSince = await cli(['logs', pod.pod, '--since', 'lunchtime']);
    expect(badSince.code).toBe(1);
    expect(badSince.stderr).toMatch(/not a duration/);
  });

  it('exec runs a command and exits with its code', async () => {
    const out = await cli(['exec', pod.pod, '-c', 'shell', '--', 'sh', '-c', 'echo hi; echo oops >&2; exit 3']);
    expect(out).toMatchObject({ code: 3, stdout: 'hi\n', stderr: 'oops\n' });
  });

  it('exec -i passes stdin; -t allocates a terminal', async () => {
    const piped = await cli(['exec', pod.pod, '-c', 'shell', '-i', '--', 'tr', 'a-z', 'A-Z'], { stdin: 'pod\n' });
    expect(piped).toMatchObject({ code: 0, stdout: 'POD\n' });
    const tty = await cli(['exec', pod.pod, '-c', 'shell', '-t', '--', 'sh', '-c', '[ -t 1 ] && echo is-a-tty']);
    expect(tty.stdout).toContain('is-a-tty');
    expect(tty.code).toBe(0);
    const missing = await cli(['exec', pod.pod, '-c', 'nope', '--', 'true']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no container "nope"/);
  });
});
