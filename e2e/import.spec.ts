// Journeys for bringing in what a user has, in Chromium through the browser host against the real Docker Engine:
// open a Compose file (its .env beside it), see the proposed Pods and notes, change the grouping, create and Run; and
// "New design from running containers" on a docker-compose project of local test images.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { downRunningPod, expect, openWithEngine, serveApp, shot, stopApp, test, type ServedApp } from './fixtures';
import { dockerMissing, freePort, sweep } from './docker';

const run = promisify(execFile);
const COMPOSE = '/usr/bin/docker-compose';
const BUSYBOX = 'podwright-test/busybox:1';

let app: ServedApp | undefined;
let base: string;
let root: string;
let skipReason: string | undefined;
const id = Math.random().toString(36).slice(2, 8);
const web = `web${id}`;
const cache = `cache${id}`;
const project = `pwimport${id}`;
let webPort = 0;

test.beforeAll(async () => {
  skipReason = await dockerMissing('import journeys');
  if (!skipReason && !existsSync(COMPOSE)) {
    if (process.env.CI === 'true') throw new Error(`CI needs ${COMPOSE} for the import journeys`);
    skipReason = `${COMPOSE} is not installed`;
  }
  if (skipReason) return;
  base = mkdtempSync(join(tmpdir(), 'podwright-import-e2e-'));
  root = join(base, 'home');
  mkdirSync(join(root, 'shop'), { recursive: true });
  webPort = await freePort();
  writeFileSync(
    join(root, 'shop', 'compose.yaml'),
    [
      'services:',
      `  ${web}:`,
      `    image: ${BUSYBOX}`,
      '    command: httpd -f -p 8080 -h /www',
      '    ports: ["${WEB_PORT}:8080"]',
      '    restart: always',
      '  sidecar:',
      `    image: ${BUSYBOX}`,
      '    command: ["sh", "-c", "while true; do wget -qO- http://localhost:8080/ >/dev/null; sleep 5; done"]',
      `    network_mode: service:${web}`,
      `  ${cache}:`,
      `    image: ${BUSYBOX}`,
      '    command: sleep 3600',
      '    container_name: the-cache',
      '',
    ].join('\n'),
  );
  writeFileSync(join(root, 'shop', '.env'), `WEB_PORT=${webPort}\n`);
  app = await serveApp({
    PODWRIGHT_FILE_ROOT: root,
    PODWRIGHT_CONFIG_DIR: join(base, 'config'),
    PODWRIGHT_INFRA_IMAGE: 'podwright-test/pause:1',
  });
});

test.afterAll(async () => {
  if (skipReason) return;
  for (const name of [web, cache, project]) await sweep(name);
  await run(COMPOSE, ['-p', project, 'down', '--timeout', '0'], { cwd: join(base, 'running') }).catch(() => undefined);
  if (app) await stopApp(app);
  rmSync(base, { recursive: true, force: true });
});

test.beforeEach(() => {
  test.skip(skipReason !== undefined, skipReason);
  test.setTimeout(180_000);
});

async function openCompose(page: Page): Promise<void> {
  await openWithEngine(page, app!.url);
  await page.getByRole('button', { name: 'Open…' }).click();
  const picker = page.getByRole('dialog', { name: 'Open a design' });
  await picker.getByRole('button', { name: 'Folder shop' }).click();
  await picker.getByRole('button', { name: 'compose.yaml' }).dblclick();
  await expect(picker).toBeHidden();
}

test('open a Compose file: the proposed Pods and notes, a changed grouping, Create and Run', async ({ page }) => {
  await openCompose(page);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByRole('heading', { name: 'Import compose.yaml' })).toBeVisible();
  // The sidecar joins web's network, so they are one Pod; the cache stands alone.
  const webPod = dialog.getByTestId(`import-pod-${web}`);
  await expect(webPod.locator('.import-service code')).toHaveText([web, 'sidecar']);
  await expect(webPod.locator('.import-why')).toHaveText(`sidecar joins the network of ${web}`);
  await expect(dialog.getByTestId(`import-pod-${cache}`).locator('.import-service code')).toHaveText([cache]);
  // .env beside the file gave the port; what a Pod cannot carry is said.
  await expect(
    dialog.getByText(`"container_name" has no Pod equivalent; left out: ${cache} (the-cache).`),
  ).toBeVisible();
  await expect(dialog.locator('[data-code="localNames"]')).toContainText(`${web}, sidecar resolve to 127.0.0.1`);
  await shot(page, 'import-dialog-light-en.png');

  // Move the cache into web's Pod: one Pod of three containers, "as you grouped them".
  await dialog.getByRole('combobox', { name: `Pod of ${cache}` }).selectOption({ label: `in Pod ${web}` });
  await expect(dialog.getByRole('combobox', { name: 'Pods' })).toHaveValue('chosen');
  await expect(dialog.locator('.import-pod')).toHaveCount(1);
  await expect(webPod.locator('.import-service code')).toHaveText([web, 'sidecar', cache]);
  // Then one Pod per service: the sidecar loses web's network, and the note says so.
  await dialog.getByRole('combobox', { name: 'Pods' }).selectOption('per-service');
  await expect(dialog.locator('.import-pod')).toHaveCount(3);
  await expect(dialog.locator('[data-code="tieBrokenNetwork"]')).toContainText(
    `sidecar joined the network namespace of ${web}`,
  );
  // Back to the grouping by shared namespaces, and the dialog in Chinese.
  await dialog.getByRole('combobox', { name: 'Pods' }).selectOption('auto');
  await expect(dialog.locator('.import-pod')).toHaveCount(2);
  await page.evaluate(() => localStorage.setItem('podwright.language', 'zh-CN'));
  await page.locator('select[aria-label="Language"]').selectOption('zh-CN');
  await expect(dialog.getByRole('heading', { name: '导入 compose.yaml' })).toBeVisible();
  await expect(dialog.locator('[data-code="localNames"]')).toContainText('解析为 127.0.0.1');
  await shot(page, 'import-dialog-light-zh-CN.png');
  await page.locator('select[aria-label="语言"]').selectOption('en');

  await dialog.getByRole('button', { name: 'Create design (2 Pods)' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('document-title')).toHaveText('shop.pod.yaml •');
  await expect(page.getByTestId('node-container:sidecar')).toBeVisible();
  await expect(page.getByTestId(`node-container:${web}`)).toBeVisible();

  // Run the active Pod (web's): both containers run, and the port from .env answers on the host.
  const state = (container: string) => page.getByTestId(`node-container:${container}`).getByTestId('run-status');
  await page.getByTestId('run-start').click();
  const confirm = page.getByTestId('run-confirm');
  await expect(state(web).or(confirm)).toBeVisible({ timeout: 30_000 });
  if (await confirm.isVisible()) await page.getByTestId('run-anyway').click();
  for (const container of [web, 'sidecar']) {
    await expect(state(container)).toHaveAttribute('data-run-state', 'running', { timeout: 60_000 });
  }
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await shot(page, 'import-run-light-en.png');
  const answer = await fetch(`http://127.0.0.1:${webPort}/`).then((r) => r.text());
  expect(answer).toBe('ok\n');
  await downRunningPod(page);
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design', { timeout: 60_000 });
});

test('New design from running containers: a docker-compose project becomes Pods', async ({ page }) => {
  const dir = join(base, 'running');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'docker-compose.yml'),
    [
      'services:',
      '  api:',
      `    image: ${BUSYBOX}`,
      '    command: httpd -f -p 9000 -h /www',
      '    expose: ["9000"]',
      '  worker:',
      `    image: ${BUSYBOX}`,
      '    command: sleep 3600',
      '    network_mode: service:api',
      '',
    ].join('\n'),
  );
  await run(COMPOSE, ['-p', project, 'up', '-d'], { cwd: dir, timeout: 120_000 });

  await openWithEngine(page, app!.url);
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Type a command' }).fill('running containers');
  await page.getByRole('option', { name: 'New design from running containers' }).click();
  const picker = page.getByTestId('containers-dialog');
  const group = picker.getByTestId(`containers-compose-${project}`);
  await expect(group.locator('.import-service code')).toHaveCount(2);
  await expect(group).toContainText('api');
  await expect(group).toContainText('worker');
  await group.getByRole('checkbox', { name: `Compose project ${project}` }).check();
  await shot(page, 'import-containers-light-en.png');
  await picker.getByRole('button', { name: 'Continue with 2 containers' }).click();

  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByRole('heading', { name: 'New design from running containers' })).toBeVisible();
  await expect(dialog.getByTestId('import-pod-api').locator('.import-service code')).toHaveText(['api', 'worker']);
  await expect(dialog.getByTestId('import-pod-api').locator('.import-why')).toHaveText(
    'worker joins the network of api',
  );
  await dialog.getByRole('button', { name: 'Create design (1 Pods)' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('document-title')).toHaveText(`${project}.pod.yaml •`);
  await expect(page.getByTestId('node-container:api')).toBeVisible();
  await expect(page.getByTestId('node-container:worker')).toBeVisible();
});
