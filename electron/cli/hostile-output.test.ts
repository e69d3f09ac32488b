// A hostile file's names (and the engine's text about them) through every command's output, as the real CLI prints
// them: no escape sequence, bell, C1 control or carriage return reaches the terminal, and the text is still shown.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Labels } from '../../shared/model/labels';
import { BUSYBOX } from '../engines/docker/logs/logs-testing';
import { dockerReason, requireDocker, uniqueSuffix } from '../engines/docker/testing';

const engine = await requireDocker();
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'pw-hostile-out-'));
const suffix = uniqueSuffix();

/** What would retitle the window, clear the screen, or overwrite a line. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const INTERPRETED = /[\x07\x1b\r\x9b]/;

// Escapes in YAML's double-quoted strings: the file itself is plain text, the names it yields are not.
const hostileFile = join(dir, 'hostile.pod.yaml');
writeFileSync(
  hostileFile,
  `apiVersion: v1
kind: Pod
metadata:
  name: "pw-hostile-${suffix}\\e]0;PWNED\\a\\e[2J"
spec:
  containers:
  - name: "app\\rOVERWRITTEN"
    image: "busybox\\e[31m"
    volumeMounts:
    - name: "data\\x9b2J"
      mountPath: "/data\\e[1A"
`,
);

interface Output {
  code: number;
  all: string;
}

async function cli(...args: string[]): Promise<Output> {
  const env = { ...process.env, PODWRIGHT_CONFIG_DIR: dir, PODWRIGHT_INFRA_IMAGE: 'podwright-test/pause:1' };
  return run(process.execPath, ['electron/cli/bin.mjs', ...args], { env, timeout: 60_000 }).then(
    (r) => ({ code: 0, all: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, all: e.stdout + e.stderr }),
  );
}

/** The output shows the hostile text (made visible) and holds nothing a terminal would act on. */
function expectSafe(out: Output, shown: string): void {
  expect(out.all).toContain(shown);
  expect(out.all).not.toMatch(INTERPRETED);
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile names through the CLI without an engine', () => {
  it('validate', async () => {
    const out = await cli('validate', hostileFile);
    expect(out.code).toBe(1);
    expectSafe(out, '\\e]0;PWNED\\a');
    expect(out.all).toContain('app\\rOVERWRITTEN');
  });

  it('validate --explain, and the errors of a file that is not there', async () => {
    expectSafe(await cli('validate', '--explain', hostileFile), '\\e[2J');
    expectSafe(await cli('validate', join(dir, 'gone\x1b]0;x\x07.yaml')), 'gone\\e]0;x\\a.yaml');
    const named = join(dir, 'named\x1b[2J.yaml');
    writeFileSync(named, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    expectSafe(await cli('export', named), 'named\\e[2J.yaml');
  });
});

describe.skipIf(dockerReason)(
  `hostile names through the CLI on Docker${dockerReason ? ` (skipped: ${dockerReason})` : ''}`,
  () => {
    const pod = `pw-hostile-${suffix}\x1b]0;PWNED\x07`;
    const container = `app\x1b[2J\rOVER`;
    let id: string | undefined;

    beforeAll(async () => {
      // A container labelled as a Pod's, the way something else on the engine could label one: ps and logs print
      // what the engine says.
      const created = await engine.docker.createContainer({
        name: `pw-hostile-${suffix}`,
        Image: BUSYBOX,
        Entrypoint: ['sh', '-c', 'echo hello; sleep 300'],
        Labels: {
          [Labels.managed]: 'true',
          [Labels.pod]: pod,
          [Labels.namespace]: 'default',
          [Labels.role]: 'app',
          [Labels.container]: container,
          [Labels.index]: '0',
        },
        HostConfig: { NetworkMode: 'none' },
      });
      id = created.id;
      await created.start();
    });
    afterAll(async () => {
      if (id)
        await engine.docker
          .getContainer(id)
          .remove({ force: true })
          .catch(() => undefined);
    });

    it('run refuses the file and says why', async () => {
      const out = await cli('run', hostileFile);
      expect(out.code).not.toBe(0);
      expectSafe(out, '\\e]0;PWNED\\a');
    });

    it('down by the file, and by name', async () => {
      expectSafe(await cli('down', hostileFile), '\\e]0;PWNED\\a');
      expectSafe(await cli('down', `${pod}-gone`), '\\e]0;PWNED\\a');
    });

    it('ps', async () => {
      const out = await cli('ps');
      expect(out.code).toBe(0);
      expectSafe(out, `pw-hostile-${suffix}\\e]0;PWNED\\a`);
      expect(out.all).toContain('app\\e[2J\\rOVER');
    });

    it('logs prefixes, and the error for a Pod that is not there', async () => {
      const out = await cli('logs', pod);
      expect(out.code).toBe(0);
      expectSafe(out, '[app\\e[2J\\rOVER] hello');
      expectSafe(await cli('logs', `${pod}-gone`), '\\e]0;PWNED\\a');
    });
  },
);
