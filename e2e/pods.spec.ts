// Journey through a design of several Pods: open a two-Pod file with a ConfigMap, see two groups side by side, click
// into the second Pod (inspector and YAML follow), see the host port clash across Pods, rename it, undo, add and
// delete a Pod from the keyboard and the Pod bar, save, reload, reopen: both Pods and the ConfigMap come back the same.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import {
  addPodFromMenu,
  downRunningPod,
  expect,
  openApp,
  openWithEngine,
  reloadAndRestore,
  serveWithFileRoot,
  shot,
  test,
  type ServedApp,
  yamlText,
} from './fixtures';
import { dockerMissing, podContainers, sweep, unique } from './docker';
import { busybox, configMap, designText, pod, sleeper, type Fields } from './pods';

let app: ServedApp;
let root: string;
let stop: (() => Promise<void>) | undefined;
const id = Math.random().toString(36).slice(2, 8);
const front = `front-${id}`;
const back = `back-${id}`;

const twoPods = designText([
  pod(front, { containers: [{ name: 'web', image: busybox, ports: [{ containerPort: 80, hostPort: 18080 }] }] }),
  pod(back, {
    containers: [
      {
        name: 'db',
        image: busybox,
        ports: [{ containerPort: 5432, hostPort: 18080 }],
        envFrom: [{ configMapRef: { name: 'db-settings' } }],
      },
    ],
  }),
  configMap('db-settings', { MODE: 'test' }),
]);

test.beforeAll(async () => {
  ({ app, root, stop } = await serveWithFileRoot('podwright-pods-e2e-'));
  writeFileSync(join(root, 'two.pod.yaml'), twoPods);
});

test.afterAll(async () => {
  await stop?.();
});

async function openDesign(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Open…' }).click();
  const picker = page.getByRole('dialog', { name: 'Open a design' });
  await picker.getByRole('button', { name }).dblclick();
  await expect(picker).toBeHidden();
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Properties of the selection' });
const title = (page: Page) => page.getByTestId('document-title');

test('two Pods in one file: two groups, click into the second, rename, undo, save, reopen the same', async ({
  page,
}) => {
  await openApp(page, app.url);
  await openDesign(page, 'two.pod.yaml');
  await expect(title(page)).toHaveText('two.pod.yaml');

  // Two groups, the first active, side by side once laid out (no overlap).
  const first = page.getByTestId('node-pod');
  const second = page.getByTestId('node-@1/pod');
  await expect(first).toContainText(front);
  await expect(second).toContainText(back);
  await expect(first.getByTestId('active-pod-tag')).toBeVisible();
  await expect(page.getByTestId('pod-place')).toHaveText(`Pod 1 of 2 · ${front}`);
  await expect(async () => {
    const a = await box(first);
    const b = await box(second);
    expect(a.x + a.width).toBeLessThan(b.x);
  }).toPass();
  await expect(page.getByTestId('node-container:web')).toBeVisible();
  await expect(page.getByTestId('node-@1/container:db')).toBeVisible();
  // The namespace overlay goes below the active group, not over the next one.
  await page.getByTestId('toggle-namespaces').click();
  const overlay = await box(page.getByTestId('ns-overlay'));
  const active = await box(first);
  const next = await box(second);
  expect(overlay.y).toBeGreaterThan(active.y + active.height);
  expect(overlay.x + overlay.width < next.x || overlay.y > next.y + next.height).toBe(true);
  await page.getByTestId('toggle-namespaces').click();
  await expect(page.getByTestId('ns-overlay')).toHaveCount(0);
  await page.keyboard.press('Shift+F'); // fit view: both groups in the screenshot
  await page.waitForTimeout(400);
  await shot(page, 'pods-two-light.png');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await shot(page, 'pods-two-dark.png');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByTestId('pod-place')).toHaveText(`第 1 个 Pod，共 2 个 · ${front}`);
  await shot(page, 'pods-two-light-zh-CN.png');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');

  // Clicking a node of the second Pod makes it the active one: the inspector and the YAML show it.
  await page.getByTestId('node-@1/container:db').click();
  await expect(page.getByTestId('node-container:db')).toBeVisible();
  await expect(page.getByTestId('node-@0/container:web')).toBeVisible();
  await expect(page.getByTestId('node-pod')).toContainText(back);
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('db');
  const yaml = await yamlText(page);
  expect(yaml).toContain(`name: ${back}`);
  expect(yaml).not.toContain(front);
  await expect(page.getByTestId('yaml-pod')).toHaveText(`Pod 2 of 2 · ${back}`);

  // Both Pods publish host port 18080: the second Pod gets the warning, with its fix.
  await page.getByRole('tab', { name: 'Problems' }).click();
  const clash = page.locator('.problem[data-code="DESIGN_HOST_PORT_CLASH"]');
  await expect(clash).toHaveCount(1);
  await expect(clash).toContainText(`already published by Pod "${front}"`);
  await expect(clash.getByRole('button', { name: /^Fix:/ })).toContainText('18081');
  await shot(page, 'pods-clash-light.png');

  // Rename the second Pod in the inspector; undo puts the name back.
  await page.getByTestId('node-pod').locator('.pod-title').click();
  const podName = inspector(page).getByLabel('Pod name');
  await expect(podName).toHaveValue(back);
  await podName.fill(`${back}-renamed`);
  await expect(page.getByTestId('node-pod')).toContainText(`${back}-renamed`);
  await expect(title(page)).toHaveText('two.pod.yaml •');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-pod')).not.toContainText('renamed');
  await expect(page.getByTestId('node-pod')).toContainText(back);
  await expect(title(page)).toHaveText('two.pod.yaml');

  // The keyboard switches Pods; Add Pod adds a third group, Delete Pod (undoable) removes it again.
  await page.keyboard.press(']');
  await expect(page.getByTestId('pod-place')).toHaveText(`Pod 1 of 2 · ${front}`);
  // Run says which Pod it runs: the active one.
  await expect(page.getByTestId('run-start')).toHaveAttribute(
    'title',
    `Run the active Pod, ${front}, on the engine (F5)`,
  );
  await page.keyboard.press('[');
  await expect(page.getByTestId('pod-place')).toHaveText(`Pod 2 of 2 · ${back}`);
  await expect(page.getByTestId('run-start')).toHaveAccessibleName(`Run the active Pod, ${back}, on the engine`);
  await addPodFromMenu(page);
  await expect(page.getByTestId('pod-place')).toHaveText('Pod 3 of 3 · my-pod');
  await expect(page.getByTestId('node-@2/pod')).toHaveCount(0);
  await expect(page.getByTestId('node-@1/pod')).toContainText(back);
  const third = await box(page.getByTestId('node-pod'));
  const middle = await box(page.getByTestId('node-@1/pod'));
  expect(third.x).toBeGreaterThan(middle.x + middle.width);
  await page.waitForTimeout(400); // the view moves to the new group
  await shot(page, 'pods-added-light.png');
  await page.getByTestId('delete-pod').click();
  await expect(page.getByTestId('pod-place')).toHaveText(`Pod 2 of 2 · ${back}`);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('pod-place')).toHaveText('Pod 3 of 3 · my-pod');
  // Undoing the add goes back to the design as it was then: the second Pod active.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('pod-place')).toHaveText(`Pod 2 of 2 · ${back}`);
  await expect(title(page)).toHaveText('two.pod.yaml');

  // Save writes both Pods, each with its own layout, and the ConfigMap.
  await page.keyboard.press('Shift+F');
  await page.waitForTimeout(400);
  await page.getByTestId('node-container:db').click();
  await inspector(page).getByLabel('Image').fill('busybox:1.36.1');
  await expect(title(page)).toHaveText('two.pod.yaml •');
  await page.keyboard.press('Control+s');
  await expect(title(page)).toHaveText('two.pod.yaml');
  const saved = readFileSync(join(root, 'two.pod.yaml'), 'utf8');
  expect(saved.match(/podwright\.dev\/layout/g)).toHaveLength(2);
  expect(saved).toContain('kind: ConfigMap');
  expect(saved).toContain('image: busybox:1.36.1');
  const yamlBefore = await yamlText(page);

  // Reload and reopen: both Pods where they were, the same YAML, and saving again writes the same bytes.
  await page.reload();
  await expect(title(page)).toHaveText('Untitled');
  await openDesign(page, 'two.pod.yaml');
  await expect(page.getByTestId('node-pod')).toContainText(front);
  await expect(page.getByTestId('node-@1/pod')).toContainText(back);
  // From the keyboard: focus a node of the other Pod and press Enter.
  await expect(page.getByTestId('node-@1/container:db')).toBeVisible();
  await page.getByTestId('rf__node-@1/container:db').focus();
  await expect(page.getByTestId('rf__node-@1/container:db')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('yaml-pod')).toHaveText(`Pod 2 of 2 · ${back}`);
  await expect(page.getByTestId('node-container:db')).toBeVisible();
  expect(await yamlText(page)).toBe(yamlBefore);
  await page.keyboard.press('Control+s');
  await expect(title(page)).toHaveText('two.pod.yaml');
  expect(readFileSync(join(root, 'two.pod.yaml'), 'utf8')).toBe(saved);

  // A palette item dropped on the other Pod's group goes into that Pod, which becomes the active one.
  await page.keyboard.press('Shift+F');
  await page.waitForTimeout(400);
  const firstGroup = await box(page.getByTestId('node-@0/pod'));
  await page.getByRole('button', { name: 'Add BusyBox shell' }).dragTo(page.locator('.react-flow__pane'), {
    targetPosition: await panePoint(page, firstGroup.x + firstGroup.width / 2, firstGroup.y + firstGroup.height - 30),
  });
  await expect(page.getByTestId('pod-place')).toHaveText(`Pod 1 of 2 · ${front}`);
  await expect(page.getByTestId('node-container:shell')).toBeVisible();
  await expect(page.getByTestId('node-@1/container:shell')).toHaveCount(0);
  await expect(title(page)).toHaveText('two.pod.yaml •');

  // Unsaved work on two Pods survives a reload through the restore prompt.
  await reloadAndRestore(page);
  await expect(page.getByTestId('node-container:shell')).toBeVisible();
  await expect(page.getByTestId('node-@1/container:db')).toBeVisible();
  await expect(page.getByTestId('node-@1/pod')).toContainText(back);
  await expect(title(page)).toHaveText('two.pod.yaml •');

  // Containers added to the first Pod widen its group: the second moves over instead of being drawn under it.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add Web server' }).click();
  await expect(page.getByTestId('node-container:web-4')).toBeAttached();
  await page.keyboard.press('Shift+F');
  await expect(async () => {
    const a = await box(page.getByTestId('node-pod'));
    const b = await box(page.getByTestId('node-@1/pod'));
    expect(a.x + a.width).toBeLessThan(b.x);
  }).toPass();
});

/** A page point as a position inside the canvas pane (for dragTo's targetPosition). */
async function panePoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const pane = await box(page.locator('.react-flow__pane'));
  return { x: x - pane.x, y: y - pane.y };
}

test('Run runs the active Pod with the ConfigMap it reads; the other Pod does not show its status', async ({
  page,
}) => {
  const reason = await dockerMissing('Pod journeys');
  test.skip(reason !== undefined, reason);
  test.setTimeout(150_000);
  const idle = unique('pods-idle');
  const runs = unique('pods-run');
  // Both Pods have a container named "app": run status must go by Pod, not only by container name.
  const appPod = (name: string, more: Fields = {}) =>
    pod(name, {
      terminationGracePeriodSeconds: 1,
      containers: [sleeper('app', { command: ['sh', '-c', 'echo MODE is $MODE; sleep 3600'], ...more })],
    });
  writeFileSync(
    join(root, 'run.pod.yaml'),
    designText([
      appPod(idle),
      appPod(runs, { envFrom: [{ configMapRef: { name: 'run-settings' } }] }),
      configMap('run-settings', { MODE: 'from-the-configmap' }),
    ]),
  );
  try {
    await openWithEngine(page, app.url);
    await openDesign(page, 'run.pod.yaml');
    await page.getByTestId('node-@1/container:app').click();
    await expect(page.getByTestId('pod-place')).toHaveText(`Pod 2 of 2 · ${runs}`);

    // Without the ConfigMap beside it the plan refuses the Pod (CONFIGMAP_NOT_FOUND); with it, MODE is set.
    await page.getByTestId('run-start').click();
    const confirm = page.getByTestId('run-confirm');
    const running = page.getByTestId('node-container:app').getByTestId('run-status');
    await expect(running.or(confirm)).toBeVisible({ timeout: 30_000 });
    if (await confirm.isVisible()) await page.getByTestId('run-anyway').click();
    await expect(running).toHaveAttribute('data-run-state', 'running', { timeout: 40_000 });
    await page.getByRole('tab', { name: 'Logs' }).click();
    await expect(page.getByTestId('log-line').filter({ hasText: 'MODE is from-the-configmap' })).toBeVisible({
      timeout: 30_000,
    });
    expect(await podContainers(idle)).toBe('');

    // The other Pod's nodes, drawn or activated, never show the running Pod's status.
    await expect(page.getByTestId('node-@0/container:app').getByTestId('run-status')).toHaveCount(0);
    await page.keyboard.press(']');
    await expect(page.getByTestId('pod-place')).toHaveText(`Pod 1 of 2 · ${idle}`);
    await expect(page.getByTestId('node-container:app').getByTestId('run-status')).toHaveCount(0);
    await expect(page.getByTestId('pod-phase')).toHaveCount(0);
    await page.keyboard.press('[');
    await expect(page.getByTestId('node-container:app').getByTestId('run-status')).toHaveAttribute(
      'data-run-state',
      'running',
    );

    await downRunningPod(page);
    // Down is done when the canvas is a design again: the nodes' status goes as the app containers go, before the
    // infra is removed.
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design', { timeout: 40_000 });
    await expect(page.getByTestId('run-status')).toHaveCount(0);
    expect(await podContainers(runs)).toBe('');
  } finally {
    await sweep(runs);
    await sweep(idle);
  }
});
