// Journey: running a Pod whose image is only in a registry. The test serves a tiny registry on 127.0.0.1 (no network
// needed), the run bar shows the image's pull bar filling, then the container runs; Down leaves nothing.
import Docker from 'dockerode';
import type { Page } from '@playwright/test';
import {
  imageFromEngine,
  startRegistry,
  type TestRegistry,
} from '../electron/engines/docker/pod/registry.test-support';
import {
  downRunningPod,
  engineJourneys,
  expect,
  openWithEngine,
  runAnsweringWarnings,
  test,
  typeYaml,
} from './fixtures';
import { serveApp, stopApp } from './serve';
import { docker, podContainers, unique } from './docker';
import { podText, sleeper } from './pods';

const REPOSITORY = 'podwright-test/busybox';

let registry: TestRegistry | undefined;
const name = unique('pull');
const missingName = unique('pull-missing');
const infraName = unique('pull-infra');
const tag = unique('pulltest');
let image = '';

const engine = engineJourneys('pull journey', 120_000, {
  async before() {
    // 2 MiB of random bytes at 512 KiB/s: a pull of about four seconds, long enough to watch the bar fill.
    registry = await startRegistry({ bytesPerSecond: 512 * 1024 });
    registry.publish(
      REPOSITORY,
      tag,
      await imageFromEngine(new Docker(), 'podwright-test/busybox:1', { extraLayerBytes: 2 * 1024 * 1024 }),
    );
    image = `${registry.host}/${REPOSITORY}:${tag}`;
    await docker('rmi', '-f', image).catch(() => undefined);
  },
  async after() {
    if (image) await docker('rmi', '-f', image).catch(() => undefined);
    await registry?.close();
  },
});
engine.created.push(name, missingName, infraName);

async function open(page: Page): Promise<void> {
  await openWithEngine(page, engine.url);
}

test('a Pod whose image is only in a registry: the pull bar fills, then the container runs; Down', async ({ page }) => {
  await open(page);
  await typeYaml(
    page,
    podText(name, {
      terminationGracePeriodSeconds: 0,
      containers: [sleeper('web', { image, imagePullPolicy: 'IfNotPresent' })],
    }),
  );
  await expect(page.getByTestId('node-container:web')).toBeVisible();
  const requestsBefore = registry!.requests.length;

  await page.getByTestId('run-start').click();
  const bar = page.getByRole('progressbar', { name: `Pulling ${image}` });
  const confirm = page.getByTestId('run-confirm');
  await expect(bar.or(confirm)).toBeVisible({ timeout: 30_000 });
  if (await confirm.isVisible()) await page.getByTestId('run-anyway').click();
  await expect(bar).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('run-stage')).toContainText(`pulling ${image}`);
  // Bytes arrive: the bar moves past 0 while the layer downloads.
  await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 20_000 }).toBeGreaterThan(0);
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    await page.getByTestId('run-bar').screenshot({ path: `/tmp/pull-helper-bar-${theme}.png` });
  }

  const web = page.getByTestId('node-container:web').getByTestId('run-status');
  await expect(web).toHaveAttribute('data-run-state', 'running', { timeout: 40_000 });
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  expect(registry!.requests.slice(requestsBefore).some((r) => r.path === `/v2/${REPOSITORY}/manifests/${tag}`)).toBe(
    true,
  );
  expect(await docker('image', 'inspect', '--format', '{{.Id}}', image)).toMatch(/^sha256:/);

  await downRunningPod(page);
  await expect(page.getByTestId('run-status')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design');
  expect(await podContainers(name)).toBe('');
});

test('an image tag the registry does not have: a plain pull error naming the container, and nothing left', async ({
  page,
}) => {
  const missing = `${registry!.host}/${REPOSITORY}:${unique('no-such')}`;
  await open(page);
  await typeYaml(
    page,
    podText(missingName, {
      containers: [sleeper('api', { image: missing, imagePullPolicy: 'IfNotPresent' })],
    }),
  );
  await expect(page.getByTestId('node-container:api')).toBeVisible();
  const error = await runAnsweringWarnings(page);
  await expect(error).toHaveAttribute('data-code', 'IMAGE_PULL_FAILED', { timeout: 30_000 });
  await expect(error).toContainText(
    `Could not pull image ${missing} for container "api": the registry ${registry!.host} has no image by that name and tag.`,
  );
  await expect(error).toContainText('Container: api');
  await expect(error).not.toContainText('HTTP code');
  await error.screenshot({ path: '/tmp/pull-helper-error.png' });
  // The container's node says why it is waiting; the Pod itself is still a design: nothing was left on the engine.
  await expect(page.getByTestId('node-container:api').getByTestId('run-status')).toContainText(
    'waiting: IMAGE_PULL_FAILED',
  );
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design');
  expect(await podContainers(missingName)).toBe('');
});

test('an infra image the engine cannot pull (offline): the error says how to choose another', async ({ page }) => {
  // A back end started with an infra image the registry does not have, as one started offline without pause:3.10 is.
  const app = await serveApp({ PODWRIGHT_INFRA_IMAGE: `${registry!.host}/podwright-test/pause:${unique('no-such')}` });
  try {
    await openWithEngine(page, app.url);
    await typeYaml(page, podText(infraName, { containers: [sleeper('api')] }));
    await expect(page.getByTestId('node-container:api')).toBeVisible();
    const error = await runAnsweringWarnings(page);
    await expect(error).toHaveAttribute('data-code', /^IMAGE_(PULL_FAILED|MISSING)$/, { timeout: 30_000 });
    await expect(error).toContainText('Container: POD');
    await expect(page.getByTestId('run-error-hint')).toContainText('PODWRIGHT_INFRA_IMAGE');
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design');
    expect(await podContainers(infraName)).toBe('');
  } finally {
    await stopApp(app);
  }
});
