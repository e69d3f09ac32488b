// Journeys that edit a design the way people do: typing character by character into the inspector and the YAML panel,
// undoing and redoing from the toolbar and the keyboard, at a laptop's and a desktop's window size, in both languages.
import type { Page } from '@playwright/test';
import { expect, openAs, screenSizes, shot, test, yamlText } from './fixtures';
import { bothLanguages, wordsFor, type Language } from './words';

/** Adds a container from the palette by clicking it, as a new user does first. */
async function addContainer(page: Page, language: Language): Promise<void> {
  const w = wordsFor(language);
  await page.getByRole('button', { name: w('palette.add', { what: w('preset.container') }) }).click();
}

const inspector = (page: Page, language: Language) =>
  page.getByRole('complementary', { name: wordsFor(language)('inspector.label') });

for (const size of screenSizes) {
  for (const language of bothLanguages) {
    const where = `${language}, ${size.width}×${size.height}`;

    test(`a container's name typed letter by letter keeps every letter and the focus (${where})`, async ({
      page,
      app,
    }) => {
      const w = wordsFor(language);
      await openAs(page, app.url, language, size);
      await addContainer(page, language);
      const name = inspector(page, language).getByLabel(w('field.name'), { exact: true });
      await expect(name).toHaveValue('app');
      await name.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('api-gateway');
      await expect(name).toBeFocused();
      await expect(name).toHaveValue('api-gateway');
      await expect(page.getByTestId('node-container:api-gateway')).toBeVisible();
      // Backspace and more letters, still in the field: the node follows each change.
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('x1');
      await expect(name).toBeFocused();
      await expect(name).toHaveValue('api-gatewx1');
      expect(await yamlText(page)).toContain('- name: api-gatewx1');
      await shot(page, `typing/container-name-${language}-${size.width}.png`);
    });
  }
}

/** Puts the YAML editor's cursor at the end of the first line holding `text` (clicked, then End), as a user does. */
async function cursorAfter(page: Page, text: string): Promise<void> {
  await page.locator('.cm-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

const toolbarButton = (page: Page, language: Language, action: 'undo' | 'redo') =>
  page.getByRole('button', { name: wordsFor(language)(`action.${action}`), exact: true });

for (const language of bothLanguages) {
  test(`toolbar Undo and Redo move the YAML with the canvas; the next keystroke edits what is shown (${language})`, async ({
    page,
    app,
  }) => {
    const w = wordsFor(language);
    await openAs(page, app.url, language, screenSizes[0]);
    await addContainer(page, language);
    const image = inspector(page, language).getByLabel(w('field.image'), { exact: true });
    await image.click();
    await page.keyboard.type('nginx');
    await expect(page.getByTestId('node-container:app')).toContainText('nginx');

    // Type in the YAML panel, key by key: the canvas follows.
    await page.getByRole('tab', { name: w('panel.yaml') }).click();
    await cursorAfter(page, 'image: nginx');
    await page.keyboard.type(':1.27');
    await expect(page.getByTestId('node-container:app')).toContainText('nginx:1.27');

    await toolbarButton(page, language, 'undo').click();
    await expect(page.getByTestId('node-container:app')).not.toContainText('nginx:1.27');
    await expect(image).toHaveValue('nginx');
    expect(await yamlText(page)).toMatch(/image: nginx\n/);

    await toolbarButton(page, language, 'redo').click();
    await expect(image).toHaveValue('nginx:1.27');
    expect(await yamlText(page)).toContain('image: nginx:1.27');

    await toolbarButton(page, language, 'undo').click();
    await expect(image).toHaveValue('nginx');
    expect(await yamlText(page)).toMatch(/image: nginx\n/);
    // The next keystroke in the YAML edits the text on screen: the undone tag does not come back.
    await cursorAfter(page, 'name: my-pod');
    await page.keyboard.type('x');
    await expect(page.getByTestId('node-pod')).toContainText('my-podx');
    await expect(image).toHaveValue('nginx');
    expect(await yamlText(page)).toMatch(/image: nginx\n/);
  });

  test(`the YAML editor keeps indentation on Enter, says where a parse error is in words, and Ctrl+Z undoes while it does not parse (${language})`, async ({
    page,
    app,
  }) => {
    const w = wordsFor(language);
    await openAs(page, app.url, language, screenSizes[0]);
    await addContainer(page, language);
    await page.getByRole('tab', { name: w('panel.yaml') }).click();
    await cursorAfter(page, '- name: app');
    await page.keyboard.press('Enter');
    await page.keyboard.type('image: busybox:1.36');
    await page.keyboard.press('Enter');
    await page.keyboard.type('command: [sleep, "3600"]');
    await expect(page.getByTestId('node-container:app')).toContainText('busybox:1.36');
    const text = await yamlText(page);
    expect(text).toContain('    - name: app\n      image: busybox:1.36\n');
    expect(text).toMatch(/ {6}command:/);

    // A key typed at the wrong place breaks the YAML: the error says where, in words, and the canvas keeps the design.
    await cursorAfter(page, 'kind: Pod');
    await page.keyboard.press('Enter');
    await page.keyboard.type('  oops: [');
    const error = page.getByRole('alert').filter({ hasText: w('editing.yaml.parseErrorShort') });
    await expect(error).toBeVisible();
    const place = w('editing.yaml.at', { line: '(\\d+)', column: '(\\d+)', message: '' }).trim();
    await expect(error).toContainText(new RegExp(place));
    await expect(error).not.toContainText('<input>');
    await expect(error).not.toContainText('(document');
    await expect(page.locator('.cm-line.cm-diag-error')).toHaveCount(1);
    await shot(page, `typing/yaml-parse-error-${language}.png`);
    // Ctrl+Z in the editor takes back the typing that broke it.
    await page.keyboard.press('Control+z');
    await expect(error).toBeHidden();
    expect(await yamlText(page)).not.toContain('oops');
    await expect(page.getByTestId('node-container:app')).toContainText('busybox:1.36');
  });
}
