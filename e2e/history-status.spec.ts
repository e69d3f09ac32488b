// Undo and Redo say what they took back or brought back ("Undid: move api") in a short polite status, in both
// languages, whether pressed on the keyboard or in the toolbar.
import type { Page } from '@playwright/test';
import { expect, openAs, screenSizes, shot, test } from './fixtures';
import { bothLanguages, wordsFor } from './words';

async function dragBy(page: Page, testId: string, dx: number, dy: number): Promise<void> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + 14;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
}

for (const language of bothLanguages) {
  test(`Undo and Redo say what they undid and redid (${language})`, async ({ page, app }) => {
    const w = wordsFor(language);
    const said = (kind: 'undid' | 'redid', step: string, args: Record<string, string> = {}) =>
      w(`editing.history.${kind}`, { what: w(`editing.history.step.${step}`, args) });
    const button = (action: 'undo' | 'redo') => page.getByRole('button', { name: w(`action.${action}`), exact: true });
    await openAs(page, app.url, language, screenSizes[0]);
    const region = page.getByTestId('notice-region');
    const status = region.locator('.notice > span');
    await expect(region).toHaveAttribute('aria-live', 'polite');

    await page.getByRole('button', { name: w('palette.add', { what: w('preset.container') }) }).click();
    const name = page
      .getByRole('complementary', { name: w('inspector.label') })
      .getByLabel(w('field.name'), { exact: true });
    await name.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('api');
    await expect(page.getByTestId('node-container:api')).toBeVisible();
    await dragBy(page, 'node-container:api', 140, 60);

    await page.keyboard.press('Control+z');
    await expect(status).toHaveText(said('undid', 'move', { name: 'api' }));
    await shot(page, `history/undid-move-${language}.png`);
    await button('undo').click();
    await expect(status).toHaveText(said('undid', 'rename', { from: 'app', to: 'api' }));
    await expect(page.getByTestId('node-container:app')).toBeVisible();
    await button('redo').click();
    await expect(status).toHaveText(said('redid', 'rename', { from: 'app', to: 'api' }));
    await page.keyboard.press('Control+Shift+z');
    await expect(status).toHaveText(said('redid', 'move', { name: 'api' }));
    await shot(page, `history/redid-move-${language}.png`);
    await button('undo').click();
    await button('undo').click();
    await button('undo').click();
    await expect(status).toHaveText(said('undid', 'add', { name: 'app' }));
  });
}
