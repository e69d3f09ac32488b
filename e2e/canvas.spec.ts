// Journeys through the canvas editor in Chromium via the browser host: build, connect, YAML both ways, fix, undo, files.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectYamlToContain, loadExample, openApp, reloadAndRestore, shot, test, yamlText } from './fixtures';

async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Type a command' }).fill(label);
  await page.getByRole('option', { name: label }).click();
}

test('drag a container from the palette, set its image, connect a volume, see the YAML', async ({ page, app }) => {
  await openApp(page, app.url);
  await page.getByRole('button', { name: 'Add Container' }).dragTo(page.locator('.react-flow__pane'), {
    targetPosition: { x: 300, y: 200 },
  });
  const container = page.getByTestId('node-container:app');
  await expect(container).toBeVisible();
  await expect(container).toContainText('no image yet');
  const inspector = page.getByRole('complementary', { name: 'Properties of the selection' });
  await inspector.getByLabel('Image').fill('nginx:1.27');
  await expect(container).toContainText('nginx:1.27');

  await page.getByRole('button', { name: 'Add emptyDir' }).click();
  const volume = page.getByTestId('node-volume:data');
  await expect(volume).toBeVisible();
  await page
    .getByRole('toolbar', { name: 'Main toolbar' })
    .getByRole('button', { name: 'Fit view', exact: true })
    .click();
  await page.waitForTimeout(300);
  await container.locator('.react-flow__handle-bottom').dragTo(volume.locator('.react-flow__handle-top'));
  await expect(page.locator('.react-flow__edge.edge-mount')).toHaveCount(1);
  // The new mount is selected: its path is editable on the edge.
  await expect(inspector.getByLabel('Mount path')).toHaveValue('/data');
  await inspector.getByLabel('Mount path').fill('/usr/share/nginx/html');

  const text = await yamlText(page);
  expect(text).toContain('image: nginx:1.27');
  expect(text).toMatch(/volumeMounts:\s+- name: data\s+mountPath: \/usr\/share\/nginx\/html/);
  expect(text).toMatch(/volumes:\s+- name: data\s+emptyDir: \{\}/);
  expect(text).not.toContain('podwright.dev/layout');
});

test('typing valid YAML updates the canvas, and diagnostics mark the right line', async ({ page, app }) => {
  await openApp(page, app.url);
  await loadExample(page, 'Hello world: four containers');
  await expect(page.getByTestId('node-container:api')).toBeVisible();
  await page.getByRole('tab', { name: 'YAML' }).click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: typed',
      'spec:',
      '  containers:',
      '    - name: frontend',
      '      image: nginx:1.27',
      '      ports:',
      '        - containerPort: 80',
      '    - name: backend',
      '      image: nginx:1.27',
      '      ports:',
      '        - containerPort: 80',
      '',
    ].join('\n'),
  );
  await expect(page.getByTestId('node-container:frontend')).toBeVisible();
  await expect(page.getByTestId('node-container:backend')).toBeVisible();
  await expect(page.getByTestId('node-container:api')).toHaveCount(0);
  // The clash is on backend's containerPort: line 14 of what was typed.
  const marked = page.locator('.cm-line.cm-diag-error');
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText('containerPort: 80');
  const lines = page.locator('.cm-content .cm-line');
  await expect(lines.nth(13)).toHaveClass(/cm-diag-error/);

  // Text that does not parse leaves the canvas alone and says so.
  await page.keyboard.insertText('  : [broken');
  await expect(page.getByRole('alert')).toContainText('does not parse');
  await expect(page.getByTestId('node-container:frontend')).toBeVisible();
});

test('a port clash shows a red badge and a problem, and the quick fix resolves it; undo and redo', async ({
  page,
  app,
}) => {
  await openApp(page, app.url);
  await page.getByRole('button', { name: 'Add Web server' }).click();
  await page.getByRole('button', { name: 'Add Web server' }).click();
  const second = page.getByTestId('node-container:web-2');
  await expect(second).toBeVisible();
  await expect(second.getByTestId('port-badge')).toHaveAttribute('data-clash', 'true');
  await expect(page.getByTestId('node-container:web').getByTestId('port-badge')).toHaveAttribute('data-clash', 'true');

  await page.getByRole('tab', { name: 'Problems' }).click();
  const problem = page.locator('.problem[data-code="POD_PORT_CLASH"]');
  await expect(problem).toHaveCount(1);
  await problem.getByRole('button', { name: 'Why?' }).click();
  await expect(problem).toContainText('address already in use');
  // Clicking the problem selects the node and puts the cursor in the field.
  await problem.locator('.problem-message').click();
  await expect(
    page.getByRole('complementary', { name: 'Properties of the selection' }).getByLabel('Name', { exact: true }),
  ).toHaveValue('web-2');
  await expect(page.locator('.inspector [data-path="spec.containers[1].ports[0].containerPort"]')).toBeFocused();

  // The problem is drawn as an error and its Why? says why: the run-time bind, though the API server only warns.
  await expect(problem).toContainText('accepts the Pod with only a warning');
  await expect(problem).toContainText('fails when it runs');
  // The first fix moves the clashing port, the container added second; moving the first is offered after it.
  const fixes = problem.getByRole('button', { name: /^Fix:/ });
  await expect(fixes).toHaveText([
    'Fix: Move web-2 to port 81 (its process must listen there too)',
    'Fix: Move web to port 81 (its process must listen there too)',
  ]);
  await shot(page, 'problems/port-clash-fixes-en.png');
  await fixes.first().click();
  await expect(page.locator('.problem[data-code="POD_PORT_CLASH"]')).toHaveCount(0);
  await expect(page.getByTestId('node-container:web').getByTestId('port-badge')).toHaveText('http 80');
  await expect(second.getByTestId('port-badge')).toHaveAttribute('data-clash', 'false');
  await expect(second.getByTestId('port-badge')).toHaveText('http 81');

  // Undo the fix with the keyboard, redo it with the toolbar.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(second.getByTestId('port-badge')).toHaveAttribute('data-clash', 'true');
  await page.keyboard.press('Control+Shift+z');
  await expect(second.getByTestId('port-badge')).toHaveText('http 81');
  await page.keyboard.press('Control+z');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(second.getByTestId('port-badge')).toHaveText('http 81');
  // Undo all the way back to the empty Pod, one step per addition and fix.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(second).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('node-container:web')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('delete, duplicate and the command palette use the same actions', async ({ page, app }) => {
  await openApp(page, app.url);
  await page.getByRole('button', { name: 'Add Cache' }).click();
  await expect(page.getByTestId('node-container:cache')).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.getByTestId('node-container:cache').click();
  await page.keyboard.press('Control+d');
  await expect(page.getByTestId('node-container:cache-2')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-container:cache-2')).toHaveCount(0);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await page.keyboard.insertText('add database');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByTestId('node-container:db')).toBeVisible();
});

test('save, reload, reopen: the same document; autosave offers to restore', async ({ page, app }, info) => {
  await openApp(page, app.url);
  await loadExample(page, 'Log-shipper sidecar sharing a log volume');
  await page.getByRole('button', { name: 'Add PID namespace' }).click();
  await page
    .getByRole('toolbar', { name: 'Main toolbar' })
    .getByRole('button', { name: 'Fit view', exact: true })
    .click();
  await page.waitForTimeout(300);
  await page
    .getByTestId('node-container:app')
    .locator('.react-flow__handle-top')
    .dragTo(page.getByTestId('node-ns:pid').locator('.react-flow__handle-bottom'));
  await expect(page.locator('.problem[data-code="NAMESPACE_PARTIAL_SHARE"]')).toHaveCount(0); // one member only
  // Save through the browser (download / import); saving to a file on the back end is e2e/files.spec.ts.
  const [download] = await Promise.all([page.waitForEvent('download'), runCommand(page, 'Download a copy')]);
  expect(download.suggestedFilename()).toBe('sidecar-logs.pod.yaml');
  const savedPath = info.outputPath('saved.pod.yaml');
  await download.saveAs(savedPath);
  const saved = readFileSync(savedPath, 'utf8');
  expect(saved).toContain('podwright.dev/layout');
  expect(saved).toContain('"pidJoins":["app"]');
  const yamlBefore = await yamlText(page);

  await page.reload();
  await expect(page.getByTestId('node-container:app')).toHaveCount(0);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    runCommand(page, 'Import from this computer…'),
  ]);
  await chooser.setFiles(savedPath);
  await expect(page.getByTestId('node-container:app')).toBeVisible();
  await expect(page.getByTestId('node-ns:pid')).toBeVisible();
  expect(await yamlText(page)).toBe(yamlBefore);
  const [again] = await Promise.all([page.waitForEvent('download'), runCommand(page, 'Download a copy')]);
  const againPath = info.outputPath('again.pod.yaml');
  await again.saveAs(againPath);
  expect(readFileSync(againPath, 'utf8')).toBe(saved);

  // Unsaved work survives a reload through the recovery prompt.
  await page.getByRole('button', { name: 'Add BusyBox shell' }).click();
  await reloadAndRestore(page);
  await expect(page.getByTestId('node-container:shell')).toBeVisible();
  await expect(page.getByTestId('node-container:app')).toBeVisible();
});

const expectedProblems: Record<string, string[]> = {
  'Hello world': [],
  'An init container prepares a volume': [],
  'Two containers on port 80, fixed': [],
  'Two containers on port 80': ['POD_PORT_CLASH'],
  'Shared PID namespace': [],
  'Log-shipper sidecar': [],
  'Scheduled as one unit': [],
};

test('every example loads with only the problems it is meant to show', async ({ page, app }) => {
  await openApp(page, app.url);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const titles = await page.getByRole('dialog', { name: 'Examples' }).locator('.example strong').allInnerTexts();
  await page.keyboard.press('Escape');
  expect(titles.length).toBeGreaterThanOrEqual(7);
  for (const title of titles) {
    const key = Object.keys(expectedProblems).find(
      (k) => title.startsWith(k) && (k !== 'Two containers on port 80' || !title.includes('fixed')),
    );
    expect(key, `an expectation for example "${title}"`).toBeDefined();
    await loadExample(page, title);
    await page.getByRole('tab', { name: 'Problems' }).click();
    const codes = await page.locator('.problem').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(codes, title).toEqual(expectedProblems[key!]);
    await expect(page.locator('.react-flow__node-container').first()).toBeVisible();
  }
});

test('screenshots of the main screen: light and dark, English and Chinese', async ({ page, app }) => {
  await openApp(page, app.url);
  for (const language of ['en', 'zh-CN'] as const) {
    await page.locator('select[aria-label="Language"], select[aria-label="语言"]').selectOption(language);
    for (const theme of ['light', 'dark'] as const) {
      await page.getByRole('combobox', { name: language === 'en' ? 'Theme' : '主题' }).selectOption(theme);
      await page.getByRole('button', { name: language === 'en' ? 'Examples' : '示例', exact: true }).click();
      const title = language === 'en' ? 'Two containers on port 80' : '两个容器都用 80 端口';
      await page.locator('.example strong').getByText(title, { exact: true }).click();
      await page.getByTestId('node-container:admin').click();
      await page.waitForTimeout(400);
      await shot(page, `canvas-${theme}-${language}.png`);
    }
  }
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
});

test('with the Pod selected, a click on one of its containers selects that container', async ({ page, app }) => {
  await openApp(page, app.url);
  await loadExample(page, 'Hello world: four containers');
  const inspector = page.getByRole('complementary', { name: 'Properties of the selection' });
  const group = page.getByTestId('node-pod');
  // The Pod selected by its title, then by a click on the empty space inside its box (both as a user does).
  for (const selectPod of [
    () => group.locator('.pod-title').click(),
    async () => {
      const box = (await group.boundingBox())!;
      await page.mouse.click(box.x + 12, box.y + box.height - 12);
    },
  ]) {
    await selectPod();
    await expect(inspector.getByLabel('Pod name')).toBeVisible();
    await page.getByTestId('node-container:api').click();
    await expect(inspector.getByLabel('Name', { exact: true })).toHaveValue('api');
  }
});

test('a port is named in the inspector, typed letter by letter, and the YAML carries the name', async ({
  page,
  app,
}) => {
  await openApp(page, app.url);
  await page.getByRole('button', { name: 'Add Container' }).click();
  const inspector = page.getByRole('complementary', { name: 'Properties of the selection' });
  await inspector.getByRole('button', { name: '+ Port' }).click();
  const name = inspector.getByLabel('Port name');
  await name.click();
  await page.keyboard.type('web');
  await expect(name).toHaveValue('web');
  await expect(name).toBeFocused();
  await shot(page, 'inspector/port-name.png');
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expectYamlToContain(page, '- name: web\n          containerPort: 8080');
  // The next port row takes a port no container of the Pod declares: they share one network namespace.
  await inspector.getByRole('button', { name: '+ Port' }).click();
  await expectYamlToContain(page, '- containerPort: 8081');
  await page.getByRole('tab', { name: 'Problems' }).click();
  await expect(page.locator('.problem[data-code*="PORT"]')).toHaveCount(0);
});
