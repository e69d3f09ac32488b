// Journey through a running Pod in Chromium via the browser host against the real Docker Engine: Run the sidecar
// example, read both containers in the merged log, filter and search it, open a terminal in each container, Stop, Down.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { chromiumPath } from '../playwright.config';
import { dockerReason, requireDocker } from '../electron/engines/docker/testing';
import type { Engine } from '../electron/engines/docker/connection/engine';
import { PodRuntime } from '../electron/engines/docker/pod/pod-runtime';
import { Labels } from '../shared/model/labels';
import { downRunningPod, loadExample, openApp, serveApp, shot, stopApp, type ServedApp } from './fixtures';
import { podText, sleeper } from './pods';

const INFRA = 'podwright-test/pause:1';

const test = base.extend<object, { app: ServedApp; engine: Engine }>({
  engine: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // Under CI=true a missing engine throws here (the journey fails); elsewhere the journey is skipped.
      const engine = await requireDocker();
      await use(engine);
    },
    { scope: 'worker' },
  ],
  app: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}.`);
      const app = await serveApp({ PODWRIGHT_INFRA_IMAGE: INFRA });
      await use(app);
      await stopApp(app);
    },
    { scope: 'worker' },
  ],
});

async function loadSidecarExample(page: Page, podName: string): Promise<void> {
  await loadExample(page, 'Log-shipper sidecar sharing a log volume');
  await expect(page.getByTestId('node-container:app')).toBeVisible();
  // Nothing selected: the inspector edits the Pod itself.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.getByRole('complementary', { name: 'Properties of the selection' }).getByLabel('Pod name').fill(podName);
}

async function podContainers(engine: Engine, podName: string): Promise<number> {
  const list = await engine.docker.listContainers({ all: true, filters: { label: [`${Labels.pod}=${podName}`] } });
  return list.length;
}

async function hostnameIn(page: Page, container: string): Promise<string> {
  await page.getByTestId('terminal-container').selectOption(container);
  await page.getByTestId('terminal-command').fill('sh');
  await page.getByTestId('terminal-start').click();
  const screen = page.getByTestId('terminal-screen');
  await expect(page.getByTestId('terminal-status')).toContainText(`sh in ${container}`);
  await screen.click();
  // The shell computes the marker, so the echoed command line itself never matches it.
  await page.keyboard.type('echo "host=$(hostname)"; echo "MARK_$((40+2))"\n');
  await expect(screen.locator('.xterm-rows')).toContainText('MARK_42');
  const text = await screen.locator('.xterm-rows').innerText();
  const m = /host=(\S+)/.exec(
    text
      .replace(/\u00a0/g, ' ')
      .split('\n')
      .filter((l) => !l.includes('$(hostname)'))
      .join('\n'),
  );
  expect(m, `hostname printed in ${container}:\n${text}`).not.toBeNull();
  await page.keyboard.type('exit 3\n');
  await expect(page.getByTestId('terminal-status')).toContainText('exit code 3');
  return m![1]!;
}

test('run the sidecar example: merged colour-coded logs, filter, search, a terminal in each container, stop, down', async ({
  page,
  app,
  engine,
}) => {
  test.skip(dockerReason !== undefined, `Docker: ${dockerReason}`);
  test.setTimeout(120_000);
  const podName = `logs-${randomBytes(3).toString('hex')}`;
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openApp(page, app.url);
    await loadSidecarExample(page, podName);

    await page.getByTestId('run-start').click();
    await page.getByRole('tab', { name: 'Logs' }).click();
    const lines = page.getByTestId('log-line');
    const app1 = lines.and(page.locator('[data-container="app"]')).filter({ hasText: 'app: wrote a line at' }).first();
    const shipper = lines.and(page.locator('[data-container="log-shipper"]')).first();
    await expect(app1).toBeVisible({ timeout: 60_000 });
    await expect(shipper).toBeVisible({ timeout: 30_000 });
    // Each container's name is drawn in its own colour.
    const colour = (l: typeof app1) => l.locator('.log-container').evaluate((el) => getComputedStyle(el).color);
    expect(await colour(app1)).not.toBe(await colour(shipper));

    // Filter to one container with its chip, then back to all.
    await page.getByTestId('log-chip-log-shipper').click();
    await expect(page.getByTestId('log-chip-log-shipper')).toHaveAttribute('aria-pressed', 'true');
    await expect(lines.and(page.locator('[data-container="app"]'))).toHaveCount(0);
    await expect(shipper).toBeVisible();
    await page.getByTestId('log-chip-all').click();
    await expect(app1).toBeVisible();

    // Clicking a container node on the canvas filters to it too.
    await page.getByTestId('node-container:app').click();
    await expect(page.getByTestId('log-chip-app')).toHaveAttribute('aria-pressed', 'true');
    await expect(lines.and(page.locator('[data-container="log-shipper"]'))).toHaveCount(0);
    await page.getByTestId('log-chip-all').click();

    // Timestamps and wrap are display toggles: the time column comes and goes.
    await page.getByRole('button', { name: 'Timestamps' }).click();
    await expect(app1.locator('.log-time')).toHaveText(/^\d\d:\d\d:\d\d\.\d{3}$/);
    await page.getByRole('button', { name: 'Wrap' }).click();
    await expect(page.locator('.log-scroll.wrap')).toBeVisible();
    await page.getByRole('button', { name: 'Wrap' }).click();

    // Screenshots of the running Pod with its logs, in both themes (docs/ keeps them for the README).
    await expect
      .poll(() => lines.and(page.locator('[data-container="app"]')).count(), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(4);
    await page.getByTestId('node-container:log-shipper').click();
    await page.getByTestId('log-chip-all').click();
    await page.getByTestId('log-search').fill('wrote');
    for (const theme of ['dark', 'light'] as const) {
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
      await page.waitForTimeout(300);
      await shot(page, `logs-${theme}-en.png`);
    }

    // Search a word: it is highlighted, and counted.
    await page.getByTestId('log-search').fill('wrote');
    await expect(page.locator('mark.log-match').first()).toHaveText('wrote');
    await expect(page.getByTestId('log-match-count')).toContainText(/of \d+/);
    await page.getByTestId('log-search').fill('');

    // Save downloads the merged log as a text file.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save…' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^${podName}-logs-\\d{8}-\\d{6}\\.log$`));
    const saved = readFileSync(await file.path(), 'utf8');
    expect(saved).toMatch(/ app app: wrote a line at /);
    expect(saved).toMatch(/ log-shipper /);

    // A terminal in each container: both see the Pod's hostname (the shared UTS namespace).
    await page.getByRole('tab', { name: 'Terminal' }).click();
    const inApp = await hostnameIn(page, 'app');
    const inShipper = await hostnameIn(page, 'log-shipper');
    expect(inApp).toBe(podName);
    expect(inShipper).toBe(podName);
    await page.screenshot({ path: test.info().outputPath('terminal.png') });

    await page.getByTestId('run-stop').click();
    await page.getByRole('tab', { name: 'Logs' }).click();
    await expect(page.getByText('exited with code').first()).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('run-down').click();
    await expect.poll(() => podContainers(engine, podName), { timeout: 30_000 }).toBe(0);
  } finally {
    // Whatever the journey left behind (it failed half-way): containers and the Pod's volumes.
    await new PodRuntime(engine).down({ name: podName }, { graceSeconds: 0 }).catch(() => undefined);
  }
});

test('follow pauses when the user scrolls up and resumes on demand; search steps to a match; stderr only', async ({
  page,
  app,
  engine,
}) => {
  test.skip(dockerReason !== undefined, `Docker: ${dockerReason}`);
  test.setTimeout(120_000);
  const podName = `follow-${randomBytes(3).toString('hex')}`;
  try {
    await openApp(page, app.url);
    await page.getByRole('tab', { name: 'YAML' }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(
      podText(podName, {
        // sh as PID 1 ignores SIGTERM: do not make Down wait the default 30 s.
        terminationGracePeriodSeconds: 1,
        containers: [
          sleeper('counter', {
            command: ['sh', '-c', 'seq 1 3000; echo oops >&2; while true; do sleep 1; echo tick; done'],
          }),
        ],
      }),
    );
    await expect(
      page.getByRole('complementary', { name: 'Properties of the selection' }).getByLabel('Pod name'),
    ).toHaveValue(podName);
    await page.getByTestId('run-start').click();
    await page.getByRole('tab', { name: 'Logs' }).click();
    const lines = page.getByTestId('log-line');
    // Following: the newest lines are in view.
    await expect(lines.filter({ hasText: /^counter\s*tick$/ }).first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('log-follow')).toHaveText('Following');

    // Scrolling up pauses; new lines then leave the view where it is.
    await page.locator('.log-scroll').hover();
    await page.mouse.wheel(0, -2000);
    await expect(page.getByTestId('log-follow')).toHaveText('Paused');
    const top = await page.locator('.log-scroll').evaluate((el) => el.scrollTop);
    await page.waitForTimeout(2500);
    expect(await page.locator('.log-scroll').evaluate((el) => el.scrollTop)).toBe(top);
    await expect(lines.filter({ hasText: /^counter\s*tick$/ })).toHaveCount(0);

    // Follow again: back to the newest line.
    await page.getByTestId('log-follow').click();
    await expect(page.getByTestId('log-follow')).toHaveText('Following');
    await expect(lines.filter({ hasText: /^counter\s*tick$/ }).first()).toBeVisible();

    // Search steps to a match far above and shows it, highlighted.
    await page.getByTestId('log-search').fill('1234');
    await page.getByTestId('log-search').press('Enter');
    await expect(page.getByTestId('log-match-count')).toHaveText('1 of 1');
    await expect(page.locator('.log-line.current mark.log-match')).toHaveText('1234');
    await expect(page.getByTestId('log-follow')).toHaveText('Paused');
    await page.getByTestId('log-search').fill('');

    // stderr only: the one line the container wrote to stderr.
    await page.getByTestId('log-chip-stderr').click();
    await expect(lines).toHaveCount(1);
    await expect(lines.first()).toHaveAttribute('data-stream', 'stderr');
    await expect(lines.first()).toContainText('oops');
    await page.getByTestId('log-chip-stderr').click();

    // Clear empties the view; the stream goes on.
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(lines.filter({ hasText: '3000' })).toHaveCount(0);
    await expect(lines.filter({ hasText: /^counter\s*tick$/ }).first()).toBeVisible({ timeout: 10_000 });

    await downRunningPod(page);
    await expect.poll(() => podContainers(engine, podName), { timeout: 30_000 }).toBe(0);
  } finally {
    await new PodRuntime(engine).down({ name: podName }, { graceSeconds: 0 }).catch(() => undefined);
  }
});
