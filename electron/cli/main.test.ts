import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { commands } from './commands';
import { commandsFor } from './main';

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

describe('commandsFor: which command modules a start loads', () => {
  const names = (...args: string[]) => commandsFor(['node', 'podwright', ...args]).map((c) => c.name);
  const every = commands.map((c) => c.name);

  it('loads none for --version, only the named one for a command', () => {
    expect(names('--version')).toEqual([]);
    expect(names('-v')).toEqual([]);
    expect(names('validate', 'a.yaml', '--format', 'json')).toEqual(['validate']);
    expect(names('run', '--version')).toEqual(['run']);
  });

  it('loads every one where the program lists or suggests them', () => {
    expect(names()).toEqual(every);
    expect(names('--help')).toEqual(every);
    expect(names('help', 'run')).toEqual(every);
    expect(names('valdate')).toEqual(every);
  });
});
