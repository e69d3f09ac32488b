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
