// Integration tests on the real Docker Engine: captured exec (output, stderr, exit codes, stdin) and a TTY session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../connection/engine';
import { execCapture, ExecSession, type ExecOutput } from './exec';
import { startFakePod, type FakePod } from '../logs/logs-testing';
import { dockerReason, requireDocker, waitUntil } from '../testing';

const engine = await requireDocker();
const docker = engine.docker;

const until = (check: () => boolean, ms = 10_000): Promise<void> => waitUntil(check, ms, 20);

describe.skipIf(dockerReason)(`exec on Docker${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  let pod: FakePod;
  beforeAll(async () => {
    pod = await startFakePod(
      docker,
      [
        { name: 'app', script: 'sleep 300' },
        { name: 'done', script: 'true' },
      ],
      'pw-exec',
    );
  });
  afterAll(() => pod?.remove());

  it('captures stdout, stderr and the exit code', async () => {
    const ok = await execCapture(docker, { pod: pod.pod, container: 'app' }, [
      'sh',
      '-c',
      'echo out; echo err >&2; hostname',
    ]);
    expect(ok).toMatchObject({ exitCode: 0, stderr: 'err\n', truncated: false, timedOut: false });
    expect(ok.stdout.split('\n')[0]).toBe('out');
    const failed = await execCapture(docker, { pod: pod.pod, container: 'app' }, ['sh', '-c', 'exit 42']);
    expect(failed.exitCode).toBe(42);
    const missing = await execCapture(docker, { pod: pod.pod, container: 'app' }, ['no-such-binary']);
    // Docker answers 126 (the OCI runtime could not exec it), a shell 127: either way, not 0.
    expect([126, 127]).toContain(missing.exitCode);
  });

  it('feeds stdin, caps output, and gives up at a deadline', async () => {
    const echoed = await execCapture(docker, { pod: pod.pod, container: 'app' }, ['sh', '-c', 'tr a-z A-Z'], {
      stdin: 'hello pod\n',
    });
    expect(echoed).toMatchObject({ exitCode: 0, stdout: 'HELLO POD\n' });
    const big = await execCapture(
      docker,
      { pod: pod.pod, container: 'app' },
      ['sh', '-c', 'head -c 100000 /dev/zero'],
      { maxBytes: 1000 },
    );
    expect(big.stdout).toHaveLength(1000);
    expect(big.truncated).toBe(true);
    const slow = await execCapture(docker, { pod: pod.pod, container: 'app' }, ['sleep', '30'], { timeoutMs: 300 });
    expect(slow).toMatchObject({ timedOut: true, exitCode: null });
  });

  it('refuses a stopped container and an unknown one with typed errors', async () => {
    await docker.getContainer(pod.ids.done!).wait();
    await expect(execCapture(docker, { pod: pod.pod, container: 'done' }, ['true'])).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(execCapture(docker, { pod: pod.pod, container: 'nope' }, ['true'])).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('runs a TTY session: input, resize seen by stty, and the exit code', async () => {
    const output: ExecOutput[] = [];
    const text = (): string => output.map((o) => o.data).join('');
    const session = await ExecSession.start(
      docker,
      { pod: pod.pod, container: 'app' },
      ['sh'],
      { tty: true, cols: 80, rows: 24 },
      (o) => output.push(o),
    );
    session.write('stty size\n');
    await until(() => /24 80/.test(text()));
    await session.resize(132, 43);
    session.write('stty size\n');
    await until(() => /43 132/.test(text()));
    // Idle longer than the engine client's timeout: the session must survive it.
    const impatient = new Engine({ timeoutMs: 500 });
    const idle = await ExecSession.start(
      impatient.docker,
      { pod: pod.pod, container: 'app' },
      ['sh'],
      { tty: true },
      (o) => output.push(o),
    );
    await new Promise((r) => setTimeout(r, 1500));
    idle.write('echo still-here\n');
    await until(() => /still-here\r?\n/.test(text()));
    idle.write('exit 0\n');
    expect(await idle.exited).toBe(0);
    session.write('exit 3\n');
    expect(await session.exited).toBe(3);
    expect(output.every((o) => o.stream === 'tty')).toBe(true);
  });

  it('runs a session without a TTY, with separate streams', async () => {
    const output: ExecOutput[] = [];
    const session = await ExecSession.start(
      docker,
      { pod: pod.pod, container: 'app' },
      ['sh', '-c', 'cat; echo bye >&2; exit 5'],
      { tty: false },
      (o) => output.push(o),
    );
    session.write('line one\n');
    session.endInput();
    expect(await session.exited).toBe(5);
    expect(
      output
        .filter((o) => o.stream === 'stdout')
        .map((o) => o.data)
        .join(''),
    ).toBe('line one\n');
    expect(
      output
        .filter((o) => o.stream === 'stderr')
        .map((o) => o.data)
        .join(''),
    ).toBe('bye\n');
  });

  /** The container's processes whose command line mentions `needle` (busybox ps), from an exec of its own. */
  async function processes(needle: string): Promise<string[]> {
    const ps = await execCapture(docker, { pod: pod.pod, container: 'app' }, ['ps', '-o', 'pid,args']);
    return ps.stdout.split('\n').filter((line) => line.includes(needle) && !line.includes('ps -o'));
  }

  it('closing a TTY session ends its shell and what the shell started', async () => {
    const output: ExecOutput[] = [];
    const session = await ExecSession.start(docker, { pod: pod.pod, container: 'app' }, ['sh'], { tty: true }, (o) =>
      output.push(o),
    );
    session.write('sleep 4242 &\n');
    session.write('echo started; sleep 4343\n');
    await until(() => output.some((o) => /started\r?\n/.test(o.data)));
    expect(await processes('sleep 4242')).toHaveLength(1);
    expect(await processes('sleep 4343')).toHaveLength(1);
    // Before the fix: the connection closed, and the shell and both sleeps stayed in the container.
    expect(await session.close()).toBe(true);
    expect((await docker.getExec(session.execId).inspect()).Running).toBe(false);
    expect(await processes('sleep 4242')).toEqual([]);
    expect(await processes('sleep 4343')).toEqual([]);
  }, 20_000);

  it('a captured exec past its deadline is ended, not left running', async () => {
    const slow = await execCapture(docker, { pod: pod.pod, container: 'app' }, ['sh', '-c', 'sleep 4444; echo late'], {
      timeoutMs: 300,
    });
    expect(slow).toMatchObject({ timedOut: true, exitCode: null });
    expect(slow.stillRunning).toBeUndefined();
    // Before the fix: "sleep 4444" kept running after the call had answered timedOut.
    expect(await processes('4444')).toEqual([]);
  }, 20_000);
});
