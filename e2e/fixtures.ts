// Playwright fixtures: a real `podwright serve` process per test file, and a check that Chromium exists.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { chromiumPath } from '../playwright.config';

export interface ServedApp {
  url: string;
  port: number;
  token: string;
  process: ChildProcess;
  output: () => string;
}

/** Starts `podwright serve --no-build` with `env` added, and resolves with the URL it prints. */
export async function serveApp(env: Record<string, string> = {}): Promise<ServedApp> {
  const child = spawn(process.execPath, ['electron/cli/bin.mjs', 'serve', '--no-build'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve printed no URL in 30 s:\n${output}`)), 30_000);
    const look = (): void => {
      const m = /Podwright is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    };
    child.stdout.on('data', look);
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token')!,
    process: child,
    output: () => output,
  };
}

export async function stopApp(app: ServedApp): Promise<void> {
  if (app.process.exitCode !== null) return;
  const exited = new Promise((done) => app.process.once('exit', done));
  app.process.kill('SIGTERM');
  await exited;
}

export const test = base.extend<object, { app: ServedApp }>({
  app: [
    // Playwright reads the fixture's dependencies from this destructuring, so an empty one is required.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (!existsSync(chromiumPath)) {
        // Under CI this is a failure, never a skip: journeys must run there.
        throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium (or set CHROMIUM_PATH).`);
      }
      const app = await serveApp();
      await use(app);
      await stopApp(app);
    },
    { scope: 'worker' },
  ],
});

export { expect };

/**
 * Saves a screenshot for people to look at. `name` is a path under docs/ (e.g. `run-light-en.png`): with
 * PODWRIGHT_DOCS_SHOTS=1 it replaces the picture in docs/ (run that way to refresh the README's screenshots), otherwise
 * it goes to test-results/shots/, so an ordinary test run never changes tracked files.
 */
export async function shot(
  target: Page | Locator,
  name: string,
  options: { clip?: { x: number; y: number; width: number; height: number } } = {},
): Promise<string> {
  const path = process.env.PODWRIGHT_DOCS_SHOTS === '1' ? join('docs', name) : join('test-results', 'shots', name);
  mkdirSync(dirname(path), { recursive: true });
  await target.screenshot({ path, ...options });
  return path;
}

/**
 * Makes a journey strict about its page: the unsaved-changes guard and confirms are accepted (so journeys can move on),
 * and an exception in the page fails the journey even when the screen happens to look right.
 */
export function watchPage(page: Page): void {
  page.on('dialog', (d) => void d.accept());
  page.on('pageerror', (err) => {
    throw err;
  });
}

/** Opens the app at `url` without a recovered autosave, and waits for the canvas. */
export async function openApp(page: Page, url: string): Promise<void> {
  watchPage(page);
  await page.goto(url);
  await page.evaluate(() => localStorage.removeItem('podwright.autosave'));
  await expect(page.getByRole('region', { name: 'Pod canvas' })).toBeVisible();
}
