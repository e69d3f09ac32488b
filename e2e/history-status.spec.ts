// Undo and Redo say what they took back or brought back ("Undid: move api") in a short polite status, in both
// languages, whether pressed on the keyboard or in the toolbar.
import { dragBy, expect, openAs, screenSizes, shot, test } from './fixtures';
import { bothLanguages, wordsFor } from './words';

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

    // Each step below is one undo step whatever the machine's speed (typing is grouped by time, so it is not used).
    await page.getByRole('button', { name: w('palette.add', { what: w('preset.container') }) }).click();
    await expect(page.getByTestId('node-container:app')).toBeVisible();
    await dragBy(page, page.getByTestId('node-container:app'), 140, 60);

    await page.keyboard.press('Control+z');
    await expect(status).toHaveText(said('undid', 'move', { name: 'app' }));
    await shot(page, `history/undid-move-${language}.png`);
    await button('redo').click();
    await expect(status).toHaveText(said('redid', 'move', { name: 'app' }));
    await button('undo').click();
    await expect(status).toHaveText(said('undid', 'move', { name: 'app' }));
    await button('undo').click();
    await expect(status).toHaveText(said('undid', 'add', { name: 'app' }));
    await expect(page.getByTestId('node-container:app')).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(status).toHaveText(said('redid', 'add', { name: 'app' }));
    await shot(page, `history/redid-add-${language}.png`);
  });
}
