// Journeys: a design of several Pods on the canvas, at 1280×720 in both languages: laid out on open even while the user
// types, its nodes clear of each other and of the minimap.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from '@playwright/test';
import { expect, openAs, serveWithFileRoot, shot, test, type ServedApp } from './fixtures';
import { drawnBoxes, expectClear, intersects } from './overlap';
import { layoutAnnotation } from '../shared/manifest/layout-annotation';
import { designText, pod, sleeper } from './pods';
import { bothLanguages, word, type Language } from './words';

let app: ServedApp;
let stop: (() => Promise<void>) | undefined;

/** A Pod shaped like the sidecar-logs example: an app and a log shipper sharing a volume, and a web container. */
function sidecarPod(name: string) {
  const logs = { name: 'logs', mountPath: '/var/log/app' };
  return pod(name, {
    initContainers: [sleeper('log-shipper', { restartPolicy: 'Always', volumeMounts: [{ ...logs, readOnly: true }] })],
    containers: [sleeper('app', { volumeMounts: [logs] }), sleeper('web', { ports: [{ containerPort: 80 }] })],
    volumes: [{ name: 'logs', emptyDir: {} }],
  });
}

/**
 * One Pod placed by hand in a grid as wide for its height as the canvas at 1280×720, so a fit puts a node in every
 * corner of the view: the bottom-right one where the minimap is.
 */
function gridPod(name: string) {
  const containers = Array.from({ length: 9 }, (_, i) => sleeper(`c${i + 1}`));
  const nodes: Record<string, { x: number; y: number }> = { 'ns:shared': { x: 0, y: -140 } };
  containers.forEach((_, i) => (nodes[`container:c${i + 1}`] = { x: (i % 3) * 300, y: Math.floor(i / 3) * 160 }));
  const annotations = { [layoutAnnotation]: JSON.stringify({ version: 1, nodes }) };
  const placed = pod(name, { containers });
  return { ...placed, metadata: { name, annotations } };
}

/**
 * A Pod placed by hand, tight: each volume just below a container, less than a port row's height away from it (no
 * mounts: their labels would sit in that gap).
 */
function tightPod(name: string) {
  const nodes = {
    'ns:shared': { x: 0, y: -140 },
    'container:app': { x: 0, y: 0 },
    'container:side': { x: 300, y: 0 },
    'volume:data': { x: 0, y: 72 },
    'volume:logs': { x: 300, y: 72 },
  };
  const annotations = { [layoutAnnotation]: JSON.stringify({ version: 1, nodes }) };
  const spec = {
    containers: [sleeper('app'), sleeper('side')],
    volumes: [
      { name: 'data', emptyDir: {} },
      { name: 'logs', emptyDir: {} },
    ],
  };
  return { ...pod(name, spec), metadata: { name, annotations } };
}

/** Three Pods without any stored position: the canvas lays each out and puts the groups side by side. */
const threePods = designText([sidecarPod('shop'), sidecarPod('billing'), sidecarPod('mail')]);

test.beforeAll(async () => {
  let root: string;
  ({ app, root, stop } = await serveWithFileRoot('podwright-canvas-pods-e2e-'));
  writeFileSync(join(root, 'three.pod.yaml'), threePods);
  writeFileSync(join(root, 'grid.pod.yaml'), designText([gridPod('grid')]));
  writeFileSync(join(root, 'tight.pod.yaml'), designText([tightPod('tight')]));
});

test.afterAll(async () => {
  await stop?.();
});

/** Opens a design file from the picker, as a user does, in `language`. */
async function openDesign(page: Page, language: Language, name: string): Promise<void> {
  await page.getByRole('button', { name: word(language, 'action.open'), exact: true }).click();
  const picker = page.getByRole('dialog', { name: word(language, 'files.picker.openTitle') });
  await picker.getByRole('button', { name }).dblclick();
  await expect(picker).toBeHidden();
}

/**
 * Holds ELK's script (the app loads it the first time a layout is asked for) until the returned function is called: a
 * first layout as slow as the slowest machine's, without a hook in the app.
 */
async function holdLayoutEngine(page: Page): Promise<() => void> {
  const held: Route[] = [];
  let released = false;
  await page.route(/elk\.bundled-[^/]*\.js$/, async (route) => {
    if (released) await route.continue();
    else held.push(route);
  });
  return () => {
    released = true;
    for (const route of held.splice(0)) void route.continue();
  };
}

for (const language of bothLanguages)
  test(`several Pods renamed key by key while they are laid out: no node covers another, in ${language}`, async ({
    page,
  }) => {
    const release = await holdLayoutEngine(page);
    await openAs(page, app.url, language, { width: 1280, height: 720 });
    await openDesign(page, language, 'three.pod.yaml');
    await expect(page.getByTestId('node-@2/pod')).toBeVisible();
    // The user renames the first Pod at once in the inspector (it shows the Pod while nothing is selected), a key at a
    // time, while the layout still waits for ELK.
    const field = page
      .getByRole('complementary', { name: word(language, 'inspector.label') })
      .getByLabel(word(language, 'field.podName'));
    await field.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('storefront');
    await expect(page.getByTestId('node-pod')).toContainText('storefront');
    release();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.waitForTimeout(600);
    await shot(page, `pods-renamed-while-laid-out-${language}.png`);
    await expectClear(page);
    // The groups stand side by side, the renamed one first.
    const boxes = await Promise.all(
      ['node-pod', 'node-@1/pod', 'node-@2/pod'].map(async (id) => (await page.getByTestId(id).boundingBox())!),
    );
    expect(boxes[0]!.x + boxes[0]!.width).toBeLessThan(boxes[1]!.x);
    expect(boxes[1]!.x + boxes[1]!.width).toBeLessThan(boxes[2]!.x);
  });

for (const language of bothLanguages)
  test(`Fit view at 1280×720 leaves the minimap's corner free, in ${language}`, async ({ page }) => {
    await openAs(page, app.url, language, { width: 1280, height: 720 });
    await openDesign(page, language, 'grid.pod.yaml');
    await expect(page.getByTestId('node-container:c9')).toBeVisible();
    const minimap = page.locator('.react-flow__minimap');
    const controls = page.locator('.react-flow__controls');
    await expect(minimap).toBeVisible();
    const fitView = page.getByRole('button', { name: word(language, 'action.fitView'), exact: true });
    // The toolbar's button, the zoom controls' one and the shortcut.
    for (const fit of ['toolbar', 'controls', 'keys'] as const) {
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      // Zoomed in by the wheel first, so the fit is the action's and not the one on open.
      await page.mouse.move(500, 300);
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(300);
      if (fit === 'toolbar') await fitView.first().click();
      else if (fit === 'controls')
        await controls.getByRole('button', { name: word(language, 'action.fitView') }).click();
      else await page.keyboard.press('Shift+F');
      await page.waitForTimeout(500);
      await shot(page, `fit-minimap-${fit}-${language}.png`);
      const panels = [(await minimap.boundingBox())!, (await controls.boundingBox())!];
      const covered = (await drawnBoxes(page)).filter((box) => panels.some((panel) => intersects(box, panel)));
      expect(covered.map((b) => b.what)).toEqual([]);
      // Still a fit: the bottom-right node is near the view's right or bottom edge, not shrunk into the middle.
      const corner = (await page.getByTestId('node-container:c9').boundingBox())!;
      const pane = (await page.locator('.react-flow__pane').boundingBox())!;
      const right = pane.x + pane.width - (corner.x + corner.width);
      const bottom = pane.y + pane.height - (corner.y + corner.height);
      expect(Math.min(right, bottom)).toBeLessThan(200);
    }
  });

for (const language of bothLanguages)
  test(`a container given ports moves only the volume it would cover, undone with the ports, in ${language}`, async ({
    page,
  }) => {
    await openAs(page, app.url, language, { width: 1280, height: 720 });
    await openDesign(page, language, 'tight.pod.yaml');
    const container = page.getByTestId('node-container:app');
    const data = page.getByTestId('node-volume:data');
    const logs = page.getByTestId('node-volume:logs');
    await expect(data).toBeVisible();
    await page.waitForTimeout(400);
    const dataBefore = (await data.boundingBox())!;
    const logsBefore = (await logs.boundingBox())!;
    await expectClear(page);

    // The user gives the app two ports in the inspector: its node grows a row of port badges.
    await container.locator('.node-name').click();
    const addPort = page
      .getByRole('complementary', { name: word(language, 'inspector.label') })
      .getByRole('button', { name: `+ ${word(language, 'field.addPort')}` });
    await addPort.click();
    await addPort.click();
    await expect(container.getByTestId('port-badge')).toHaveCount(2);
    await page.waitForTimeout(300);
    await shot(page, `grow-ports-${language}.png`);
    await expectClear(page);
    // Only the covered volume moved, straight down; the other stayed where the user put it.
    const dataAfter = (await data.boundingBox())!;
    expect(dataAfter.y).toBeGreaterThan(dataBefore.y);
    expect(dataAfter.x).toBeCloseTo(dataBefore.x, 0);
    expect(await logs.boundingBox()).toEqual(logsBefore);

    // Undo takes the ports away and puts the volume back.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect(container.getByTestId('port-badge')).toHaveCount(0);
    await expect.poll(async () => (await data.boundingBox())!.y).toBeCloseTo(dataBefore.y, 0);
    await expectClear(page);
    // Redo brings both back.
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await expect(container.getByTestId('port-badge')).toHaveCount(2);
    await expect.poll(async () => (await data.boundingBox())!.y).toBeCloseTo(dataAfter.y, 0);
    await expectClear(page);
  });

/** The Pod bar sits with the active group: centred under it (within its width) and just below its lower edge. */
async function expectBarWithActivePod(page: Page, language: Language): Promise<void> {
  const bar = page.getByRole('toolbar', { name: word(language, 'pods.bar') });
  await expect(async () => {
    const b = (await bar.boundingBox())!;
    const group = (await page.getByTestId('node-pod').boundingBox())!;
    const centre = b.x + b.width / 2;
    expect(centre).toBeGreaterThanOrEqual(group.x);
    expect(centre).toBeLessThanOrEqual(group.x + group.width);
    expect(Math.abs(b.y - (group.y + group.height))).toBeLessThan(20);
    // It covers no node.
    for (const box of await drawnBoxes(page)) expect(intersects(b, box), box.what).toBe(false);
  }).toPass({ timeout: 5_000 });
}

for (const language of bothLanguages)
  test(`the Pod bar sits with the Pod it acts on, panned, zoomed and on each Pod, in ${language}`, async ({ page }) => {
    await openAs(page, app.url, language, { width: 1280, height: 720 });
    await openDesign(page, language, 'three.pod.yaml');
    await expect(page.getByTestId('node-@2/pod')).toBeVisible();
    await expectClear(page);
    await expectBarWithActivePod(page, language);
    await shot(page, `pod-bar-first-${language}.png`);

    // Panned by dragging the canvas, then zoomed by the wheel: the bar goes with the group.
    await page.mouse.move(600, 150);
    await page.mouse.down();
    await page.mouse.move(700, 110, { steps: 8 });
    await page.mouse.up();
    await expectBarWithActivePod(page, language);
    await page.mouse.move(400, 250);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(300);
    await expectBarWithActivePod(page, language);
    await shot(page, `pod-bar-zoomed-${language}.png`);

    // Each Pod in turn: by the bar's own next button, and by a click on the other Pod's group.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+F');
    await page.waitForTimeout(400);
    const next = page.getByRole('button', { name: word(language, 'pods.action.next') });
    await next.click();
    await expect(page.getByTestId('pod-place')).toHaveText(
      word(language, 'pods.place', { index: 2, count: 3, name: 'billing' }),
    );
    await expectBarWithActivePod(page, language);
    await shot(page, `pod-bar-second-${language}.png`);
    // Next shows the whole new active group; all three in view again, the user clicks into the third.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+F');
    await page.waitForTimeout(400);
    await expectBarWithActivePod(page, language);
    await page.getByTestId('node-@2/container:web').click();
    await expect(page.getByTestId('pod-place')).toHaveText(
      word(language, 'pods.place', { index: 3, count: 3, name: 'mail' }),
    );
    await expectBarWithActivePod(page, language);
    await shot(page, `pod-bar-third-${language}.png`);
  });
