// `npm start` ends with whatever launched it: npm killed (SIGKILL or SIGTERM, which npm passes only to its script
// shell) or the launcher itself killed, the app's port stops answering within seconds. Electron's binary is not
// downloaded here (ELECTRON_SKIP_BINARY_DOWNLOAD, as CI has it), so `start` serves the browser host.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from './paths';

const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
/** Every process a test started, the ones under npm too: what a failing test leaves running is killed after it. */
const started: number[] = [];
const dir = mkdtempSync(join(tmpdir(), 'pw-start-'));

/** Starts `command args`, waits for the URL it prints, and gives its port. */
async function launch(command: string, args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
  started.push(child.pid!);
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const read = (d: Buffer): void => {
      output += d.toString();
      const url = /Podwright is running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (url) resolve(Number(url[1]));
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited ${code} before serving:\n${output}`)));
  });
  started.push(...descendants(child.pid!));
  return { child, port };
}

/** Whether anything answers HTTP on the port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

/** The processes under `pid` (npm's script shell and the launcher), deepest last. */
function descendants(pid: number): number[] {
  let list = '';
  try {
    list = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    // ps exits 1 when it lists nothing
  }
  return (list.match(/\d+/g) ?? []).map(Number).flatMap((c) => [c, ...descendants(c)]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterEach(() => {
  for (const pid of started.splice(0))
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe.skipIf(process.platform !== 'linux')('npm start ends with what launched it', () => {
  it('npm killed with SIGKILL: the browser host stops and its port closes', async () => {
    const { child, port } = await launch(npm, ['start', '--', '--no-build']);
    const under = descendants(child.pid!);
    expect(await answers(port)).toBe(true);
    child.kill('SIGKILL');
    await expect.poll(() => answers(port), { timeout: 5000 }).toBe(false);
    await expect.poll(() => under.filter((pid) => pid !== under[0] && alive(pid)), { timeout: 5000 }).toEqual([]);
    // npm's script shell is left an orphan by npm's death; it goes once the launcher has.
    await expect.poll(() => alive(under[0]!), { timeout: 5000 }).toBe(false);
  }, 60_000);

  it('npm stopped with SIGTERM (passed to its script shell only): everything under it ends', async () => {
    const { child, port } = await launch(npm, ['start', '--', '--no-build']);
    const under = descendants(child.pid!);
    expect(under.length).toBeGreaterThan(0);
    child.kill('SIGTERM');
    await expect.poll(() => answers(port), { timeout: 5000 }).toBe(false);
    await expect.poll(() => under.filter(alive), { timeout: 5000 }).toEqual([]);
  }, 60_000);

  it('Ctrl+C on the terminal npm start runs on: npm, its shell and the host all end', async () => {
    // `script` gives npm a terminal; a typed Ctrl+C there signals the terminal's whole foreground group.
    const { child, port } = await launch('script', ['-qec', `${npm} start -- --no-build`, '/dev/null']);
    const under = descendants(child.pid!);
    expect(await answers(port)).toBe(true);
    const ended = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.stdin!.write('\x03');
    await expect.poll(() => answers(port), { timeout: 5000 }).toBe(false);
    await ended;
    await expect.poll(() => under.filter(alive), { timeout: 5000 }).toEqual([]);
  }, 60_000);

  it('the launcher itself killed with SIGKILL: the port closes', async () => {
    const { child, port } = await launch(process.execPath, ['electron/cli/bin.mjs', 'start', '--no-build']);
    child.kill('SIGKILL');
    await expect.poll(() => answers(port), { timeout: 5000 }).toBe(false);
  }, 60_000);

  it('a child tied with endWithUs (how start runs Electron) ends when its launcher is killed with SIGKILL', async () => {
    // A launcher that starts a server child the way `start` starts Electron, and prints the child's port.
    const server = join(dir, 'server.mjs');
    writeFileSync(
      server,
      "import { createServer } from 'node:http';\nconst s = createServer((q, r) => r.end('up')).listen(0, '127.0.0.1', () => console.log(`Podwright is running at http://127.0.0.1:${s.address().port}/`));\n",
    );
    const launcher = join(dir, 'launcher.ts');
    writeFileSync(
      launcher,
      `import { spawn } from 'node:child_process';
import { endWithUs } from ${JSON.stringify(join(projectRoot, 'electron/cli/launcher-watch.ts'))};
const child = spawn(process.execPath, [${JSON.stringify(server)}], { stdio: 'inherit' });
endWithUs(child);
setInterval(() => {}, 1000);
`,
    );
    const { child, port } = await launch(process.execPath, ['--import', 'tsx', launcher]);
    expect(await answers(port)).toBe(true);
    child.kill('SIGKILL');
    await expect.poll(() => answers(port), { timeout: 5000 }).toBe(false);
  }, 60_000);
});
