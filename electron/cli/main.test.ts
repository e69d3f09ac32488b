import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

const run = promisify(execFile);

function cli(...args: string[]) {
  return run(process.execPath, ['electron/cli/bin.mjs', ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('podwright CLI', () => {
  it('prints its version', async () => {
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('lists its commands in --help', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('serve');
    expect(r.stdout).toContain('start');
  });

  it('explains serve options', async () => {
    const r = await cli('serve', '--help');
    expect(r.stdout).toMatch(/--port/);
    expect(r.stdout).toMatch(/--open/);
  });

  it('fails with usage on an unknown command', async () => {
    const r = await cli('frobnicate');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command/i);
  });

  it('refuses a port that is not a port', async () => {
    const r = await cli('serve', '--port', '70000');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('not a port');
  });
});
