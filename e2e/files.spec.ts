// Journeys through design files in the browser host: Save As in the in-app picker, Save, New, recent files, a refused
// traversal, and the inspector's probe form. The host's file root and settings live in a temp folder.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  expect,
  loadExample,
  openApp,
  reloadAndRestore,
  serveApp,
  shot,
  stopApp,
  test,
  type ServedApp,
  yamlText,
} from './fixtures';
import { podText } from './pods';

let app: ServedApp;
let base: string;
let root: string;

test.beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'podwright-files-e2e-'));
  root = join(base, 'home');
  mkdirSync(join(root, 'designs'), { recursive: true });
  mkdirSync(join(base, 'outside'));
  copyFileSync('assets/examples/helloworld.pod.yaml', join(root, 'other.pod.yaml'));
  writeFileSync(join(root, 'notes.txt'), 'not a design\n');
  writeFileSync(join(base, 'outside', 'secret.yaml'), podText('secret', { containers: [] }));
  app = await serveApp({
    PODWRIGHT_FILE_ROOT: root,
    PODWRIGHT_CONFIG_DIR: join(base, 'config'),
    PODWRIGHT_INFRA_IMAGE: 'podwright-test/pause:1',
  });
});

test.afterAll(async () => {
  if (app) await stopApp(app);
  rmSync(base, { recursive: true, force: true });
});

async function open(page: Page): Promise<void> {
  await openApp(page, app.url);
}

const title = (page: Page) => page.getByTestId('document-title');

test('Save As in the picker, edit, Save, New, open from recent files: the same document', async ({ page }) => {
  await open(page);
  await loadExample(page, 'Log-shipper sidecar sharing a log volume');
  await page.keyboard.press('Control+Shift+S');
  const picker = page.getByRole('dialog', { name: 'Save the design as' });
  await expect(picker).toBeVisible();
  await expect(picker.getByLabel('File name')).toHaveValue('sidecar-logs.pod.yaml');
  await expect(picker.getByTestId('picker-directory')).toHaveText(root);
  // Only folders and design files are listed.
  await expect(picker.getByRole('button', { name: 'other.pod.yaml' })).toBeVisible();
  await expect(picker.getByText('notes.txt')).toHaveCount(0);
  await picker.getByRole('button', { name: 'Folder designs' }).click();
  await expect(picker.getByTestId('picker-directory')).toHaveText(join(root, 'designs'));
  await picker.getByLabel('File name').fill('web-design');
  await picker.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(picker).toBeHidden();
  const saved = join(root, 'designs', 'web-design.pod.yaml');
  await expect(title(page)).toHaveText('web-design.pod.yaml');
  expect(readFileSync(saved, 'utf8')).toContain('podwright.dev/layout');
  await expect(page).toHaveTitle('web-design.pod.yaml — Podwright');

  // An edit marks the design unsaved; Save writes to the same file without asking.
  await page.getByRole('button', { name: 'Add BusyBox shell' }).click();
  await expect(page.getByTestId('node-container:shell')).toBeVisible();
  await expect(title(page)).toHaveText('web-design.pod.yaml •');
  await page.keyboard.press('Control+s');
  await expect(title(page)).toHaveText('web-design.pod.yaml');
  await expect(page.getByRole('dialog', { name: 'Save the design as' })).toHaveCount(0);
  const text = readFileSync(saved, 'utf8');
  expect(text).toContain('name: shell');
  const yamlBefore = await yamlText(page);

  // Reload the page: nothing unsaved, so no restore prompt; the design comes back from the recent files menu.
  await page.reload();
  await expect(title(page)).toHaveText('Untitled');
  await expect(page.getByRole('alertdialog', { name: 'Restore unsaved work' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Recent', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: /web-design\.pod\.yaml/ })).toBeFocused();
  await shot(page, 'files-recent-light.png', { clip: { x: 0, y: 0, width: 900, height: 260 } });
  await page.getByRole('menuitem', { name: /web-design\.pod\.yaml/ }).click();
  await expect(page.getByTestId('node-container:shell')).toBeVisible();
  await expect(title(page)).toHaveText('web-design.pod.yaml');
  expect(await yamlText(page)).toBe(yamlBefore);
  // Saving the reopened design unchanged writes the very same bytes.
  await page.keyboard.press('Control+s');
  await expect(title(page)).toHaveText('web-design.pod.yaml');
  expect(readFileSync(saved, 'utf8')).toBe(text);

  // New, then the same file from the command palette.
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.getByTestId('node-container:app')).toHaveCount(0);
  await expect(title(page)).toHaveText('Untitled');
  await page.keyboard.press('Control+k');
  await page.getByRole('option', { name: /Open recent: web-design\.pod\.yaml/ }).click();
  await expect(page.getByTestId('node-container:shell')).toBeVisible();
  expect(await yamlText(page)).toBe(yamlBefore);

  // Unsaved work survives a reload through the restore prompt, and Save still goes to its file.
  await page.getByRole('button', { name: 'Add Cache' }).click();
  await expect(title(page)).toHaveText('web-design.pod.yaml •');
  await reloadAndRestore(page);
  await expect(page.getByTestId('node-container:cache')).toBeVisible();
  await expect(title(page)).toHaveText('web-design.pod.yaml •');
  await page.keyboard.press('Control+s');
  await expect(title(page)).toHaveText('web-design.pod.yaml');
  expect(readFileSync(saved, 'utf8')).toContain('name: cache');
});

test('open through the picker; paths out of the file root are refused', async ({ page }, info) => {
  await open(page);
  await page.getByRole('button', { name: 'Open…' }).click();
  const picker = page.getByRole('dialog', { name: 'Open a design' });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('button', { name: 'Up one folder' })).toBeDisabled();
  await picker.getByRole('button', { name: 'other.pod.yaml' }).click();
  await shot(page, 'files-picker-light.png');
  await picker.getByRole('button', { name: 'other.pod.yaml' }).dblclick();
  await expect(picker).toBeHidden();
  await expect(title(page)).toHaveText('other.pod.yaml');
  await expect(page.getByTestId('node-container:api')).toBeVisible();

  // Typing a path that climbs out of the root: the back end refuses, the picker says so and stays open.
  await page.getByRole('button', { name: 'Open…' }).click();
  await picker.getByLabel('File name').fill('../outside/secret.yaml');
  await picker.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(picker.getByRole('alert')).toHaveText('That is outside the folder Podwright may use.');
  await expect(picker).toBeVisible();
  await picker.getByRole('button', { name: 'Cancel' }).click();
  await expect(title(page)).toHaveText('other.pod.yaml');

  await page.keyboard.press('Control+Shift+S');
  const saver = page.getByRole('dialog', { name: 'Save the design as' });
  await saver.getByLabel('File name').fill('../outside/evil');
  await saver.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(saver.getByRole('alert')).toHaveText('That is outside the folder Podwright may use.');
  expect(existsSync(join(base, 'outside', 'evil.pod.yaml'))).toBe(false);
  await saver.getByRole('button', { name: 'Cancel' }).click();

  // The same picker in the dark theme, for the screenshot.
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.getByRole('button', { name: 'Open…' }).click();
  await picker.getByRole('button', { name: 'other.pod.yaml' }).click();
  await shot(page, 'files-picker-dark.png');
  await picker.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');

  // The picker in Chinese: every string translated.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('button', { name: '打开…' }).click();
  const chinese = page.getByRole('dialog', { name: '打开设计' });
  await expect(chinese.getByRole('button', { name: '上一级文件夹' })).toBeDisabled();
  await expect(chinese.getByText('文件名')).toBeVisible();
  await shot(page, 'files-picker-zh-CN.png');
  await chinese.getByRole('button', { name: '取消' }).click();
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  void info;
});

test('a liveness probe and a securityContext set in the inspector show in the YAML, checked inline', async ({
  page,
}) => {
  await open(page);
  await loadExample(page, 'Log-shipper sidecar sharing a log volume');
  await page.getByTestId('node-container:app').click();
  const inspector = page.getByRole('complementary', { name: 'Properties of the selection' });
  await inspector.getByLabel('Liveness probe').selectOption('httpGet');
  await inspector.locator('[data-probe=livenessProbe]').getByLabel('Path').fill('/healthz');
  await inspector.locator('[data-probe=livenessProbe]').getByLabel('Port').fill('8080');
  await inspector.locator('[data-probe=livenessProbe]').getByLabel('Period (s)').fill('5');
  await inspector.getByLabel('Run as non-root').selectOption('true');
  await inspector.getByLabel('Drop capabilities').fill('ALL');
  const text = await yamlText(page);
  expect(text).toMatch(/livenessProbe:\s+httpGet:\s+path: \/healthz\s+port: 8080\s+periodSeconds: 5/);
  expect(text).toMatch(/securityContext:\s+runAsNonRoot: true\s+capabilities:\s+drop:\s+- ALL/);

  // A port Kubernetes refuses: the message sits under the field, and the field is marked.
  const port = inspector.locator('[data-probe=livenessProbe]').getByLabel('Port');
  await port.fill('99999');
  await expect(port).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector.locator('[data-probe=livenessProbe] .field-problems')).toContainText('between 1 and 65535');
  await shot(inspector.locator('[data-probe=livenessProbe]'), 'files-probe-invalid.png');
  await port.fill('8080');
  await expect(port).toHaveAttribute('aria-invalid', 'false');

  // Settings that contradict each other: the rule's message shows on the section, the fields are marked.
  await inspector.getByLabel('Privileged').selectOption('true');
  await inspector.getByLabel('Allow privilege escalation').selectOption('false');
  // The message's `field` is drawn as code, not as backticks.
  await expect(inspector.locator('.section-problems')).toContainText('cannot set allowPrivilegeEscalation to false');
  await expect(inspector.locator('.section-problems code').first()).toHaveText('allowPrivilegeEscalation');
  await expect(inspector.getByLabel('Privileged')).toHaveAttribute('aria-invalid', 'true');
  await inspector.getByLabel('Privileged').selectOption('');
  await expect(inspector.locator('.section-problems .field-problems')).toHaveCount(0);

  await inspector.locator('[data-probe=livenessProbe]').scrollIntoViewIfNeeded();
  await shot(inspector, 'files-probe-light.png');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await inspector.locator('[data-probe=livenessProbe]').scrollIntoViewIfNeeded();
  await shot(inspector, 'files-probe-dark.png');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');

  // Pod labels: a key Kubernetes refuses gets its message on that row.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  const podForm = inspector.getByRole('form', { name: 'Pod properties' });
  await podForm.getByRole('button', { name: '+ Label' }).click();
  await podForm.getByLabel('Key', { exact: true }).last().fill('bad key');
  await expect(podForm.locator('.row-problems').last()).toContainText('Invalid value: "bad key"');
  await podForm.getByLabel('Key', { exact: true }).last().fill('tier');
  await expect(podForm.locator('.row-problems .field-problems')).toHaveCount(0);
  expect(await yamlText(page)).toMatch(/labels:[\s\S]*tier: value/);
});
