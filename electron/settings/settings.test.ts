// Tests for the settings file: where it lives, and that a malformed or hostile file never stops the app.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSettings, settingsPath } from './settings';

describe('settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the file under PODWRIGHT_CONFIG_DIR, else XDG_CONFIG_HOME, else ~/.config', () => {
    expect(settingsPath({ env: { PODWRIGHT_CONFIG_DIR: '/x' }, platform: 'linux', home: '/h' })).toBe('/x/settings.json');
    expect(settingsPath({ env: { XDG_CONFIG_HOME: '/c' }, platform: 'linux', home: '/h' })).toBe('/c/podwright/settings.json');
    expect(settingsPath({ env: {}, platform: 'linux', home: '/h' })).toBe('/h/.config/podwright/settings.json');
  });

  it('reads a malformed or hostile file as empty', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{"engine": {"host": 5}}');
    expect(readSettings(path)).toEqual({});
    writeFileSync(path, 'x'.repeat(100_000));
    expect(readSettings(path)).toEqual({});
    expect(readSettings(join(dir, 'missing.json'))).toEqual({});
  });

});
