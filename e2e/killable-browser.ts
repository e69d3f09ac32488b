// A Chromium this test starts itself, on a profile folder that outlives it, so a journey can kill the browser the way
// a crash or a power cut does (SIGKILL: no unload, no chance to write anything) and start it again on the same profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumPath } from '../playwright.config';

export interface KillableBrowser {
  browser: Browser;
  /** A page in the profile's own context (its storage is the profile's). */
  page: () => Promise<Page>;
  /** SIGKILL, and wait until the process is gone. */
  kill: () => Promise<void>;
}

/** Starts Chromium on `profile` with remote debugging on a port the kernel picks, and connects to it. */
export async function launchKillable(profile: string): Promise<KillableBrowser> {
  const child: ChildProcess = spawn(
    chromiumPath,
    [
      '--headless=new',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      '--remote-debugging-address=127.0.0.1',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--window-size=1440,900',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  const endpoint = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`Chromium printed no DevTools address in 30 s:\n${output}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`Chromium exited with ${code}:\n${output}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return {
    browser,
    page: async () => {
      const context = browser.contexts()[0]!;
      const page = await context.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      return page;
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await gone;
    },
  };
}
