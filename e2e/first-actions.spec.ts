// Journeys for the first thing a user does, before the part that reads and writes YAML has arrived (issue 20: it
// loads right after the first paint, renderer/src/files-part.ts). The part is held on its way from the server while the
// user acts; each action must wait for it and then happen, nothing lost: a paste, a copy, a file opened through the
// picker, a file dropped on the window, the draft of the first edit, and unsaved work restored at start.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { draftHolds, expect, openApp, serveWithFileRoot, test, type ServedApp } from './fixtures';
import { wordsFor } from './words';

const w = wordsFor('en');
let app: ServedApp;
let stop: () => Promise<void>;

test.beforeAll(async () => {
  const served = await serveWithFileRoot('podwright-first-actions-');
  ({ app, stop } = served);
  copyFileSync('assets/examples/helloworld.pod.yaml', join(served.root, 'other.pod.yaml'));
});

test.afterAll(async () => {
  await stop?.();
});

interface Held {
  /** Whether the app has asked for the part (the action is waiting on it). */
  requested: () => boolean;
  /** Lets the part through. */
  release: () => void;
}

/** Holds the YAML part (its chunk, design-files-*.js) on its way from the server until `release`. */
async function holdYamlPart(page: Page): Promise<Held> {
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  let requested = false;
  // Routing turns the browser's cache off, so a reload asks for the part again and is held again.
  await page.route(/\/assets\/design-files-[\w-]+\.js$/, async (route) => {
    requested = true;
    await released;
    await route.continue();
  });
  return { requested: () => requested, release };
}

/** Waits until the app is waiting for the held part, then lets it through. */
async function releaseWhenAsked(held: Held): Promise<void> {
  await expect.poll(held.requested).toBe(true);
  held.release();
}

const title = (page: Page) => page.getByTestId('document-title');

test('a paste as the very first action waits for the YAML reader and pastes', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  const held = await holdYamlPart(page);
  await openApp(page, app.url);
  // YAML copied in an editor, before the app was opened.
  await page.evaluate(() =>
    navigator.clipboard.writeText('kind: Pod\nspec:\n  containers: [{name: redis, image: "redis:7"}]\n'),
  );
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('node-container:redis')).toHaveCount(0);
  await releaseWhenAsked(held);
  await expect(page.getByTestId('node-container:redis')).toContainText('redis:7');
  // One undo step, as any paste.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-container:redis')).toHaveCount(0);
});

test('a copy before the YAML writer arrives reaches the clipboard; the first edit is kept as a draft and restored at start', async ({
  page,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  let held = await holdYamlPart(page);
  await openApp(page, app.url);
  await page.getByRole('button', { name: w('palette.add', { what: w('preset.container') }) }).click();
  const name = page.getByRole('complementary', { name: w('inspector.label') }).getByLabel(w('field.name'), {
    exact: true,
  });
  await name.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('early');
  await page.getByTestId('node-container:early').click();
  await page.keyboard.press('Control+c');
  await releaseWhenAsked(held);
  // The copy went to the system clipboard once the writer was there, and pastes as a renamed copy.
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('- name: early');
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('node-container:early-2')).toBeVisible();
  // The draft of that first work was written once the writer arrived.
  await expect.poll(() => draftHolds(app, 'early-2'), { timeout: 10_000 }).toBe(true);

  // Started again with the part held: the offer comes, and Restore waits for the reader and restores.
  await page.unrouteAll();
  held = await holdYamlPart(page);
  await page.reload();
  const prompt = page.getByRole('alertdialog', { name: w('recovery.title') });
  await prompt.getByRole('button', { name: w('recovery.restore') }).click();
  await releaseWhenAsked(held);
  await expect(page.getByTestId('node-container:early-2')).toBeVisible();
  await expect(page.getByTestId('node-container:early')).toBeVisible();
  await expect(title(page)).toHaveText(/•$/);
});

test('a file opened through the picker as the very first action waits for the reader and opens', async ({ page }) => {
  const held = await holdYamlPart(page);
  await openApp(page, app.url);
  await page.getByRole('button', { name: 'Open…' }).click();
  const picker = page.getByRole('dialog', { name: 'Open a design' });
  await picker.getByRole('button', { name: 'other.pod.yaml' }).dblclick();
  await releaseWhenAsked(held);
  await expect(picker).toBeHidden();
  await expect(title(page)).toHaveText('other.pod.yaml');
  await expect(page.getByTestId('node-container:api')).toBeVisible();
});

test('a file dropped on the window as the very first action waits for the reader and opens', async ({ page }) => {
  const held = await holdYamlPart(page);
  await openApp(page, app.url);
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: dropped}\nspec:\n  containers: [{name: web, image: "nginx:1.27"}]\n';
    transfer.items.add(new File([text], 'dropped.pod.yaml', { type: 'application/yaml' }));
    return transfer;
  });
  await page.locator('.react-flow__pane').dispatchEvent('drop', { dataTransfer });
  await releaseWhenAsked(held);
  await expect(title(page)).toHaveText('dropped.pod.yaml');
  await expect(page.getByTestId('node-container:web')).toContainText('nginx:1.27');
});
