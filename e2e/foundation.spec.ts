// The walking skeleton's journey: the app loads through the browser host and shows the real engine.
import Docker from 'dockerode';
import { serveApp, shot, stopApp, test, expect } from './fixtures';

test('loads the first screen and shows the real Docker Engine version', async ({ page, app }) => {
  // Ask the daemon directly, so the test compares the UI with the engine, not with a constant.
  const version = await new Docker().version().catch((err: Error) => {
    throw new Error(`Docker Engine not reachable; start dockerd (see README): ${err.message}`);
  });
  await page.goto(app.url);
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pod canvas' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Things to add to the Pod' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Properties of the selection' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Problems' })).toBeVisible();
  const status = page.getByTestId('engine-status');
  await expect(status).toHaveAttribute('data-state', 'ok');
  await expect(status).toContainText(`${version.Version} · API ${version.ApiVersion}`);
  // The token leaves the address bar once the page has it.
  expect(page.url()).not.toContain('token=');
  await shot(page, 'first-screen.png');
});

test('without the token the page loads but the back end refuses it, and says how to get in', async ({ page, app }) => {
  const response = await page.goto(`http://127.0.0.1:${app.port}/`);
  expect(response?.status()).toBe(200);
  const status = page.getByTestId('engine-status');
  await expect(status).toContainText('open the link `podwright serve` printed');
});

test('keeps the token for its tab: a reload reconnects, a new tab needs the link', async ({ page, app, context }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ok');
  expect(page.url()).toBe(`http://127.0.0.1:${app.port}/`);
  await page.reload();
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ok');
  // No cookie was ever set: nothing is sent to any other server on 127.0.0.1.
  expect(await context.cookies()).toEqual([]);
  const second = await context.newPage();
  await second.goto(`http://127.0.0.1:${app.port}/`);
  await expect(second.getByTestId('engine-status')).toContainText('podwright serve');
  await second.goto(app.url);
  await expect(second.getByTestId('engine-status')).toHaveAttribute('data-state', 'ok');
  await second.close();
});

test('switches to Simplified Chinese and to the dark theme', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('tab', { name: '问题' })).toBeVisible();
  await page.getByRole('combobox', { name: '主题' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.getByRole('tab', { name: '问题' })).toBeVisible(); // remembered
});

test('says which socket it tried when the engine is unreachable', async ({ page }) => {
  const app = await serveApp({ DOCKER_HOST: 'unix:///tmp/podwright-no-such-engine.sock' });
  try {
    await page.goto(app.url);
    const status = page.getByTestId('engine-status');
    await expect(status).toHaveAttribute('data-state', 'down');
    await expect(status).toContainText('unix:///tmp/podwright-no-such-engine.sock');
    // The status bar (the notices are a status region of their own since issue 22's undo feedback).
    await expect(page.getByRole('status').filter({ has: status })).toContainText('DOCKER_HOST');
  } finally {
    await stopApp(app);
  }
});
