// Side files of a Compose file: read from its folder and below only, never through a symlink out of it, never from a
// hidden folder, bounded in size; only the variables the file names are handed over.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SIDE_FILE_BYTES, readComposeInputs } from './compose-inputs';

const root = mkdtempSync(join(tmpdir(), 'podwright-compose-inputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 'p-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('Compose side files', () => {
  it('reads .env, env_file and extends files beside the Compose file, and only the variables it names', async () => {
    const compose = [
      'services:',
      '  web:',
      '    image: ${IMAGE}',
      '    env_file: [config/web.env]',
      '    extends: { file: base.yml, service: base }',
    ].join('\n');
    const dir = project({
      'compose.yaml': compose,
      '.env': 'IMAGE=busybox\n',
      'config/web.env': 'A=1\n',
      'base.yml': 'services:\n  base:\n    env_file: base.env\n',
      'base.env': 'B=${SECRET_FROM_ENV:-x}\n',
    });
    const inputs = await readComposeInputs(
      join(dir, 'compose.yaml'),
      compose,
      {},
      {
        SECRET_FROM_ENV: 'y',
        UNRELATED: 'must not leave',
        HOME: '/home/u',
      },
    );
    expect(Object.keys(inputs.files).sort()).toEqual(['.env', 'base.env', 'base.yml', 'config/web.env']);
    expect(inputs.env).toEqual({ SECRET_FROM_ENV: 'y', HOME: '/home/u' });
    expect(inputs.refused).toEqual([]);
  });

  it('refuses files outside the folder, in hidden folders, through symlinks out, and over the size limit', async () => {
    const outside = project({ 'secret.env': 'TOKEN=1\n' });
    const compose = [
      'services:',
      '  web:',
      '    image: busybox',
      '    env_file:',
      '      - ../outside.env',
      '      - /etc/hostname',
      '      - .ssh/id.env',
      '      - linked.env',
      '      - big.env',
      '      - missing.env',
    ].join('\n');
    const dir = project({
      'compose.yaml': compose,
      '.ssh/id.env': 'KEY=1\n',
      'big.env': 'A='.padEnd(MAX_SIDE_FILE_BYTES + 10, 'x'),
    });
    symlinkSync(join(outside, 'secret.env'), join(dir, 'linked.env'));
    const inputs = await readComposeInputs(join(dir, 'compose.yaml'), compose, {}, {});
    expect(inputs.files).toEqual({});
    expect(inputs.missing).toEqual(['.env', 'missing.env']);
    expect(inputs.refused).toEqual(
      expect.arrayContaining([
        { path: '../outside.env', reason: 'OUTSIDE_FOLDER' },
        { path: '/etc/hostname', reason: 'OUTSIDE_FOLDER' },
        { path: '.ssh/id.env', reason: 'HIDDEN' },
        { path: 'linked.env', reason: 'OUTSIDE_FOLDER' },
        { path: 'big.env', reason: 'TOO_LARGE' },
      ]),
    );
  });
});
