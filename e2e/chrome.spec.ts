// Journey: the app's frame at 1280×720 and 1440×900 in both languages: a one-row toolbar with menus, the canvas taking
// most of the window, panels resized by dragging their splitters (and by keys) and collapsed, the sizes kept across a
// reload, click-to-add placing nodes in view and clear of the others, handles big enough to hit, the minimap toggle.
import type { Locator, Page } from '@playwright/test';
import { expect, openAs, screenSizes, shot, test } from './fixtures';
import { bothLanguages, wordsFor } from './words';

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Drags the splitter `name` by (dx, dy) with the mouse, in steps as a hand moves. */
async function dragSplitter(page: Page, splitter: Locator, dx: number, dy: number): Promise<void> {
  const b = await box(splitter);
  const x = b.x + b.width / 2;
  const y = b.y + b.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

/** Clicks the palette item `preset` as a user does, and returns the node it added (the selected one). */
async function clickToAdd(page: Page, w: ReturnType<typeof wordsFor>, what: string): Promise<Locator> {
  await page.getByRole('button', { name: w('palette.add', { what: w(what) }), exact: true }).click();
  const added = page.locator('.react-flow__node.selected').first();
  await expect(added).toBeVisible();
  return added;
}

for (const size of screenSizes) {
  for (const language of bothLanguages) {
    test(`the frame at ${size.width}×${size.height} in ${language}`, async ({ page, app }) => {
      const w = wordsFor(language);
      await openAs(page, app.url, language, size);
      const toolbar = page.getByRole('toolbar', { name: w('toolbar.label') });
      const canvas = page.getByRole('region', { name: w('canvas.label') });

      // One row: the toolbar is one button high, nothing in it sits below another, nothing spills out of it.
      const bar = await box(toolbar);
      expect(bar.height).toBeLessThan(48);
      const rows = await toolbar.evaluate((el) => {
        const tops = [...el.children].map((c) => Math.round(c.getBoundingClientRect().top + c.clientHeight / 2));
        return { spread: Math.max(...tops) - Math.min(...tops), overflow: el.scrollWidth - el.clientWidth };
      });
      expect(rows.spread).toBeLessThan(8);
      expect(rows.overflow).toBeLessThanOrEqual(0);
      // The commands are there: menus with their items, icon buttons by their names.
      await page.getByRole('menuitem', { name: w('chrome.menu.edit'), exact: true }).click();
      const editMenu = page.getByRole('menu', { name: w('chrome.menu.edit') });
      await expect(editMenu.getByRole('menuitem', { name: new RegExp(`^${w('action.undo')}`) })).toBeVisible();
      await page.keyboard.press('ArrowRight');
      const viewMenu = page.getByRole('menu', { name: w('chrome.menu.view') });
      await expect(viewMenu).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(viewMenu).toBeHidden();
      await expect(toolbar.getByRole('button', { name: w('action.examples'), exact: true })).toBeVisible();

      // The canvas has most of the window's height, and most of its width.
      let area = await box(canvas);
      expect(area.height).toBeGreaterThan(size.height * 0.5);
      expect(area.width).toBeGreaterThan(size.width * 0.5);

      // Click-to-add: each new node lands in the visible canvas, clear of every node already there.
      for (const what of [
        'preset.webServer',
        'preset.cache',
        'preset.database',
        'volumeKind.emptyDir',
        'preset.cache',
      ]) {
        const added = await clickToAdd(page, w, what);
        // Settled: a pan that brings it into view has ended.
        let b = await box(added);
        let last = '';
        await expect
          .poll(async () => {
            b = await box(added);
            const now = JSON.stringify(b);
            const still = now === last;
            last = now;
            return still;
          })
          .toBe(true);
        area = await box(canvas);
        expect(b.x).toBeGreaterThanOrEqual(area.x);
        expect(b.y).toBeGreaterThanOrEqual(area.y);
        expect(b.x + b.width).toBeLessThanOrEqual(area.x + area.width);
        expect(b.y + b.height).toBeLessThanOrEqual(area.y + area.height);
        const others = await page
          .locator('.react-flow__node:not(.react-flow__node-pod):not(.selected)')
          .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as Box));
        expect(others.length).toBeGreaterThan(0);
        for (const other of others) expect(overlap(b, other), `${what} overlaps a node`).toBe(false);
      }
      await shot(page, `chrome/added-${size.width}-${language}.png`);

      // Connection handles are big enough to hit: 10 pixels and more around the dot.
      const handle = page.locator('.react-flow__node.selected .react-flow__handle[data-handleid="mounts"]');
      const hb = await box(handle);
      expect(Math.min(hb.width, hb.height)).toBeGreaterThanOrEqual(10);
      const hit = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__handle')?.getAttribute('data-handleid'),
        { x: hb.x + hb.width / 2 + 8, y: hb.y + hb.height / 2 },
      );
      expect(hit).toBe('mounts');

      // Splitters: dragged with the mouse, each panel takes the new size.
      const palette = page.locator('#panel-palette');
      const inspector = page.locator('#panel-inspector');
      const bottom = page.locator('#panel-bottom');
      const before = { palette: await box(palette), inspector: await box(inspector), bottom: await box(bottom) };
      await dragSplitter(page, page.getByRole('separator', { name: w('chrome.resize.palette') }), 60, 0);
      await dragSplitter(page, page.getByRole('separator', { name: w('chrome.resize.inspector') }), -50, 0);
      await dragSplitter(page, page.getByRole('separator', { name: w('chrome.resize.bottom') }), 0, -80);
      const after = { palette: await box(palette), inspector: await box(inspector), bottom: await box(bottom) };
      expect(after.palette.width - before.palette.width).toBeCloseTo(60, -1);
      expect(after.inspector.width - before.inspector.width).toBeCloseTo(50, -1);
      expect(after.bottom.height - before.bottom.height).toBeCloseTo(80, -1);

      // The keyboard on the focused splitter: a right arrow widens the palette, Enter collapses it and opens it again.
      const paletteSplitter = page.getByRole('separator', { name: w('chrome.resize.palette') });
      await paletteSplitter.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await box(palette)).width).toBeCloseTo(after.palette.width + 16, 0);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('complementary', { name: w('palette.label') })).toBeHidden();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('complementary', { name: w('palette.label') })).toBeVisible();
      const kept = { palette: await box(palette), inspector: await box(inspector), bottom: await box(bottom) };

      // The sizes outlive a reload.
      await page.reload();
      await expect(canvas).toBeVisible();
      expect((await box(palette)).width).toBeCloseTo(kept.palette.width, 0);
      expect((await box(inspector)).width).toBeCloseTo(kept.inspector.width, 0);
      expect((await box(bottom)).height).toBeCloseTo(kept.bottom.height, 0);

      // Collapse and expand by their buttons: the canvas takes the room and gives it back.
      const wide = (await box(canvas)).width;
      await page.getByRole('button', { name: w('chrome.hide.inspector') }).click();
      await expect(page.getByRole('complementary', { name: w('inspector.label') })).toBeHidden();
      expect((await box(canvas)).width).toBeGreaterThan(wide + 150);
      const tall = (await box(canvas)).height;
      await page.getByRole('button', { name: w('chrome.hide.bottom') }).click();
      await expect(page.locator('#tabpanel-problems')).toBeHidden();
      expect((await box(canvas)).height).toBeGreaterThan(tall + 80);
      await shot(page, `chrome/collapsed-${size.width}-${language}.png`);
      // A tab of the collapsed panel opens it.
      await page.getByRole('tab', { name: 'YAML' }).click();
      await expect(page.locator('#tabpanel-yaml')).toBeVisible();
      await page.getByRole('button', { name: w('chrome.show.inspector') }).click();
      await expect(page.getByRole('complementary', { name: w('inspector.label') })).toBeVisible();

      // The minimap is small, and the View menu turns it off and on.
      const minimap = page.locator('.react-flow__minimap');
      expect((await box(minimap)).width).toBeLessThanOrEqual(170);
      const toggleMinimap = async () => {
        await page.getByRole('menuitem', { name: w('chrome.menu.view'), exact: true }).click();
        await page.getByRole('menuitemcheckbox', { name: w('chrome.action.toggleMinimap') }).click();
      };
      await toggleMinimap();
      await expect(minimap).toHaveCount(0);
      await toggleMinimap();
      await expect(minimap).toBeVisible();
    });
  }
}
