// Test helper for suites that need a real Docker Engine: connects once, fails loudly under CI when the engine
// is missing, and otherwise lets a suite skip with the engine's own explanation.
//
// Usage:
//   const engine = await requireDocker();
//   describe.skipIf(dockerReason)(`pods on Docker${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => { ... });
import type { Container, Pod, PodSpec } from '../../../shared/plan';
import { Engine } from './connection/engine';
import { demux } from './pod/container-output';

/** Why Docker tests are skipped here (engine unreachable, not under CI), or undefined when the engine answers. */
export let dockerReason: string | undefined;

let connecting: Promise<Engine> | undefined;

/**
 * A connected Engine. When the engine cannot be reached: under CI=true this throws (the suite must fail, not
 * skip); elsewhere it returns an Engine that is not usable and sets `dockerReason` so the suite can skip.
 */
export function requireDocker(): Promise<Engine> {
  connecting ??= connect();
  return connecting;
}

/** Same as `dockerReason`, as a function for callers that prefer not to rely on live bindings. */
export function dockerSkipReason(): string | undefined {
  return dockerReason;
}

async function connect(): Promise<Engine> {
  const engine = new Engine();
  const status = await engine.info();
  if (status.reachable) {
    dockerReason = undefined;
    return engine;
  }
  const reason = `${status.reason} ${status.hint}`;
  if (isCi()) throw new Error(`CI needs a Docker Engine for these tests: ${reason}`);
  dockerReason = `no Docker Engine: ${reason}`;
  return engine;
}

function isCi(): boolean {
  const ci = process.env.CI?.toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/** A short random suffix for naming Docker objects a test creates, so parallel test files never collide. */
export function uniqueSuffix(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** Runs `cmd` in a container by id and returns its combined output (trimmed) and exit code. */
export async function execIn(engine: Engine, id: string, cmd: string[]): Promise<{ out: string; code: number }> {
  const e = await engine.docker.getContainer(id).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await e.start({ hijack: true, stdin: false });
  const chunks: Buffer[] = [];
  await new Promise<void>((done, fail) => {
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', done);
    stream.on('error', fail);
  });
  const { ExitCode } = await e.inspect();
  return { out: demux(Buffer.concat(chunks)).trim(), code: ExitCode ?? -1 };
}

/** The local test images (`e2e/images/build.sh`): a busybox and the infra ("pause") container. */
export const TEST_BUSYBOX = 'podwright-test/busybox:1';
export const TEST_INFRA = 'podwright-test/pause:1';

/** A container of the test busybox running `script` under sh, never pulled. */
export function box(name: string, script: string, extra: Partial<Container> = {}): Container {
  return { name, image: TEST_BUSYBOX, imagePullPolicy: 'Never', command: ['sh', '-c', script], ...extra };
}

/** A Pod that stops at once (grace 0), for tests; `metadata` adds a namespace or labels. */
export function testPod(
  name: string,
  spec: Partial<PodSpec>,
  metadata: Partial<NonNullable<Pod['metadata']>> = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...metadata },
    spec: { terminationGracePeriodSeconds: 0, containers: [], ...spec },
  };
}

/** Waits until `ok` holds, asking every `stepMs`; throws after `timeoutMs` (a test's engine never got there). */
export async function waitUntil(ok: () => boolean | Promise<boolean>, timeoutMs = 20_000, stepMs = 50): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
