// Journeys for crash recovery: unsaved work survives the browser being killed (SIGKILL, a persistent profile) and
// relaunched a moment after the last keystroke, survives a reload while the recovery prompt waits for an answer, and
// survives the app itself (the browser host) being killed and started again on another port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { draftHolds, expect, openAs, serveApp, shot, stopApp, test, watchPage, withoutDrafts } from './fixtures';
import { launchKillable } from './killable-browser';
import { bothLanguages, wordsFor, type Language } from './words';

// The browser is killed on purpose: a trace of its context could not be written afterwards.
test.use({ trace: 'off' });

let profile: string;
test.beforeEach(() => {
  profile = mkdtempSync(join(tmpdir(), 'podwright-profile-'));
});
test.afterEach(() => rmSync(profile, { recursive: true, force: true }));

async function open(page: Page, url: string, language: Language): Promise<void> {
  watchPage(page);
  await page.goto(url);
  await page.evaluate((lang) => {
    if (localStorage.getItem('podwright.language') !== lang) {
      localStorage.setItem('podwright.language', lang);
      location.reload();
    }
  }, language);
  await expect(page.getByRole('region', { name: wordsFor(language)('canvas.label') })).toBeVisible();
}

for (const language of bothLanguages) {
  test(`unsaved work survives a killed browser, relaunched on the same profile (${language})`, async ({ app }) => {
    const w = wordsFor(language);
    withoutDrafts(app.url);
    let chromium = await launchKillable(profile);
    try {
      let page = await chromium.page();
      await open(page, app.url, language);
      await page.getByRole('button', { name: w('palette.add', { what: w('preset.container') }) }).click();
      const image = page.getByRole('complementary', { name: w('inspector.label') }).getByLabel(w('field.image'));
      await image.click();
      await page.keyboard.type('nginx:1.27');
      await expect(page.getByTestId('node-container:app')).toContainText('nginx:1.27');
      // The browser dies as soon as the back end holds the draft (300 ms after the last key when the machine is not
      // busy): no unload, no flush. A fixed wait raced the draft's write on a loaded machine.
      await expect.poll(() => draftHolds(app, 'nginx:1.27'), { timeout: 10_000 }).toBe(true);
      await chromium.kill();

      chromium = await launchKillable(profile);
      page = await chromium.page();
      await open(page, app.url, language);
      const prompt = page.getByRole('alertdialog', { name: w('recovery.title') });
      await expect(prompt).toBeVisible();
      await shot(page, `recovery/prompt-${language}.png`);
      // The offer sits in the band under the run bar and covers nothing: the Run button is what a click there hits.
      await expect(page.getByRole('region', { name: w('run.bar') })).toContainText(w('recovery.restore'));
      const run = (await page.getByTestId('run-start').boundingBox())!;
      const hit = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid]')?.getAttribute('data-testid'),
        { x: run.x + run.width / 2, y: run.y + run.height / 2 },
      );
      expect(hit).toBe('run-start');
      // A reload before answering keeps the offer.
      await page.reload();
      await expect(prompt).toBeVisible();
      await prompt.getByRole('button', { name: w('recovery.restore') }).click();
      await expect(page.getByTestId('node-container:app')).toContainText('nginx:1.27');
      await expect(prompt).toBeHidden();
    } finally {
      await chromium.kill();
    }
  });
}

test('unsaved work survives a killed app: the browser host killed and started again, on another port', async ({
  page,
}) => {
  const config = mkdtempSync(join(tmpdir(), 'podwright-config-'));
  let app = await serveApp({ PODWRIGHT_CONFIG_DIR: config });
  try {
    await openAs(page, app.url, 'en');
    const w = wordsFor('en');
    await page.getByRole('button', { name: w('palette.add', { what: w('preset.container') }) }).click();
    const name = page.getByRole('complementary', { name: w('inspector.label') }).getByLabel(w('field.name'), {
      exact: true,
    });
    await name.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('survivor');
    await expect(page.getByTestId('node-container:survivor')).toBeVisible();
    await expect.poll(() => draftHolds(app, 'survivor'), { timeout: 10_000 }).toBe(true);
    app.process.kill('SIGKILL');
    await new Promise((done) => app.process.once('exit', done));

    // Another start picks another port: another origin, whose browser storage is empty. The draft is the back end's.
    app = await serveApp({ PODWRIGHT_CONFIG_DIR: config });
    await page.goto(app.url);
    const prompt = page.getByRole('alertdialog', { name: w('recovery.title') });
    await prompt.getByRole('button', { name: w('recovery.restore') }).click();
    await expect(page.getByTestId('node-container:survivor')).toBeVisible();
  } finally {
    await stopApp(app);
    rmSync(config, { recursive: true, force: true });
  }
});
