// The Electron shell's journey: runs only where Electron's binary is installed (users' laptops); elsewhere it
// skips and says why. Everything else is tested through the browser host over the same API.
import { execFileSync } from 'node:child_process';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../electron/cli/commands/start';

const binary = findElectronBinary();
if ('missing' in binary) {
  console.log(`Electron journeys skipped: Electron's binary is not installed here (${binary.missing}).`);
}

test.describe('Electron shell', () => {
  test.skip(
    'missing' in binary,
    `Electron's binary is not installed here (${'missing' in binary ? binary.missing : ''}); ` +
      'CI cannot download it, so the shell is covered by the security config tests and the browser host journeys.',
  );

  test('opens the window with the secure preferences and shows the engine', async () => {
    execFileSync(process.execPath, ['electron/build.mjs'], { stdio: 'inherit' });
    const app = await electron.launch({
      executablePath: 'path' in binary ? binary.path : undefined,
      args: ['dist/electron/main.cjs'],
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
      await expect(window.getByTestId('engine-status')).toHaveAttribute('data-state', /ok|down/);
      // What the page can reach proves the switches: no Node (nodeIntegration off, sandbox on), and only the
      // two functions the preload exposes through contextBridge.
      const reach = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((globalThis as { podwright?: object }).podwright ?? {}).sort(),
      }));
      expect(reach).toEqual({ require: 'undefined', process: 'undefined', bridge: ['onMessage', 'send'] });
    } finally {
      await app.close();
    }
  });
});
