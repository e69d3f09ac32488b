// Journeys for running a Pod from the canvas, in Chromium through the browser host against the real Docker Engine:
// run the sidecar example and watch it come up, stop and down it; a failing init container; a hostPort that is taken;
// a Pod Kubernetes would reject; warnings that ask once.
import { createServer, type Server } from 'node:net';
import type { Page } from '@playwright/test';
import {
  engineJourneys,
  expect,
  loadExample,
  openWithEngine,
  runAnsweringWarnings,
  shot,
  test,
  typeYaml,
} from './fixtures';
import { freePort, podContainers, unique } from './docker';
import { podText, sleeper } from './pods';

// Stopping waits for the Pod's grace period (busybox shells ignore SIGTERM), so a journey needs more than 60 s.
const engine = engineJourneys('run journeys', 150_000);
const created = engine.created;

async function open(page: Page): Promise<void> {
  await openWithEngine(page, engine.url);
  // The run bar's engine picker names the engine in use.
  await expect(page.getByTestId('run-engine').locator('option:checked')).toContainText('Docker');
}

async function renamePod(page: Page, name: string): Promise<void> {
  await page.getByTestId('node-pod').locator('.pod-title').click();
  const field = page.getByRole('complementary', { name: 'Properties of the selection' }).getByLabel('Pod name');
  await field.fill(name);
  await expect(page.getByTestId('node-pod')).toContainText(name);
}

function runState(page: Page, container: string) {
  return page.getByTestId(`node-container:${container}`).getByTestId('run-status');
}

test('run the sidecar example: every container turns running, Stop, Down, and the canvas is a design again', async ({
  page,
}) => {
  const name = unique('run-sidecar');
  created.push(name);
  await open(page);
  await loadExample(page, 'Log-shipper sidecar sharing a log volume');
  await renamePod(page, name);
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design');
  await expect(page.getByTestId('run-status')).toHaveCount(0);

  await page.getByTestId('run-start').click();
  // The example has only advice-level notes; if a warning asks, answer it as a user would.
  const confirm = page.getByTestId('run-confirm');
  await expect(runState(page, 'app').or(confirm)).toBeVisible({ timeout: 30_000 });
  if (await confirm.isVisible()) await page.getByTestId('run-anyway').click();

  for (const container of ['app', 'log-shipper']) {
    await expect(runState(page, container)).toHaveAttribute('data-run-state', 'running', { timeout: 30_000 });
    await expect(runState(page, container)).toContainText(/running \d+s/);
  }
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'Running');
  await expect(page.getByTestId('pod-phase')).toHaveText('Running');
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  expect((await podContainers(name)).split('\n').filter(Boolean)).toHaveLength(3); // infra, sidecar, app

  // The uptime ticks from engine time, without another status event.
  const before = await runState(page, 'app').innerText();
  await expect.poll(() => runState(page, 'app').innerText(), { timeout: 5_000 }).not.toBe(before);

  // The docs' screenshots show the running Pod with its merged log.
  await page.getByRole('tab', { name: 'Logs' }).click();
  for (const theme of ['dark', 'light'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    await page
      .getByRole('toolbar', { name: 'Main toolbar' })
      .getByRole('button', { name: 'Fit view', exact: true })
      .click();
    await page.waitForTimeout(400);
    await shot(page, `run-${theme}-en.png`);
  }

  // The bar in Simplified Chinese, to look at.
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByTestId('run-start')).toContainText('运行');
  await shot(page, 'run-light-zh-CN.png');
  await page.getByLabel('语言').selectOption('en');

  await page.getByTestId('run-stop').click();
  await expect(page.getByTestId('run-stage')).toContainText('stopping the containers');
  for (const container of ['app', 'log-shipper']) {
    await expect(runState(page, container)).toHaveAttribute('data-run-state', 'terminated', { timeout: 40_000 });
  }
  await expect(page.getByTestId('run-stop')).toBeDisabled();

  await page.getByTestId('run-down').click();
  await expect(page.getByTestId('run-status')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design');
  await expect(page.getByTestId('pod-phase')).toHaveCount(0);
  expect(await podContainers(name)).toBe('');
});

test('an init container that fails shows its exit code and output on its node, and nothing is left', async ({
  page,
}) => {
  const name = unique('run-initfail');
  created.push(name);
  await open(page);
  await typeYaml(
    page,
    podText(name, {
      restartPolicy: 'Never',
      // It takes a moment, so the stage line can be seen saying what runs.
      initContainers: [sleeper('migrate', { command: ['sh', '-c', 'sleep 3; echo boom; exit 3'] })],
      containers: [sleeper('app')],
    }),
  );
  await expect(page.getByTestId('node-container:migrate')).toBeVisible();
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-stage')).toHaveText('init 1/1: migrate', { timeout: 20_000 });

  const failed = runState(page, 'migrate');
  await expect(failed).toHaveAttribute('data-run-state', 'terminated', { timeout: 40_000 });
  await expect(failed).toHaveAttribute('data-exit-code', '3');
  await expect(failed).toContainText('exited 3');
  const error = page.getByTestId('run-error');
  await expect(error).toHaveAttribute('data-code', 'INIT_FAILED');
  await expect(error).toContainText('exited with code 3');
  await expect(page.getByTestId('run-error-logs')).toContainText('boom');
  await shot(page, 'run-init-failed.png');
  // The app never started, so its node shows no run state.
  await expect(runState(page, 'app')).toHaveCount(0);
  expect(await podContainers(name)).toBe('');
});

test('a hostPort taken on this machine gives a clear error and leaves nothing behind', async ({ page }) => {
  const name = unique('run-porttaken');
  created.push(name);
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '0.0.0.0', done));
  const port = (server.address() as { port: number }).port;
  try {
    await open(page);
    await typeYaml(
      page,
      podText(name, { containers: [sleeper('web', { ports: [{ containerPort: 8080, hostPort: port }] })] }),
    );
    await expect(page.getByTestId('node-container:web')).toBeVisible();
    const error = await runAnsweringWarnings(page);
    await expect(error).toHaveAttribute('data-code', 'PORT_TAKEN', { timeout: 30_000 });
    await expect(error).toContainText(`Host port ${port} is already in use`);
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design');
    expect(await podContainers(name)).toBe('');
  } finally {
    await new Promise((done) => server.close(done));
  }
});

test('Run is refused with the reasons while Kubernetes would reject the Pod; warnings ask once', async ({ page }) => {
  const name = unique('run-refused');
  created.push(name);
  await open(page);
  await typeYaml(page, podText(name, { containers: [{ name: 'app' }] }));
  await expect(page.getByTestId('node-container:app')).toBeVisible();
  // The keyboard shortcut is the registry's: F5 runs (from outside a text field).
  await page.getByRole('region', { name: 'Pod canvas' }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('F5');
  const refused = page.getByRole('dialog', { name: 'Run refused' });
  await expect(refused).toBeVisible();
  await expect(refused.locator('[data-code="CONTAINER_IMAGE_REQUIRED"]')).toBeVisible();
  await expect(refused.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.getByLabel('Theme').selectOption('dark');
  await shot(page, 'run-refused-dark.png');
  await page.keyboard.press('Escape');
  await expect(refused).toBeHidden();
  expect(await podContainers(name)).toBe('');

  // An unused volume is a warning: asked once, Cancel runs nothing; Run anyway runs; then it asks no more.
  await typeYaml(
    page,
    podText(name, {
      terminationGracePeriodSeconds: 1,
      containers: [sleeper('app')],
      volumes: [{ name: 'scratch', emptyDir: {} }],
    }),
  );
  await expect(page.getByTestId('node-volume:scratch')).toBeVisible();
  await page.getByTestId('run-start').click();
  const confirm = page.getByRole('dialog', { name: 'Run with warnings?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.locator('[data-code="VOLUME_UNUSED"]')).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  expect(await podContainers(name)).toBe('');

  await page.getByTestId('run-start').click();
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Run anyway' })).toBeFocused();
  await page.keyboard.press('Tab'); // focus stays inside the dialog
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(runState(page, 'app')).toHaveAttribute('data-run-state', 'running', { timeout: 30_000 });

  // Restart makes it again from the design without asking again.
  const firstId = (await podContainers(name)).split('\n').sort().join();
  await page.getByTestId('run-restart').click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('run-start')).toBeEnabled({ timeout: 40_000 });
  await expect(runState(page, 'app')).toHaveAttribute('data-run-state', 'running');
  expect((await podContainers(name)).split('\n').sort().join()).not.toBe(firstId);

  // Opening another design leaves the Pod running: it is listed to attach to or clean up.
  await loadExample(page, 'Shared PID namespace');
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design');
  await page.getByTestId('run-leftovers').getByRole('button', { name: 'Review' }).click();
  const leftovers = page.getByRole('dialog', { name: 'Pods from an earlier run' });
  await expect(leftovers.locator(`li[data-pod="${name}"]`)).toBeVisible();
  await leftovers.getByRole('button', { name: `Attach to Pod ${name}` }).click();
  await expect(leftovers).toBeHidden();
  await expect(page.getByTestId('run-attached')).toContainText(name);
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'Running');
  await page.getByTestId('run-leftovers').getByRole('button', { name: 'Review' }).click();
  await leftovers.getByRole('button', { name: `Remove Pod ${name} and its volumes` }).click();
  await expect(leftovers.locator(`li[data-pod="${name}"]`)).toHaveCount(0, { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design');
  await expect(page.getByTestId('run-attached')).toHaveCount(0);
  expect(await podContainers(name)).toBe('');
});

test('a published hostPort becomes a link that opens the running app in a new tab', async ({ page }) => {
  const name = unique('run-ports');
  created.push(name);
  const port = await freePort();
  await open(page);
  await typeYaml(
    page,
    podText(name, {
      terminationGracePeriodSeconds: 1,
      containers: [
        sleeper('web', {
          command: [
            'sh',
            '-c',
            `mkdir -p /www && echo hello from ${name} > /www/index.html && exec httpd -f -p 8080 -h /www`,
          ],
          ports: [{ containerPort: 8080, hostPort: port }],
        }),
      ],
    }),
  );
  await expect(page.getByTestId('node-container:web')).toBeVisible();
  // No link while the Pod is a design.
  await expect(page.getByTestId('run-port-link')).toHaveCount(0);
  await page.getByTestId('run-start').click();
  const confirm = page.getByTestId('run-confirm');
  await expect(runState(page, 'web').or(confirm)).toBeVisible({ timeout: 30_000 });
  if (await confirm.isVisible()) await page.getByTestId('run-anyway').click();
  await expect(runState(page, 'web')).toHaveAttribute('data-run-state', 'running', { timeout: 30_000 });

  const link = page
    .getByTestId('node-container:web')
    .getByRole('link', { name: `Open http://127.0.0.1:${port} in a new tab` });
  await expect(link).toHaveAttribute('href', `http://127.0.0.1:${port}/`);
  await expect(link).toHaveAttribute('target', '_blank');
  // The engine publishes the port before httpd listens: wait until the app answers, as a user would reload.
  await expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.text(),
          () => '',
        ),
      { timeout: 10_000 },
    )
    .toContain(`hello from ${name}`);
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await expect(tab.locator('body')).toContainText(`hello from ${name}`);
  await tab.close();

  // The run actions are in the command palette, and only while they apply.
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('the Pod');
  await expect(palette.getByRole('option', { name: /Stop the Pod/ })).toBeVisible();
  await expect(palette.getByRole('option', { name: /Restart the Pod/ })).toBeVisible();
  await palette.getByRole('combobox').fill('Stop the Pod');
  await page.keyboard.press('Enter');
  await expect(runState(page, 'web')).toHaveAttribute('data-run-state', 'terminated', { timeout: 30_000 });
  await expect(page.getByTestId('run-port-link')).toHaveCount(0);
  await page.keyboard.press('Control+K');
  await palette.getByRole('combobox').fill('Stop the Pod');
  await expect(palette.getByRole('option', { name: /Stop the Pod/ })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.getByTestId('run-down').click();
  // Down is done when the canvas is a design again (the links went with Stop already).
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design', { timeout: 30_000 });
  await expect(page.getByTestId('run-port-link')).toHaveCount(0);
  expect(await podContainers(name)).toBe('');
});
