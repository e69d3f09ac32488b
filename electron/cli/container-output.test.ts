// What a container writes reaches a terminal with only its colours acted on (no retitled window, cleared screen or
// reordered text), and a pipe byte for byte, through `run` in the foreground and `logs`: the real CLI on the real engine.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerReason, requireDocker, uniqueSuffix } from '../engines/docker/testing';
import { podwright, podwrightOnTerminal } from './cli-process.test-support';

await requireDocker();
const suffix = uniqueSuffix();

/** A window title (OSC), a screen clear (CSI), a colour (SGR), a right-to-left override, then the line's end. */
const SCRIPT = String.raw`printf 'hello \033]0;PWNED\007\033[2J\033[31mred\033[0m \342\200\256evil\n'; sleep 0.5`;
const RAW = 'hello \x1b]0;PWNED\x07\x1b[2J\x1b[31mred\x1b[0m \u202eevil';
const SHOWN = 'hello \\e]0;PWNED\\a\\e[2J\x1b[31mred\x1b[0m \\u202eevil\x1b[0m';

function manifest(name: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 0
  containers:
    - name: app
      image: podwright-test/busybox:1
      imagePullPolicy: Never
      command: [sh, -c, ${JSON.stringify(SCRIPT)}]
`;
}

describe.skipIf(dockerReason)(`a container's own output${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  let dir: string;
  const names: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pw-own-'));
  });
  afterAll(async () => {
    for (const name of names) await podwright('down', name, '--grace', '0');
    await rm(dir, { recursive: true, force: true });
  });

  it('run in the foreground on a terminal: escapes shown, colours kept', async () => {
    const name = `own-run-${suffix}`;
    names.push(name);
    const file = join(dir, 'run.yaml');
    await writeFile(file, manifest(name));
    const r = await podwrightOnTerminal('', 'run', file);
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain(`app |\x1b[0m ${SHOWN}`);
    expect(r.screen).not.toContain('\x1b]0;PWNED');
    expect(r.screen).not.toContain('\x1b[2J');
    expect(r.screen).not.toContain('\u202e');
  }, 120_000);

  it('logs: to a pipe byte for byte, to a terminal escapes shown', async () => {
    const name = `own-logs-${suffix}`;
    names.push(name);
    const file = join(dir, 'logs.yaml');
    await writeFile(file, manifest(name));
    expect((await podwright('run', file, '--detach')).code).toBe(0);
    await expect.poll(async () => (await podwright('logs', name)).stdout, { timeout: 30_000 }).toContain('evil');
    expect((await podwright('logs', name)).stdout).toBe(`[app] ${RAW}\n`);
    const shown = await podwrightOnTerminal('', 'logs', name);
    expect(shown.screen).toContain(`[app]\x1b[0m ${SHOWN}`);
    expect(shown.screen).not.toContain('\x1b]0;PWNED');
  }, 120_000);
});
