// Journey: in Simplified Chinese a run that fails shows the runtime's error in Chinese. A Pod publishes a hostPort this
// machine already uses (a local server holds it); Run fails with PORT_TAKEN, and the run bar says so in Chinese with the
// port number, and nothing of the Pod is left on the engine.
import { createServer, type Server } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import { test, expect, shot, typeYaml, engineJourneys, openWithEngine, runAnsweringWarnings } from './fixtures';
import { podContainers, unique } from './docker';

const engine = engineJourneys('run journeys in Chinese', 120_000);

/** A Pod of one busybox container "web"; `extra` are more lines of its container, then of its spec. */
function podYaml(name: string, container: string[], spec: string[] = []): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    ...spec,
    '  containers:',
    '    - name: web',
    '      image: busybox:1.36',
    "      command: ['sleep', '3600']",
    ...container,
    '',
  ].join('\n');
}

/** Opens the design, switches the UI to Chinese, presses Run (answering the warning question) and returns the error box. */
async function runInChinese(page: Page, yaml: string): Promise<Locator> {
  await openWithEngine(page, engine.url);
  await typeYaml(page, yaml);
  await expect(page.getByTestId('node-container:web')).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('combobox', { name: '语言' })).toBeVisible();
  return runAnsweringWarnings(page);
}

test('a taken hostPort fails the run with the Chinese text and the port number, leaving nothing behind', async ({
  page,
}) => {
  const name = unique('run-zh-porttaken');
  engine.created.push(name);
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '0.0.0.0', done));
  const port = (server.address() as { port: number }).port;
  try {
    const error = await runInChinese(
      page,
      podYaml(name, ['      ports:', '        - containerPort: 8080', `          hostPort: ${port}`]),
    );
    await expect(error).toHaveAttribute('data-code', 'PORT_TAKEN', { timeout: 30_000 });
    await expect(error.getByTestId('run-error-message')).toHaveText(
      `本机的主机端口 ${port} 已被占用，因此该 Pod 的 infra 容器无法发布它。请停止占用该端口的程序，或换一个 hostPort。`,
    );
    await expect(error).not.toContainText('already in use');
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design');
    expect(await podContainers(name)).toBe('');
    await shot(page, 'run-zh-port-taken-light.png');
    await page.getByRole('combobox', { name: '主题' }).selectOption('dark');
    await shot(page, 'run-zh-port-taken-dark.png');

    // The same error reads as the engine wrote it once the language is English again.
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(error.getByTestId('run-error-message')).toHaveText(
      `Host port ${port} is already in use on this machine, so the Pod's infra container could not publish it. Stop what uses the port, or pick another hostPort.`,
    );
  } finally {
    await new Promise((done) => server.close(done));
  }
});

test('a Pod the engine cannot run is refused before running, with the gate\'s problem in Chinese', async ({ page }) => {
  const name = unique('run-zh-subpath');
  engine.created.push(name);
  const yaml = podYaml(
    name,
    ['      volumeMounts:', '        - name: data', '          mountPath: /data', '          subPath: part'],
    ['  volumes:', '    - name: data', '      emptyDir: {}'],
  );
  await openWithEngine(page, engine.url);
  // Engine API 1.45 (Docker 26) mounts part of a volume; an older engine cannot run this Pod (ENGINE_NO_SUBPATH).
  const api = (await page.getByTestId('engine-status').textContent()) ?? '';
  test.skip(!/API 1\.4[1-4]\b/.test(api), `the engine mounts subPaths (${api})`);
  await typeYaml(page, yaml);
  await expect(page.getByTestId('node-container:web')).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('combobox', { name: '语言' })).toBeVisible();
  await page.getByTestId('run-start').click();
  // The app applies the same gate as pod.run and podwright run: refused up front, nothing is created.
  const refused = page.getByTestId('run-refused');
  await expect(refused).toBeVisible();
  const reason = refused.locator('[data-code="ENGINE_NO_SUBPATH"]');
  await expect(reason).toContainText(
    /容器“web”挂载了卷“data”的 subPath“part”。Docker 从 Engine API 1\.45（Docker 26）起才能只挂载卷的一部分/,
  );
  await expect(reason).toContainText('spec.containers[0].volumeMounts[0].subPath');
  await expect(refused).not.toContainText('mounts subPath');
  await shot(refused, 'run-zh-plan-refused.png');
  expect(await podContainers(name)).toBe('');
});
