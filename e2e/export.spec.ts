// Journeys through the app's manifest export in the browser host: from the command palette, typed key by key, a
// Compose file to the clipboard and to a file through the in-app picker, a Deployment + Service into a new folder,
// and in Chinese; each compared with what `podwright export` writes from the same design.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import {
  expect,
  loadExample,
  openApp,
  openAs,
  screenSizes,
  serveApp,
  shot,
  stopApp,
  test,
  typeYaml,
  type ServedApp,
} from './fixtures';
import { podText, sleeper } from './pods';
import { bothLanguages, wordsFor } from './words';

const run = promisify(execFile);

let app: ServedApp;
let base: string;
let root: string;

test.beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'podwright-export-e2e-'));
  root = join(base, 'home');
  mkdirSync(root, { recursive: true });
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

/** What `podwright export FILE --as <as> …` prints on stdout (or writes with --out). */
async function cli(file: string, ...args: string[]): Promise<string> {
  return (await run(process.execPath, ['electron/cli/bin.mjs', 'export', file, ...args])).stdout;
}

/** Opens the command palette with its shortcut and types `query` key by key. */
async function palette(page: Page, query: string): Promise<void> {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: /^(Type a command|输入命令)$/ })).toBeFocused();
  await page.keyboard.type(query);
}

/** The commands the palette lists. */
const commands = (page: Page) => page.locator('#command-list').getByRole('option');

async function open(page: Page): Promise<void> {
  // The clipboard is the page's to read back in the journey, as the user's paste would.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await openApp(page, app.url);
}

test('export compose from the palette: to the clipboard and to a file through the picker, as the CLI writes it', async ({
  page,
}) => {
  await open(page);
  await loadExample(page, 'Hello world: four containers');
  const expected = await cli('assets/examples/helloworld.pod.yaml', '--as', 'compose');
  expect(expected).toContain('network_mode: service:');

  await palette(page, 'export compose');
  await expect(commands(page)).toHaveText([
    'Export as Compose to a file…',
    'Export as Compose to a folder…',
    'Export as Compose to the clipboard',
  ]);
  await shot(page, 'export/palette-export-compose.png');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(commands(page).and(page.getByRole('option', { selected: true }))).toHaveText(
    'Export as Compose to the clipboard',
  );
  await page.keyboard.press('Enter');
  await expect(page.locator('.notice')).toContainText('Copied as Compose to the clipboard');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

  await palette(page, 'export compose');
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: 'Export as Compose to a file' });
  await expect(picker).toBeVisible();
  const name = picker.getByLabel('File name');
  await expect(name).toHaveValue('compose.yaml');
  await expect(name).toBeFocused();
  // The proposed name is selected: typing replaces it, and the picker adds .yaml.
  await page.keyboard.type('hello-compose');
  await shot(page, 'export/picker-compose-file.png');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(page.locator('.notice')).toContainText(`Exported as Compose: ${join(root, 'hello-compose.yaml')}`);
  expect(readFileSync(join(root, 'hello-compose.yaml'), 'utf8')).toBe(expected);
  // An export is not the design's file: the title still names the example, and the recent files do not list it.
  await expect(page.getByTestId('document-title')).not.toContainText('hello-compose');
  await page.getByRole('button', { name: 'Recent', exact: true }).click();
  await expect(page.getByRole('menu', { name: 'Recent' })).toContainText('No recent files');
});

test('export a Deployment + Service into a new folder, one file per object, and replace them when asked', async ({
  page,
}) => {
  await open(page);
  await loadExample(page, 'Hello world: four containers');
  const design = join(base, 'helloworld.pod.yaml');
  writeFileSync(design, readFileSync('assets/examples/helloworld.pod.yaml'));
  const cliOut = join(base, 'cli-out');
  await cli(design, '--as', 'deployment', '--out', cliOut);

  for (const round of [1, 2]) {
    await palette(page, 'deployment folder');
    await expect(commands(page)).toHaveText(['Export as Deployment + Service to a folder…']);
    await page.keyboard.press('Enter');
    const picker = page.getByRole('dialog', {
      name: 'Export as Deployment + Service into a folder (one file per object)',
    });
    await expect(picker.getByLabel('New or existing folder (empty: this folder)')).toHaveValue(
      'helloworld-kubectl-deployment',
    );
    if (round === 1) await shot(page, 'export/picker-deployment-folder.png');
    // The second time the files are there: the page's confirm (accepted by watchPage) asks before replacing them.
    const asked = round === 2 ? page.waitForEvent('dialog') : undefined;
    await picker.getByRole('button', { name: 'Export here' }).click();
    if (asked) expect((await asked).message()).toContain('Already in that folder: helloworld-deployment.yaml');
    await expect(picker).toBeHidden();
  }
  const folder = join(root, 'helloworld-kubectl-deployment');
  expect(readdirSync(folder).sort()).toEqual(readdirSync(cliOut).sort());
  for (const file of readdirSync(cliOut))
    expect(readFileSync(join(folder, file), 'utf8')).toBe(readFileSync(join(cliOut, file), 'utf8'));
});

test('in Chinese: the palette finds 导出 compose, and the report says what Compose cannot express', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('button', { name: '示例', exact: true }).click();
  await page
    .getByRole('dialog', { name: '示例' })
    .locator('.example strong')
    .getByText('作为一个整体调度：1Gi + 0.5Gi', { exact: true })
    .click();
  const expected = await cli('assets/examples/scheduled-as-one-unit.pod.yaml', '--as', 'compose');

  await palette(page, '导出compose 剪贴板');
  await expect(commands(page)).toHaveText(['导出为 Compose 到剪贴板']);
  await page.keyboard.press('Enter');
  const report = page.getByRole('alertdialog', { name: '已导出为 Compose' });
  await expect(report).toContainText('已导出为 Compose 并复制到剪贴板');
  await expect(report).toContainText('Compose 无法表达的内容');
  // The notes in Chinese; the Compose file's own comments keep the CLI's English.
  await expect(report.getByRole('listitem')).toHaveText([
    'app：资源请求只对调度器有意义；Compose 会忽略。',
    'log-collector：资源请求只对调度器有意义；Compose 会忽略。',
  ]);
  await shot(page, 'export/report-compose-zh.png');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await report.getByRole('button', { name: '关闭' }).click();
  await expect(report).toBeHidden();

  // The nine exports are in the File menu of the menu bar (issue 22 item 11), in Chinese.
  await page.getByRole('menubar').getByRole('menuitem', { name: '文件', exact: true }).click();
  await expect(page.getByRole('menu', { name: '文件' }).getByRole('menuitem', { name: /^导出为 / })).toHaveCount(9);
  await shot(page, 'export/toolbar-menu-zh.png');
});

for (const language of bothLanguages) {
  test(`Save and Export propose clearly different names, and each picker says what its file is for (${language})`, async ({
    page,
  }) => {
    const w = wordsFor(language);
    await openAs(page, app.url, language, screenSizes[0]);
    await typeYaml(page, podText('helloworld', { containers: [sleeper('app')] }));
    await expect(page.getByTestId('node-container:app')).toBeVisible();

    // Save As (its shortcut, from the canvas): the design, to edit again here.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Shift+S');
    const save = page.getByRole('dialog', { name: w('files.picker.saveTitle') });
    await expect(save.getByLabel(w('files.picker.name'))).toHaveValue('helloworld.pod.yaml');
    await expect(save.getByTestId('picker-note')).toHaveText(w('files.picker.designNote'));
    await shot(page, `export/save-as-note-${language}.png`);
    await page.keyboard.press('Escape');
    await expect(save).toBeHidden();

    // Each export from the File menu: manifests for kubectl (or Compose), named so, and said so.
    const proposed = [
      { as: 'pod', to: 'file', name: 'helloworld-kubectl-pod.yaml' },
      { as: 'deployment', to: 'file', name: 'helloworld-kubectl-deployment.yaml' },
      { as: 'compose', to: 'file', name: 'compose.yaml' },
      { as: 'pod', to: 'folder', name: 'helloworld-kubectl-pod' },
      { as: 'deployment', to: 'folder', name: 'helloworld-kubectl-deployment' },
      { as: 'compose', to: 'folder', name: 'helloworld-compose' },
    ] as const;
    for (const { as, to, name } of proposed) {
      const what = w(`export.kind.${as}`);
      await page
        .getByRole('menubar')
        .getByRole('menuitem', { name: w('chrome.menu.file'), exact: true })
        .click();
      await page.getByRole('menuitem', { name: w(`export.action.${to}`, { what }), exact: true }).click();
      const title = to === 'file' ? 'export.picker.fileTitle' : 'export.picker.folderTitle';
      const picker = page.getByRole('dialog', { name: w(title, { what }) });
      const field = picker.getByLabel(w(to === 'file' ? 'files.picker.name' : 'files.picker.folderName'));
      await expect(field).toHaveValue(name);
      await expect(picker.getByTestId('picker-note')).toHaveText(w(`export.picker.note.${as}`));
      if (as === 'pod' && to === 'file') await shot(page, `export/export-pod-note-${language}.png`);
      await page.keyboard.press('Escape');
      await expect(picker).toBeHidden();
    }
  });
}
