// Journeys for Deployments and Services on the canvas (browser host, no Docker needed), used as people use the app:
// commands typed a key at a time, fields typed character by character, connections made with the mouse. Wrap the Pod
// in a Deployment and type its replicas on the group; add a Service, connect it to a named container port, and watch
// the selector edge follow the Pod's labels; each Deployment and Service problem with its fix; export of what is drawn,
// the same text from the app as from the CLI; the canvas at 1280×720 and 1440×900 in both languages.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';
import { addConnectedService, command, drag, openExample, typeInto } from './workloads-support';

const run = promisify(execFile);

async function openHelloWorld(page: Page, url: string): Promise<void> {
  await openExample(page, url, 'Hello world: four containers', 'node-container:api');
}

async function fitView(page: Page): Promise<void> {
  // React Flow's own control, the same in every language.
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(400);
}

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Properties of the selection' });
const problem = (page: Page, code: string) => page.locator(`li.problem[data-code="${code}"]`);
const serviceNode = (page: Page, name = 'my-service') => page.getByTestId(`node-service:${name}`);

/** Adds a Service from the palette and connects its new-port handle to the api container's named port "http". */
async function addHttpService(page: Page): Promise<void> {
  const service = await addConnectedService(page, 'api');
  await expect(service.getByTestId('service-port')).toHaveText('http 80 → http');
}

test('wrap the Pod in a Deployment, type its replicas on the group, and undo back to the bare Pod', async ({
  page,
  app,
}) => {
  await openHelloWorld(page, app.url);
  const group = page.getByTestId('node-pod');
  await expect(group.getByTestId('deployment-tag')).toHaveCount(0);
  await command(page, 'Wrap in a Deployment');
  await expect(group.getByTestId('deployment-tag')).toBeVisible();
  const replicas = group.getByTestId('replicas-on-group');
  await expect(replicas).toHaveValue('1');
  await expect(group).not.toHaveClass(/stacked/);

  await typeInto(page, replicas, '3');
  await expect(replicas).toHaveValue('3');
  await expect(group).toHaveClass(/stacked/);
  // The inspector shows the same count, and typing there moves the group's.
  await group.locator('.pod-title').click();
  const field = inspector(page).getByTestId('replicas-field');
  await expect(field).toHaveValue('3');
  await expect(inspector(page).getByTestId('deployment-selector')).toHaveText(
    'Selects the Pods labelled app=helloworld',
  );
  await shot(page, 'workloads/deployment-replicas-1440.png');

  // Not a number: the rule says so where it is typed, in the Problems panel, and its fix puts a count back. (A pause
  // longer than the store's 1 s grouping window first, so this typing is its own undo step.)
  await page.waitForTimeout(1100);
  await typeInto(page, replicas, 'three');
  await expect(problem(page, 'WORKLOAD_REPLICAS_INVALID').locator('.problem-message')).toHaveText(
    'Invalid value: "three": must be an integer',
  );
  await expect(group.getByTestId('deployment-tag').locator('.badge-error')).toHaveText('1');
  await expect(inspector(page).locator('.field-problems')).toContainText('must be an integer');
  await problem(page, 'WORKLOAD_REPLICAS_INVALID').getByRole('button', { name: 'Fix: Set replicas to 1' }).click();
  await expect(replicas).toHaveValue('1');
  await expect(problem(page, 'WORKLOAD_REPLICAS_INVALID')).toHaveCount(0);

  // Undo goes back through the fix and the typing (one step), redo forward again.
  await page.keyboard.press('Control+z');
  await expect(replicas).toHaveValue('three');
  await page.keyboard.press('Control+z');
  await expect(replicas).toHaveValue('3');
  await page.keyboard.press('Control+Shift+z');
  await expect(replicas).toHaveValue('three');

  await command(page, 'Unwrap the Deployment');
  await expect(group.getByTestId('deployment-tag')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(group.getByTestId('deployment-tag')).toBeVisible();
});

test('add a Service, connect it to a named port with the mouse, and see the selector edge follow the labels', async ({
  page,
  app,
}) => {
  await openHelloWorld(page, app.url);
  await page.getByRole('button', { name: 'Add Service' }).click();
  const service = serviceNode(page);
  await expect(service).toBeVisible();
  await expect(service.getByTestId('service-selector')).toHaveText('no selector: connect a port');
  await expect(page.locator('.react-flow__edge.edge-selector')).toHaveCount(0);

  await fitView(page);
  await drag(
    page,
    service.locator('.react-flow__handle[data-handleid="new"]'),
    page.getByTestId('node-container:api').locator('.react-flow__handle[data-handleid="port-0"]'),
  );
  await expect(service.getByTestId('service-port')).toHaveText('http 80 → http');
  await expect(service.getByTestId('service-selector')).toHaveText('selects app=helloworld');
  await expect(page.locator('.react-flow__edge.edge-selector')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge.edge-service-port')).toHaveCount(1);
  await expect(service.locator('.badge')).toHaveCount(0);
  await expect(inspector(page).getByTestId('service-target-port-0')).toHaveValue('http');

  // The Pod's label changes under the Service, a key at a time: the edges go, a warning comes; and back.
  await page.getByTestId('node-pod').locator('.pod-title').click();
  const value = inspector(page).getByLabel('Value');
  await value.click();
  await page.keyboard.press('End');
  await page.keyboard.type('-v2');
  await expect(page.locator('.react-flow__edge.edge-selector')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge.edge-service-port')).toHaveCount(0);
  await expect(problem(page, 'SERVICE_SELECTS_NOTHING').locator('.problem-message')).toHaveText(
    'selector app=helloworld matches no Pod of this design',
  );
  await expect(service.locator('.badge-warning')).toHaveText('1');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await expect(page.locator('.react-flow__edge.edge-selector')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge.edge-service-port')).toHaveCount(1);
  await expect(problem(page, 'SERVICE_SELECTS_NOTHING')).toHaveCount(0);

  // The Service moves by drag and keeps its place; undo puts it back.
  const before = (await service.boundingBox())!;
  await drag(page, service.locator('.service-head strong'), page.locator('.react-flow__pane'));
  const after = (await service.boundingBox())!;
  expect(Math.abs(after.x - before.x) + Math.abs(after.y - before.y)).toBeGreaterThan(20);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await service.boundingBox())!.x)).toBe(Math.round(before.x));
  await shot(page, 'workloads/service-connected-1440.png');
});

test('each Deployment and Service problem is shown with its fix, and the fix puts it right', async ({ page, app }) => {
  await openHelloWorld(page, app.url);
  // A Service that selects nothing: the fix selects the Pod.
  await page.getByRole('button', { name: 'Add Service' }).click();
  await page.getByRole('tab', { name: 'Problems' }).click();
  await expect(problem(page, 'SERVICE_SELECTS_NOTHING').locator('.problem-message')).toHaveText(
    'no selector: the Service sends its traffic to no Pod of this design',
  );
  await expect(problem(page, 'SERVICE_PORTS_REQUIRED')).toHaveCount(1);
  await problem(page, 'SERVICE_SELECTS_NOTHING')
    .getByRole('button', { name: 'Fix: Select Pod helloworld (app=helloworld)' })
    .click();
  await expect(problem(page, 'SERVICE_SELECTS_NOTHING')).toHaveCount(0);
  await problem(page, 'SERVICE_PORTS_REQUIRED').getByRole('button', { name: 'Fix: Add port 80' }).click();
  await expect(problem(page, 'SERVICE_PORTS_REQUIRED')).toHaveCount(0);

  // A targetPort number no container declares is a warning; a name none declares, an error. Both retarget by fix.
  await serviceNode(page).locator('.node-name').click();
  const target = inspector(page).getByTestId('service-target-port-0');
  await expect(target).toHaveValue('80');
  await typeInto(page, target, '8080');
  await expect(problem(page, 'SERVICE_TARGET_PORT_NOT_DECLARED').locator('.problem-message')).toHaveText(
    'no container the Service selects declares port 8080/TCP',
  );
  await typeInto(page, target, 'web');
  await expect(problem(page, 'SERVICE_TARGET_PORT_UNKNOWN').locator('.problem-message')).toHaveText(
    'no container the Service selects has a TCP port named "web"',
  );
  await expect(serviceNode(page).locator('.badge-error')).toHaveText('1');
  // The inspector offers the same fix under the field.
  await inspector(page).getByRole('button', { name: 'Fix: Target port "http" of api' }).click();
  await expect(target).toHaveValue('http');
  await expect(problem(page, 'SERVICE_TARGET_PORT_UNKNOWN')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge.edge-service-port')).toHaveCount(1);

  // The Service's own fields: a node port of a NodePort Service outside the node port range.
  await inspector(page).getByLabel('Type').selectOption('NodePort');
  await typeInto(page, inspector(page).getByLabel('Node port'), '8080');
  await expect(problem(page, 'SERVICE_PORT_INVALID').locator('.problem-message')).toHaveText(
    'Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
  );
  await problem(page, 'SERVICE_PORT_INVALID').getByRole('button', { name: 'Fix: Remove nodePort' }).click();
  await expect(problem(page, 'SERVICE_PORT_INVALID')).toHaveCount(0);

  // A Deployment whose selector no longer matches its Pod's labels: both fixes are offered; one relabels the Pod.
  await command(page, 'Wrap in a Deployment');
  await page.getByTestId('node-pod').locator('.pod-title').click();
  const key = inspector(page).getByLabel('Key');
  await key.click();
  await page.keyboard.press('End');
  await page.keyboard.type('-name');
  const mismatch = problem(page, 'WORKLOAD_SELECTOR_MISMATCH');
  // The message's `field` spans are drawn as code, not as backticks.
  await expect(mismatch.locator('.problem-message')).toHaveText(
    'Invalid value: {"app-name":"helloworld"}: selector does not match template labels',
  );
  await expect(mismatch.locator('.problem-message code')).toHaveText(['selector', 'labels']);
  await expect(mismatch.getByRole('button', { name: /^Fix: / })).toHaveText([
    'Fix: Label the template app=helloworld',
    "Fix: Select the template's labels (app-name=helloworld)",
  ]);
  await shot(page, 'workloads/problems-1440.png');
  await mismatch.getByRole('button', { name: 'Fix: Label the template app=helloworld' }).click();
  await expect(mismatch).toHaveCount(0);
  await expect(inspector(page).getByLabel('Key')).toHaveCount(2);
  // The Service selects the Pod again too: the label it asks for is back.
  await expect(page.locator('.react-flow__edge.edge-selector')).toHaveCount(1);
});

test('in Chinese: the Service, the Deployment and their problems', async ({ page, app }) => {
  await openHelloWorld(page, app.url);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('button', { name: '添加Service' }).click();
  await page.getByRole('tab', { name: '问题' }).click();
  await expect(problem(page, 'SERVICE_SELECTS_NOTHING').locator('.problem-message')).toHaveText(
    '没有选择器：Service 不会把流量发给这个设计中的任何 Pod',
  );
  await expect(problem(page, 'SERVICE_SELECTS_NOTHING').getByRole('button', { name: /^修复/ })).toContainText(
    '选择 Pod helloworld（app=helloworld）',
  );
  await problem(page, 'SERVICE_SELECTS_NOTHING').getByRole('button', { name: '为什么？' }).click();
  await expect(problem(page, 'SERVICE_SELECTS_NOTHING').locator('.explanation')).toContainText(
    'Service 靠标签找到它的 Pod',
  );
  await expect(serviceNode(page).getByTestId('service-selector')).toHaveText('没有选择器：请连接一个端口');
  await command(page, '包装为 Deployment');
  await expect(page.getByTestId('node-pod').getByTestId('deployment-tag')).toContainText('Deployment');
  await page.getByTestId('node-pod').locator('.pod-title').click();
  await expect(page.getByTestId('deployment-selector')).toHaveText('选择带有标签 app=helloworld 的 Pod');
});

test('export the Deployment and its Service from the app and from the CLI: the same text', async ({ page, app }) => {
  await openHelloWorld(page, app.url);
  await command(page, 'Wrap in a Deployment');
  await typeInto(page, page.getByTestId('replicas-on-group'), '3');
  await addHttpService(page);

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await command(page, 'Export as Deployment + Service to the clipboard');
  await expect(page.locator('.notice')).toContainText('Copied as Deployment + Service to the clipboard');
  const fromApp = await page.evaluate(() => navigator.clipboard.readText());
  expect(fromApp).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n/);
  expect(fromApp).toContain('replicas: 3');
  expect(fromApp).toContain('kind: Service');
  expect(fromApp).toContain('targetPort: http');
  expect(fromApp).not.toContain('podwright.dev');

  // The design as saved (the browser's download of it), exported by the CLI.
  const saved = page.waitForEvent('download');
  await command(page, 'Download a copy');
  const design = await saved;
  const dir = mkdtempSync(join(tmpdir(), 'podwright-workloads-'));
  try {
    const path = join(dir, 'helloworld.pod.yaml');
    await design.saveAs(path);
    const cli = await run(process.execPath, ['electron/cli/bin.mjs', 'export', path, '--as', 'deployment']);
    expect(cli.stdout).toBe(fromApp);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const language of ['en', 'zh-CN'] as const) {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    test(`screenshot: a Deployment group and a Service at ${size.width}×${size.height} in ${language}`, async ({
      page,
      app,
    }) => {
      await page.setViewportSize(size);
      await openHelloWorld(page, app.url);
      await command(page, 'Wrap in a Deployment');
      await typeInto(page, page.getByTestId('replicas-on-group'), '3');
      await addHttpService(page);
      if (language === 'zh-CN') await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await page.getByTestId('node-pod').locator('.pod-title').click();
      await fitView(page);
      await shot(page, `workloads/canvas-${language}-${size.width}.png`);
    });
  }
}
