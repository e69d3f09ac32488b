// Journeys for the keyboard and the words around it (issue 22, item 13), in both languages: F5 runs while a select's
// list is open; ? and Ctrl+/ open a sheet of every shortcut; <html lang> follows the language after a reload; edges
// read out who mounts or joins what, not internal ids; a label and its text are joined by a full-width colon in Chinese.
import type { Page } from '@playwright/test';
import { expect, openAs, shot, test } from './fixtures';
import { bothLanguages, wordsFor, type Language } from './words';

const inspector = (page: Page, language: Language) =>
  page.getByRole('complementary', { name: wordsFor(language)('inspector.label') });

/** Clicks an empty spot of the canvas, so the keyboard is on the canvas and nothing is selected. */
async function clickCanvas(page: Page): Promise<void> {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
}

for (const language of bothLanguages) {
  test(`F5 runs while a select's list is open, as anywhere else (${language})`, async ({ page, app }) => {
    const w = wordsFor(language);
    await openAs(page, app.url, language);
    await clickCanvas(page);
    const policy = inspector(page, language).getByLabel(w('field.restartPolicy'));
    await policy.click();
    await expect.poll(() => policy.evaluate((select) => select.matches(':open'))).toBe(true);
    await page.keyboard.press('F5');
    // The empty Pod is refused with its reasons: Run answered, not the list.
    await expect(page.getByTestId('run-refused')).toBeVisible();
    await shot(page, `keyboard/f5-from-select-${language}.png`);
    await page
      .getByTestId('run-refused')
      .getByRole('button', { name: w('run.close') })
      .click();
    await expect(page.getByTestId('run-refused')).toBeHidden();
    // The list still works with the keyboard.
    await policy.click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(policy).toHaveValue('OnFailure');
  });

  test(`? and Ctrl+/ open the sheet of every shortcut; ? typed in a field is a question mark (${language})`, async ({
    page,
    app,
  }) => {
    const w = wordsFor(language);
    await openAs(page, app.url, language);
    await clickCanvas(page);
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: w('shortcuts.title') });
    await expect(sheet).toBeVisible();
    // Read from the action registry: Run with F5, the palette, undo and redo with both of redo's shortcuts, itself.
    await expect(sheet.locator('tr[data-action="run"]')).toContainText(w('run.action.run'));
    await expect(sheet.locator('tr[data-action="run"] kbd')).toHaveText('F5');
    await expect(sheet.locator('tr[data-action="commandPalette"] kbd')).toHaveText('Ctrl+K');
    await expect(sheet.locator('tr[data-action="redo"] kbd')).toHaveText(['Ctrl+Shift+Z', 'Ctrl+Y']);
    await expect(sheet.locator('tr[data-action="shortcuts"] kbd')).toHaveText(['Ctrl+/', '?']);
    expect(await sheet.locator('tbody tr').count()).toBeGreaterThan(10);
    await shot(page, `keyboard/shortcut-sheet-${language}.png`);
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();

    await clickCanvas(page);
    await page.keyboard.press('Control+/');
    await expect(sheet).toBeVisible();
    await sheet.getByRole('button', { name: w('dialog.close') }).click();
    await expect(sheet).toBeHidden();

    // In a text field, ? is a character.
    const name = inspector(page, language).getByLabel(w('field.podName'));
    await name.click();
    await page.keyboard.press('End');
    await page.keyboard.type('?');
    await expect(sheet).toBeHidden();
    await expect(name).toHaveValue('my-pod?');
  });
}

test('<html lang> says the language in use, after a reload too', async ({ page, app }) => {
  await openAs(page, app.url, 'zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await expect(page.getByRole('region', { name: wordsFor('zh-CN')('canvas.label') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByLabel(wordsFor('zh-CN')('toolbar.language')).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

for (const language of bothLanguages) {
  test(`edges say who mounts or joins what; a fix reads "Fix: …" in the language's punctuation (${language})`, async ({
    page,
    app,
  }) => {
    const w = wordsFor(language);
    await openAs(page, app.url, language);
    // The empty Pod's quick fix, as the Problems panel offers it.
    const fix = page.locator('button.fix').first();
    await expect(fix).toHaveText(
      w('punctuation.labelled', {
        label: w('problems.fix'),
        text: w('rules.POD_CONTAINERS_REQUIRED.fixes.addBusybox'),
      }),
    );
    if (language === 'zh-CN') await expect(fix).toHaveText(/^修复：/);
    await fix.click();
    const edges = page.locator('.react-flow__edge');
    await expect(edges.first()).toBeVisible();
    const labels = await edges.evaluateAll((all) => all.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).not.toMatch(/Edge from|container:|ns:|volume:/);
    expect(labels).toContain(w('canvas.edgeWords.join.shared', { container: 'main' }));
  });
}
