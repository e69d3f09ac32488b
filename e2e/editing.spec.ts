// Journeys through the canvas editing tools in Chromium via the browser host (no Docker): auto layout, align,
// copy and paste, and mount edge labels with their diagnostic badges.
import type { Page } from '@playwright/test';
import { dragBy, expect, loadExample, openApp, shot, test, yamlText } from './fixtures';

type Position = { x: number; y: number };

/** A node's position in flow coordinates, read from React Flow's transform (the viewport does not change it). */
async function position(page: Page, id: string): Promise<Position> {
  const transform = await page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((el) => el.style.transform);
  const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(transform);
  if (!m) throw new Error(`no position for ${id}: ${transform}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

/** Positions of several nodes; fits the view first, since the canvas may leave nodes outside the view undrawn. */
async function positions(page: Page, ids: readonly string[]): Promise<Record<string, Position>> {
  await fitView(page);
  const out: Record<string, Position> = {};
  for (const id of ids) out[id] = await position(page, id);
  return out;
}

const helloworldNodes = [
  'container:api',
  'container:main',
  'container:log',
  'container:compute',
  'volume:log-storage',
  'volume:data-storage',
  'ns:shared',
];

async function fitView(page: Page): Promise<void> {
  await page
    .getByRole('toolbar', { name: 'Main toolbar' })
    .getByRole('button', { name: 'Fit view', exact: true })
    .click();
  await page.waitForTimeout(300);
}

test('an example opened without positions is laid out; Auto layout tidies a drag and undoes in one step', async ({
  page,
  app,
}) => {
  await openApp(page, app.url);
  await loadExample(page, 'Hello world: four containers');
  await expect(page.getByTestId('node-container:compute')).toBeVisible();
  // Laid out on open: each volume sits under the container that mounts it (the old rows put them by index).
  const centre = async (id: string, width: number): Promise<number> => (await position(page, id)).x + width / 2;
  await expect
    .poll(async () => Math.abs((await centre('volume:data-storage', 190)) - (await centre('container:compute', 230))))
    .toBeLessThan(120);
  const laidOut = await positions(page, helloworldNodes);
  expect(laidOut['container:api']!.y).toBe(laidOut['container:compute']!.y);
  expect(laidOut['ns:shared']!.y).toBeLessThan(laidOut['container:api']!.y);
  expect(laidOut['volume:log-storage']!.y).toBeGreaterThan(laidOut['container:api']!.y + 120);
  // Opening is not an edit: nothing to undo.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  await fitView(page);
  await dragBy(page, page.getByTestId('node-container:main'), 120, 260);
  const messy = await positions(page, helloworldNodes);
  expect(messy['container:main']).not.toEqual(laidOut['container:main']);

  await page.getByRole('button', { name: 'Auto layout', exact: true }).click();
  await expect.poll(() => positions(page, helloworldNodes)).toEqual(laidOut);

  await page.keyboard.press('Control+z');
  await expect.poll(() => positions(page, helloworldNodes)).toEqual(messy);
  await page.keyboard.press('Control+z');
  await expect.poll(() => positions(page, helloworldNodes)).toEqual(laidOut);
});

test('align left and top, distribute: the arrange bar and the shortcuts move the selection in one step', async ({
  page,
  app,
}) => {
  await openApp(page, app.url);
  await loadExample(page, 'Hello world: four containers');
  await expect.poll(async () => (await position(page, 'ns:shared')).y).toBeLessThan(0);
  await fitView(page);
  const main = page.getByTestId('node-container:main');
  await dragBy(page, main, 40, 200);
  const before = await positions(page, ['container:api', 'container:main']);
  expect(before['container:main']!.x).not.toBe(before['container:api']!.x);

  await page.getByTestId('node-container:api').click();
  await main.click({ modifiers: ['Shift'] });
  const bar = page.getByRole('toolbar', { name: 'Arrange the selection' });
  await expect(bar).toBeVisible();
  // Distributing needs three nodes.
  await expect(bar.getByRole('button', { name: 'Distribute horizontally' })).toBeDisabled();
  await bar.getByRole('button', { name: 'Align left' }).click();
  const left = Math.round(Math.min(before['container:api']!.x, before['container:main']!.x));
  await expect.poll(async () => (await position(page, 'container:main')).x).toBe(left);
  expect((await position(page, 'container:api')).x).toBe(left);
  // Different rows, so the y stays.
  expect((await position(page, 'container:main')).y).toBe(before['container:main']!.y);
  await shot(page, 'editing-align-light.png');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await shot(page, 'editing-align-dark.png');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');

  // One undo step for the whole alignment.
  await page.keyboard.press('Control+z');
  await expect.poll(() => positions(page, ['container:api', 'container:main'])).toEqual(before);

  // The keyboard does the same: Ctrl+Shift+↑ lines up the tops.
  await page.keyboard.press('Control+Shift+ArrowUp');
  await expect
    .poll(async () => (await position(page, 'container:main')).y)
    .toBe(Math.round(Math.min(before['container:api']!.y, before['container:main']!.y)));

  // Three in a row (equal widths): Shift+H spreads them to equal gaps, the outer two staying put.
  await page.getByTestId('node-container:compute').click({ modifiers: ['Shift'] });
  await expect(bar.getByRole('button', { name: 'Distribute horizontally' })).toBeEnabled();
  const row = await positions(page, ['container:api', 'container:main', 'container:compute']);
  await page.keyboard.press('Shift+H');
  await expect
    .poll(async () => {
      const at = await positions(page, ['container:api', 'container:main', 'container:compute']);
      return Math.abs(
        at['container:main']!.x - at['container:api']!.x - (at['container:compute']!.x - at['container:main']!.x),
      );
    })
    .toBeLessThanOrEqual(1);
  const spread = await positions(page, ['container:api', 'container:main', 'container:compute']);
  expect(spread['container:main']!.x).not.toBe(row['container:main']!.x);
  expect(spread['container:api']).toEqual(row['container:api']);
  expect(spread['container:compute']).toEqual(row['container:compute']);
});

test('copy and paste a container with its volume: renamed copies, the mount follows, the YAML shows them', async ({
  page,
  app,
}) => {
  await openApp(page, app.url);
  await loadExample(page, 'Hello world: four containers');
  await expect.poll(async () => (await position(page, 'ns:shared')).y).toBeLessThan(0);
  await fitView(page);
  await page.getByTestId('node-container:log').click();
  await page.getByTestId('node-volume:log-storage').click({ modifiers: ['Shift'] });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await page.keyboard.press('Control+c');
  // The copy is on the system clipboard as a Pod manifest, for another window or an editor.
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('kind: Pod');
  expect(copied).toMatch(/- name: log\n/);
  expect(copied).toMatch(/- name: log-storage\n/);
  expect(copied).not.toContain('name: api');
  await page.keyboard.press('Control+v');

  const copy = page.getByTestId('node-container:log-2');
  await expect(copy).toBeVisible();
  await expect(page.getByTestId('node-volume:log-storage-2')).toBeVisible();
  // The pasted nodes are the new selection, placed beside the originals.
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
  const original = await position(page, 'container:log');
  const pasted = await position(page, 'container:log-2');
  expect(pasted.x - original.x).toBe(40);
  expect(pasted.y - original.y).toBe(40);
  // The copy's mount points at the copied volume, drawn as an edge with its path.
  await expect(page.getByTestId('mount-label-mount:container:log-2:0')).toHaveText('/logs');

  const text = await yamlText(page);
  expect(text).toMatch(
    /- name: log-2\s+image: busybox:1\.36[\s\S]*?volumeMounts:\s+- name: log-storage-2\s+mountPath: \/logs/,
  );
  expect(text).toMatch(/volumes:[\s\S]*- name: log-storage-2\s+emptyDir: \{\}/);
  await page.getByRole('tab', { name: 'Problems' }).click();
  await expect(page.locator('.problem')).toHaveCount(0);

  // Cut removes what it copies (one undo step) and a paste brings it back, renamed only if taken.
  await page.getByTestId('node-container:log-2').click();
  await page.keyboard.press('Control+x');
  await expect(page.getByTestId('node-container:log-2')).toHaveCount(0);
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('node-container:log-2')).toBeVisible();

  // YAML copied elsewhere pastes too: a Deployment's Pod template gives its container.
  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: cache}',
    'spec:',
    '  selector: {matchLabels: {app: cache}}',
    '  template:',
    '    metadata: {labels: {app: cache}}',
    '    spec:',
    '      containers: [{name: redis, image: "redis:7"}]',
  ].join('\n');
  await page.evaluate((text) => navigator.clipboard.writeText(text), deployment);
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('node-container:redis')).toBeVisible();
  await expect(page.getByTestId('node-container:redis')).toContainText('redis:7');
});

test('mount edges show their path, ro and subPath; a rule on the mount shows a badge; the label selects it', async ({
  page,
  app,
}) => {
  await openApp(page, app.url);
  await loadExample(page, 'Log-shipper sidecar sharing a log volume');
  const shipper = page.getByTestId('mount-label-mount:container:log-shipper:0');
  const app_ = page.getByTestId('mount-label-mount:container:app:0');
  await expect(app_).toHaveText('/var/log/app');
  await expect(shipper).toHaveText('/var/log/appro');
  await expect(shipper.locator('.mount-chip')).toHaveText('ro');
  await expect(page.getByTestId('edge-badge')).toHaveCount(0);

  await fitView(page);
  await app_.click();
  const inspector = page.getByRole('complementary', { name: 'Properties of the selection' });
  await expect(inspector.getByLabel('Mount path')).toHaveValue('/var/log/app');
  await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);
  await inspector.getByLabel('Sub path').fill('app');
  await expect(app_.locator('.mount-chip')).toHaveText('sub: app');

  // Read-only for the only writer: the emptyDir can never be written, and both mounts carry the warning.
  await inspector.getByLabel('Read-only').check();
  await expect(app_.getByTestId('edge-badge')).toHaveText('1');
  await expect(shipper.getByTestId('edge-badge')).toHaveText('1');
  await expect(app_).toHaveClass(/has-warning/);
  await shot(page, 'editing-edges-light.png');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await shot(page, 'editing-edges-dark.png');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');

  // An empty mount path is an error on that mount.
  await inspector.getByLabel('Mount path').fill('');
  await expect(app_).toHaveClass(/has-error/);
  await expect(app_.locator('.mount-path')).toHaveText('no mount path');
});
