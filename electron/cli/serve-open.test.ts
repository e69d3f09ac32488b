// `serve --open` with a fake browser that records its own command line (/proc/self/cmdline, readable by every local
// user): the token is never on it, and what is on it (a file only the user can read, with a one-time code) opens the
// app once.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'pw-serve-open-'));
const recorded = join(dir, 'cmdline');
const fakeBrowser = join(dir, 'fake-browser.sh');

let serve: ChildProcess | undefined;
let url = '';
let stdout = '';

/** POST /api/session with a launch code, as the page does; answers the status and body. */
function exchange(port: number, code: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/session',
        method: 'POST',
        headers: { origin: `http://127.0.0.1:${port}`, 'x-podwright-launch-code': code },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    req.end();
  });
}

async function until(check: () => boolean, ms: number, why: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(why());
    await new Promise((done) => setTimeout(done, 50));
  }
}

beforeAll(async () => {
  // The fake browser writes the command line it was started with, as the kernel shows it to everyone.
  writeFileSync(
    fakeBrowser,
    `#!/bin/sh\ntr '\\0' ' ' < /proc/$$/cmdline > ${JSON.stringify(`${recorded}.part`)} && mv ${JSON.stringify(`${recorded}.part`)} ${JSON.stringify(recorded)}\n`,
  );
  chmodSync(fakeBrowser, 0o755);
  serve = spawn(process.execPath, ['electron/cli/bin.mjs', 'serve', '--no-build', '--open'], {
    env: {
      ...process.env,
      PODWRIGHT_OPEN_WITH: fakeBrowser,
      PODWRIGHT_CONFIG_DIR: dir,
      DOCKER_HOST: 'unix:///tmp/podwright-no-such-engine.sock',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serve.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  await until(
    () => /running at (\S+)/.test(stdout),
    30_000,
    () => `serve printed no URL: ${stdout}`,
  );
  url = /running at (\S+)/.exec(stdout)![1]!;
  await until(
    () => existsSync(recorded),
    15_000,
    () => 'the fake browser never ran',
  );
});

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    const exited = new Promise((done) => serve!.once('exit', done));
    serve.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('serve --open', () => {
  it("prints the token only in the link's fragment, which a browser never sends", () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
  });

  it('starts the browser with a command line that holds no token', () => {
    const token = new URL(url).hash.replace('#token=', '');
    const cmdline = readFileSync(recorded, 'utf8');
    expect(cmdline).toContain('open-podwright.html');
    expect(cmdline).not.toContain(token);
    expect(cmdline).not.toMatch(/token|code=/);
  });

  it('hands it a file only the user can read, holding a one-time code that opens the app once', async () => {
    const port = Number(new URL(url).port);
    const token = new URL(url).hash.replace('#token=', '');
    const file = readFileSync(recorded, 'utf8').trim().split(' ').pop()!;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
    const page = readFileSync(file, 'utf8');
    expect(page).not.toContain(token);
    const code = /#code=([\w-]+)/.exec(page)?.[1];
    expect(code).toBeDefined();
    const first = await exchange(port, code!);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ token });
    // Spent: the file is gone and the code opens nothing a second time.
    expect(existsSync(file)).toBe(false);
    expect((await exchange(port, code!)).status).toBe(403);
    expect((await exchange(port, 'made-up-code')).status).toBe(403);
  });
});
