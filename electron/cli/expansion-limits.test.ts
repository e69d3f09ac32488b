// The alias bomb through the real CLI, in a process with a small heap: a 4 MB string referenced 99 times made
// `export --out -` write 419 MB using 3 GB, and `run` run out of memory; each command now refuses it in words.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { aliasedStringPod } from '../../shared/manifest/hostile.test-support';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'pw-bomb-'));
const bomb = join(dir, 'bomb.pod.yaml');
writeFileSync(bomb, aliasedStringPod(4_000_000, 99));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI with a 256 MB heap: expanding the file even once past its limit would not fit. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, NODE_OPTIONS: '--max-old-space-size=256', PODWRIGHT_CONFIG_DIR: dir };
  return run(process.execPath, ['electron/cli/bin.mjs', ...args], { env, timeout: 120_000, maxBuffer: 1 << 20 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe('a 4 MB string referenced 99 times, through the CLI', () => {
  it.each([
    ['export --out -', ['export', bomb, '--out', '-']],
    ['run', ['run', bomb, '--detach']],
    ['validate', ['validate', bomb]],
  ])('%s refuses it, names the limit and the line, and writes no data', async (_, args) => {
    const out = await cli(...args);
    expect(out.code).not.toBe(0);
    expect(out.stdout.length).toBeLessThan(10_000);
    expect(out.stdout + out.stderr).toMatch(/bomb\.pod\.yaml:\d+:\d+[\s\S]*aliases expand this file past \d+ MB/);
    expect(out.stderr).not.toMatch(/heap out of memory|Allocation failed/);
  });
});
