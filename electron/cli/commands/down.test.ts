// `podwright down` while the Pod's containers get their grace period: what it waits for and for how long, a countdown
// on a terminal and plain lines elsewhere, what stopped and how, and what it removed.
/* eslint-disable no-control-regex -- the terminal's own sequences are what these tests look for */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Labels } from '../../../shared/plan';
import { dockerReason, requireDocker, uniqueSuffix } from '../../engines/docker/testing';
import { podwright, podwrightOnTerminal } from '../cli-process.test-support';
import { stopReporter } from '../stop-progress';
import { StatusLine } from '../terminal';

const engine = await requireDocker();

/** A terminal (or a pipe) that records what is written to it, and stderr written into the same record. */
function screen(isTTY: boolean): { line: StatusLine; text: () => string } {
  const written: string[] = [];
  const stream = { isTTY, columns: 100, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => written.push(String(s)) > 0);
  return { line: new StatusLine(stream), text: () => written.join('') };
}

describe('the stop report', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('on a terminal, counts down to SIGKILL in place and says how each container stopped', () => {
    vi.useFakeTimers();
    const out = screen(true);
    let t = 0;
    const report = stopReporter('web', { eachContainer: true, line: out.line, hint: 'Ctrl+C: now', now: () => t });
    report.onProgress({ step: 'stopping', containers: ['api', 'main'], graceSeconds: 30 });
    expect(out.text()).toBe(
      'Stopping Pod web (grace 30 s): sent SIGTERM to api, main; whatever still runs after 30 s gets SIGKILL.\n' +
        '\r\x1b[2K  SIGKILL in 30 s (Ctrl+C: now): waiting for api, main',
    );
    t = 2000;
    vi.advanceTimersByTime(1000);
    expect(out.text()).toMatch(/\r\x1b\[2K {2}SIGKILL in 28 s \(Ctrl\+C: now\): waiting for api, main$/);
    t = 2400;
    report.onProgress({ step: 'stopped', container: 'main', exitCode: 0 });
    expect(out.text()).toMatch(
      /\r\x1b\[2K {2}main stopped after 2 s \(exit code 0\)\n\r\x1b\[2K {2}SIGKILL in 28 s \(Ctrl\+C: now\): waiting for api$/,
    );
    t = 30_000;
    report.onProgress({ step: 'stopped', container: 'api', exitCode: 137 });
    report.done();
    expect(out.text()).toMatch(/\r\x1b\[2K {2}api was killed when its 30 s grace period ran out \(exit code 137\)\n$/);
    // Nothing redraws once it is over.
    const before = out.text();
    vi.advanceTimersByTime(5000);
    expect(out.text()).toBe(before);
  });

  it('elsewhere (a pipe, a log file), writes plain lines only: no carriage return, no escape, no countdown', () => {
    vi.useFakeTimers();
    const out = screen(false);
    let t = 0;
    const report = stopReporter('web', { eachContainer: true, line: out.line, now: () => t });
    report.onProgress({ step: 'stopping', containers: ['api'], graceSeconds: 10 });
    vi.advanceTimersByTime(3000);
    t = 300;
    report.onProgress({ step: 'stopped', container: 'api', exitCode: 143 });
    report.done();
    expect(out.text()).toBe(
      'Stopping Pod web (grace 10 s): sent SIGTERM to api; whatever still runs after 10 s gets SIGKILL.\n' +
        '  api stopped at once (exit code 143)\n',
    );
  });

  it('with grace 0 (nothing to wait for), says each container was killed at once', () => {
    const out = screen(false);
    const report = stopReporter('web', { eachContainer: true, line: out.line, now: () => 1_765_000_000_000 });
    report.onProgress({ step: 'stopped', container: 'api', exitCode: 137 });
    report.onProgress({ step: 'stopped', container: 'main', exitCode: 0 });
    report.done();
    expect(out.text()).toBe(
      '  api was killed at once (grace period 0 s) (exit code 137)\n  main stopped at once (exit code 0)\n',
    );
  });
});

describe('the stop report with names from the engine', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows control characters in a Pod or container name instead of acting on them', () => {
    const out = screen(false);
    const report = stopReporter('web\x1b]0;PWNED\x07', { eachContainer: true, line: out.line, now: () => 0 });
    report.onProgress({ step: 'stopping', containers: ['app\nFAKE LINE', 'b\r\x1b[2J'], graceSeconds: 5 });
    report.onProgress({ step: 'stopped', container: 'app\nFAKE LINE', exitCode: 0 });
    report.done();
    expect(out.text()).toBe(
      'Stopping Pod web\\e]0;PWNED\\a (grace 5 s): sent SIGTERM to app\\nFAKE LINE, b\\r\\e[2J; whatever still runs after 5 s gets SIGKILL.\n' +
        '  app\\nFAKE LINE stopped at once (exit code 0)\n',
    );
  });
});

describe.skipIf(dockerReason)(`podwright down on Docker${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  const suffix = uniqueSuffix();
  let dir: string;
  const names: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pw-down-'));
  });
  afterAll(async () => {
    for (const name of names) await podwright('down', name, '--grace', '0');
    await rm(dir, { recursive: true, force: true });
  });

  /** A Pod with a container that ignores SIGTERM (sh as PID 1) and one that exits on it, given `grace` seconds. */
  async function started(name: string, grace: number): Promise<void> {
    names.push(name);
    const file = join(dir, `${name}.yaml`);
    await writeFile(
      file,
      `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  terminationGracePeriodSeconds: ${grace}
  containers:
  - {name: stubborn, image: podwright-test/busybox:1, imagePullPolicy: Never, command: [sh, -c, 'while true; do sleep 1; done']}
  - {name: polite, image: podwright-test/busybox:1, imagePullPolicy: Never, command: [sh, -c, 'trap "exit 0" TERM; while true; do sleep 1 & wait $!; done']}
`,
    );
    const run = await podwright('run', file, '--detach');
    expect(run.code, run.stderr).toBe(0);
  }

  const onEngine = async (name: string): Promise<number> =>
    (await engine.docker.listContainers({ all: true, filters: { label: [`${Labels.pod}=${name}`] } })).length;

  it('to a pipe: says what it waits for and how long, how each container stopped, and what it removed', async () => {
    const name = `down-pipe-${suffix}`;
    await started(name, 2);
    const down = await podwright('down', name);
    expect(down.code, down.stderr).toBe(0);
    expect(down.stderr).toMatch(
      new RegExp(
        `^Stopping Pod ${name} \\(grace 2 s\\): sent SIGTERM to (stubborn, polite|polite, stubborn); whatever still runs after 2 s gets SIGKILL\\.\\n`,
      ),
    );
    expect(down.stderr).toMatch(/^ {2}polite stopped (at once|after \d+ s) \(exit code 0\)$/m);
    expect(down.stderr).toContain('  stubborn was killed when its 2 s grace period ran out (exit code 137)\n');
    expect(down.stderr).not.toMatch(/[\r\x1b]/);
    expect(down.stdout).toBe(`Removed Pod ${name}: 3 containers, 0 volumes.\n`);
    expect(await onEngine(name)).toBe(0);
  });

  it('on a terminal: counts down to SIGKILL, and leaves the record of what stopped', async () => {
    const name = `down-tty-${suffix}`;
    await started(name, 3);
    const down = await podwrightOnTerminal('', 'down', name);
    expect(down.code, down.screen).toBe(0);
    expect(down.screen).toContain(`Stopping Pod ${name} (grace 3 s): sent SIGTERM to`);
    expect(down.screen).toMatch(/\r\x1b\[2K {2}SIGKILL in [1-3] s \(Ctrl\+C: now\): waiting for stubborn/);
    expect(down.screen).toContain('  stubborn was killed when its 3 s grace period ran out (exit code 137)');
    expect(down.screen).toContain(`Removed Pod ${name}: 3 containers, 0 volumes.`);
    expect(await onEngine(name)).toBe(0);
  });
});
