// Journey: the workshop's namespace overlay, presenter mode and image export, in Chromium via the browser host.
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';

async function open(page: Page, url: string): Promise<void> {
  page.on('dialog', (d) => void d.accept());
  page.on('pageerror', (err) => {
    throw err;
  });
  await page.goto(url);
  await page.evaluate(() => {
    localStorage.removeItem('podwright.autosave');
    localStorage.setItem('podwright.theme', 'light');
  });
  await page.reload();
  await expect(page.getByRole('region', { name: 'Pod canvas' })).toBeVisible();
}

async function loadHelloworld(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Examples' });
  await dialog.locator('.example strong').getByText('Hello world: four containers', { exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('node-container:compute')).toBeVisible();
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function exportImage(page: Page, format: 'PNG' | 'SVG', area: 'Whole design' | 'Current view', overlay: boolean): Promise<Download> {
  await page.getByTestId('export-image').click();
  const menu = page.getByRole('dialog', { name: 'Export image' });
  await menu.getByLabel(format, { exact: true }).check();
  await menu.getByLabel(area, { exact: true }).check();
  await menu.getByLabel('Include the namespace overlay').setChecked(overlay);
  const download = page.waitForEvent('download');
  await menu.getByTestId('export-download').click();
  const file = await download;
  await expect(menu).toBeHidden();
  return file;
}

const all = '(infra),api,main,log,compute';

test('namespace overlay: eight lanes with the right members; shareProcessNamespace merges the PID lanes', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await loadHelloworld(page);
  await expect(page.getByTestId('ns-overlay')).toHaveCount(0);

  const toggle = page.getByTestId('toggle-namespaces');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const overlay = page.getByTestId('ns-overlay');
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('Namespaces of Pod “helloworld”');
  // The infra container is a member of its own.
  await expect(overlay.getByTestId('ns-member-infra')).toContainText('infra');

  const lane = (kind: string) => page.getByTestId(`ns-lane-${kind}`);
  for (const kind of ['network', 'uts', 'ipc']) {
    await expect(lane(kind)).toHaveAttribute('data-groups', all);
    await expect(lane(kind)).toHaveAttribute('data-verdict', 'shared');
  }
  await expect(lane('network')).toContainText(
    "shared: every container of a Pod joins the infra container's network namespace",
  );
  for (const kind of ['pid', 'mount', 'cgroup']) {
    await expect(lane(kind)).toHaveAttribute('data-groups', '(infra);api;main;log;compute');
    await expect(lane(kind)).toHaveAttribute('data-group-count', '5');
  }
  await expect(lane('mount')).toContainText(
    'separate: each container has its own mount namespace; share files through a volume',
  );
  for (const kind of ['user', 'time']) {
    await expect(lane(kind)).toHaveAttribute('data-groups', `(host),${all}`);
    await expect(lane(kind)).toHaveAttribute('data-verdict', 'host');
  }
  await expect(lane('time')).toContainText("they all see the host's clock");
  await expect(lane('pid').getByTestId('ns-group')).toHaveCount(5);

  // Turn on shareProcessNamespace in the Pod's inspector: the PID lanes merge into the infra's, live.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const inspector = page.getByRole('complementary', { name: 'Properties of the selection' });
  await inspector.getByLabel('Share one process namespace (shareProcessNamespace)').check();
  await expect(lane('pid')).toHaveAttribute('data-groups', all);
  await expect(lane('pid')).toHaveAttribute('data-verdict', 'shared');
  await expect(lane('pid').getByTestId('ns-group')).toHaveCount(1);
  await expect(lane('pid').getByTestId('ns-group')).toHaveAttribute('data-members', 'infra,api,main,log,compute');
  // Nothing else moved.
  await expect(lane('mount')).toHaveAttribute('data-group-count', '5');
  // Undo splits them again.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(lane('pid')).toHaveAttribute('data-group-count', '5');

  // The shortcut hides it.
  await page.keyboard.press('Shift+N');
  await expect(overlay).toHaveCount(0);
});

test('presenter mode hides the chrome, uses the contrast theme, and Escape leaves', async ({ page, app }) => {
  await open(page, app.url);
  await loadHelloworld(page);
  for (const chrome of ['.toolbar', '.palette', '.inspector', '.bottom-panel']) {
    await expect(page.locator(chrome).first()).toBeVisible();
  }
  await page.getByTestId('enter-presenter').click();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  for (const chrome of ['.toolbar', '.palette', '.inspector', '.bottom-panel', '.status-bar']) {
    await expect(page.locator(chrome).first()).toBeHidden();
  }
  // The canvas takes the whole window.
  const canvas = await page.getByRole('region', { name: 'Pod canvas' }).boundingBox();
  const viewport = page.viewportSize()!;
  expect(canvas!.width).toBeGreaterThan(viewport.width - 4);
  expect(canvas!.height).toBeGreaterThan(viewport.height - 4);
  await expect(page.getByTestId('node-container:api')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveAttribute('data-presenter', 'on');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('.toolbar')).toBeVisible();
  await expect(page.locator('.inspector')).toBeVisible();

  // The shortcut enters it too.
  await page.keyboard.press('Shift+P');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await page.getByTestId('presenter-exit').click();
  await expect(page.locator('.toolbar')).toBeVisible();
});

test('export the whole design and the current view as PNG and SVG, with and without the overlay', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await loadHelloworld(page);

  // Whole design with the overlay, as PNG and SVG: the PNG is the SVG at twice the size.
  const png = await exportImage(page, 'PNG', 'Whole design', true);
  expect(png.suggestedFilename()).toBe('helloworld-design-namespaces.png');
  const pngBytes = readFileSync((await png.path())!);
  const size = pngSize(pngBytes);
  const svg = await exportImage(page, 'SVG', 'Whole design', true);
  expect(svg.suggestedFilename()).toBe('helloworld-design-namespaces.svg');
  const svgText = readFileSync((await svg.path())!, 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      name: root.nodeName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      overlay: text.includes('ns-overlay'),
      api: text.includes('api'),
    };
  }, svgText);
  expect(parsed).toMatchObject({ error: false, name: 'svg', overlay: true, api: true });
  // Four containers plus the overlay beside them: wider than a screen, drawn at 2x and at most 3840 px.
  expect(parsed.width).toBeGreaterThan(1500);
  expect(size.width).toBe(Math.min(3840, 2 * parsed.width));
  expect(size.height).toBe(Math.floor(parsed.height * (size.width === 3840 ? 3840.5 / parsed.width : 2)));
  expect(size.width).toBeLessThanOrEqual(3840);

  // Without the overlay the design is narrower and the overlay is not in the picture.
  const plain = await exportImage(page, 'SVG', 'Whole design', false);
  expect(plain.suggestedFilename()).toBe('helloworld-design.svg');
  const plainText = readFileSync((await plain.path())!, 'utf8');
  expect(plainText).not.toContain('data-testid="ns-overlay"');
  const plainWidth = Number(/<svg[^>]*\swidth="(\d+)"/.exec(plainText)?.[1]);
  expect(plainWidth).toBeGreaterThan(800);
  expect(plainWidth).toBeLessThan(parsed.width - 500);
  // The overlay was switched on only for the picture.
  await expect(page.getByTestId('ns-overlay')).toHaveCount(0);

  // The current view: exactly the canvas, at 2x.
  const canvasBox = (await page.locator('.canvas .react-flow').boundingBox())!;
  const view = await exportImage(page, 'PNG', 'Current view', false);
  expect(view.suggestedFilename()).toBe('helloworld-view.png');
  const viewSize = pngSize(readFileSync((await view.path())!));
  expect(viewSize).toEqual({ width: 2 * Math.ceil(canvasBox.width), height: 2 * Math.ceil(canvasBox.height) });
});
