// Journeys for a file changed on disk behind the app (issue 21 item 4): open a design, change the file behind the app,
// edit, save: the app asks instead of overwriting, and each choice does what it says (keep mine, take theirs, compare,
// cancel). Also the app's side of the alias bomb: the 1.9 MB file is refused with its reason, quickly.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, serveApp, shot, stopApp, test, type ServedApp, openApp } from './fixtures';

let app: ServedApp;
let base: string;

test.beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'podwright-conflict-e2e-'));
  app = await serveApp({ PODWRIGHT_FILE_ROOT: base, PODWRIGHT_CONFIG_DIR: join(base, '.config') });
});
test.afterAll(async () => {
  if (app) await stopApp(app);
  rmSync(base, { recursive: true, force: true });
});

const design = (image: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: ${image}
`;

const title = (page: Page) => page.getByTestId('document-title');
const dialog = (page: Page, name: string) => page.getByRole('alertdialog', { name: `${name} changed on disk` });

/** Opens `name` from the file root through the picker. */
async function openFile(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Open…' }).click();
  const picker = page.getByRole('dialog', { name: 'Open a design' });
  await picker.getByRole('button', { name }).dblclick();
  await expect(picker).toBeHidden();
  await expect(title(page)).toHaveText(name);
}

/** The user's edit: the container's image, through the inspector. */
async function editImage(page: Page, image: string): Promise<void> {
  await page.getByTestId('node-container:app').click();
  await page.getByRole('complementary', { name: 'Properties of the selection' }).getByLabel('Image').fill(image);
}

/**
 * The setup of every choice: a design opened, the file changed on disk behind the app (as another editor or git would),
 * an edit in the app, Save: the app asks.
 */
async function conflictOn(page: Page, name: string): Promise<string> {
  const path = join(base, name);
  writeFileSync(path, design('nginx:1.26'));
  await openApp(page, app.url);
  await openFile(page, name);
  writeFileSync(path, design('nginx:theirs'));
  await editImage(page, 'nginx:mine');
  await expect(title(page)).toHaveText(`${name} •`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog(page, name)).toBeVisible();
  // Nothing was written yet.
  expect(readFileSync(path, 'utf8')).toBe(design('nginx:theirs'));
  return path;
}

test('keep mine overwrites the file with the design, and the next Save goes through without asking', async ({
  page,
}) => {
  const path = await conflictOn(page, 'keep.pod.yaml');
  await shot(page, 'save-conflict-light-en.png');
  await dialog(page, 'keep.pod.yaml').getByRole('button', { name: 'Keep mine' }).click();
  await expect(dialog(page, 'keep.pod.yaml')).toBeHidden();
  await expect(title(page)).toHaveText('keep.pod.yaml');
  expect(readFileSync(path, 'utf8')).toContain('image: nginx:mine');
  await editImage(page, 'nginx:mine-2');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(title(page)).toHaveText('keep.pod.yaml');
  expect(readFileSync(path, 'utf8')).toContain('image: nginx:mine-2');
});

test('take theirs reloads the file from disk and drops the edit', async ({ page }) => {
  const path = await conflictOn(page, 'take.pod.yaml');
  await dialog(page, 'take.pod.yaml').getByRole('button', { name: 'Take theirs' }).click();
  await expect(dialog(page, 'take.pod.yaml')).toBeHidden();
  await expect(title(page)).toHaveText('take.pod.yaml');
  await expect(page.getByTestId('node-container:app')).toContainText('nginx:theirs');
  expect(readFileSync(path, 'utf8')).toBe(design('nginx:theirs'));
});

test('compare shows the two texts side by side; cancel writes nothing and keeps the edit', async ({ page }) => {
  const path = await conflictOn(page, 'compare.pod.yaml');
  const asked = dialog(page, 'compare.pod.yaml');
  await asked.getByRole('button', { name: 'Compare' }).click();
  const compare = asked.getByTestId('conflict-compare');
  await expect(compare.locator('.cm-merge-a')).toContainText('nginx:mine');
  await expect(compare.locator('.cm-merge-b')).toContainText('nginx:theirs');
  // The differing lines are marked on both sides.
  await expect(compare.locator('.cm-merge-a .cm-changedLine')).not.toHaveCount(0);
  await expect(compare.locator('.cm-merge-b .cm-changedLine')).not.toHaveCount(0);
  await shot(page, 'save-conflict-compare-light-en.png');
  await asked.getByRole('button', { name: 'Cancel' }).click();
  await expect(asked).toBeHidden();
  await expect(title(page)).toHaveText('compare.pod.yaml •');
  expect(readFileSync(path, 'utf8')).toBe(design('nginx:theirs'));
});

test('in Chinese the dialog asks in Chinese', async ({ page }) => {
  await openApp(page, app.url);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const path = join(base, 'zh.pod.yaml');
  writeFileSync(path, design('nginx:1.26'));
  await page.getByRole('button', { name: '打开…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'zh.pod.yaml' }).dblclick();
  // The file is open (its name is the title) before it changes on disk, as in the English journeys: a change written
  // while it is still being read is simply what was opened.
  await expect(title(page)).toHaveText('zh.pod.yaml');
  writeFileSync(path, design('nginx:theirs'));
  await page.getByTestId('node-container:app').click();
  await page.getByRole('complementary').getByLabel('镜像').fill('nginx:mine');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const asked = page.getByRole('alertdialog', { name: 'zh.pod.yaml 已在磁盘上被更改' });
  await expect(asked.getByRole('button', { name: '保留我的' })).toBeVisible();
  await shot(page, 'save-conflict-light-zh-CN.png');
  await asked.getByRole('button', { name: '取消' }).click();
});

test('the 1.9 MB alias bomb is refused when opened, with its reason and bounded memory', async ({ page }) => {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: bomb', 'spec:', '  containers:', '  - name: app'];
  lines.push('    image: busybox:1.36', '    env:', '    - name: BIG', `      value: &big "${'x'.repeat(1_900_000)}"`);
  for (let i = 1; i < 99; i++) lines.push(`    - name: E${i}`, '      value: *big');
  writeFileSync(join(base, 'bomb.pod.yaml'), `${lines.join('\n')}\n`);
  await openApp(page, app.url);
  await page.getByRole('button', { name: 'Open…' }).click();
  const picker = page.getByRole('dialog', { name: 'Open a design' });
  await picker.getByRole('button', { name: 'bomb.pod.yaml' }).dblclick();
  await expect(picker.getByRole('alert')).toContainText('aliases expand this file past 10 MB');
  // Refused before any value was built: the page holds about the file, not what it expands to.
  const heap = await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
  );
  // 99 copies would be 190 million characters (380 MB as UTF-16).
  expect(heap).toBeLessThan(200 * 1024 * 1024);
});
