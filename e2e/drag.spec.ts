// Journey: dragging a node draws the edges as one layer (renderer/src/canvas/drag-edges.tsx) with the same curves
// React Flow draws, moves the curves that touch the node, and gives React Flow's edges back on release.
import type { Page } from '@playwright/test';
import { addPodFromMenu, expect, loadExample, openApp, test, typeYaml } from './fixtures';
import { busybox, podText } from './pods';

/** React Flow's curve per edge id, read from its own edge elements. */
async function flowCurves(page: Page): Promise<Record<string, string>> {
  return page
    .locator('.react-flow__edge')
    .evaluateAll((edges) =>
      Object.fromEntries(
        edges.map((e) => [
          e.getAttribute('data-id') ?? '',
          e.querySelector('.react-flow__edge-path')?.getAttribute('d') ?? '',
        ]),
      ),
    );
}

/** How many of React Flow's edge svgs are drawn (a straight edge has an empty box, so visibility checks cannot tell). */
async function drawnFlowEdges(page: Page): Promise<number> {
  return page
    .locator('.react-flow__edge')
    .evaluateAll(
      (edges) => edges.filter((e) => getComputedStyle((e as SVGElement).ownerSVGElement!).display !== 'none').length,
    );
}

async function layerCurves(page: Page): Promise<string[]> {
  return page.locator('.drag-edge-layer path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
}

/** Opens the four-container example and waits until the view has fitted it. */
async function openHelloWorld(page: Page, url: string): Promise<void> {
  await openApp(page, url);
  await loadExample(page, 'Hello world: four containers');
  const log = page.getByTestId('node-container:log');
  await expect(log).toBeVisible();
  // The example is laid out (ELK) and the view fitted to it with a short animation: wait until nothing moves.
  let last = '';
  await expect
    .poll(async () => {
      await page.waitForTimeout(150);
      const now = JSON.stringify(await log.boundingBox());
      const still = now === last;
      last = now;
      return still;
    })
    .toBe(true);
}

test('a drag draws every edge in one layer with the same curves, moves the touched ones, and gives the edges back', async ({
  page,
  app,
}) => {
  await openHelloWorld(page, app.url);
  const before = await flowCurves(page);
  const ids = Object.keys(before);
  expect(ids.length).toBeGreaterThanOrEqual(4);
  expect(await drawnFlowEdges(page)).toBe(ids.length);
  await expect(page.locator('.drag-edge-layer')).toHaveCount(0);

  // Press on the node's header and move a little: the drag has started but nothing has moved yet.
  const node = page.getByTestId('node-container:log');
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 2, box.y + 12);
  await page.mouse.move(box.x + box.width / 2 + 4, box.y + 14);
  await expect(page.locator('.react-flow.drag-edges-on')).toHaveCount(1);
  // React Flow's edge svgs are not drawn; the layer holds one curve per edge.
  expect(await drawnFlowEdges(page)).toBe(0);
  const touching = ids.filter((id) => id.includes('container:log'));
  expect(touching.length).toBeGreaterThan(0);
  const still = ids.filter((id) => !touching.includes(id));
  let curves = await layerCurves(page);
  expect(curves).toHaveLength(ids.length);
  // The edges the drag does not touch are exactly React Flow's curves, so nothing jumps when the drag starts.
  for (const id of still) expect(curves).toContain(before[id]);

  // Moving on: the curves of the dragged node's edges follow it.
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + 60, { steps: 8 });
  curves = await layerCurves(page);
  expect(curves).toHaveLength(ids.length);
  for (const id of touching) expect(curves).not.toContain(before[id]);
  for (const id of still) expect(curves).toContain(before[id]);
  const moved = curves.filter((d) => !Object.values(before).includes(d));

  await page.mouse.up();
  await expect(page.locator('.drag-edge-layer')).toHaveCount(0);
  await expect(page.locator('.react-flow.drag-edges-on')).toHaveCount(0);
  expect(await drawnFlowEdges(page)).toBe(ids.length);
  // React Flow draws the moved edges where the layer last drew them.
  const after = await flowCurves(page);
  for (const id of touching) expect(moved).toContain(after[id]);
  for (const id of still) expect(after[id]).toBe(before[id]);
});

/** A Pod of `count` containers in a row, each mounting one shared volume: wider than the view when zoomed in. */
function widePod(count: number): string {
  const containers = Array.from({ length: count }, (_, i) => ({
    name: `c${i}`,
    image: busybox,
    volumeMounts: [{ name: 'shared', mountPath: `/shared/c${i}` }],
  }));
  return podText('wide', { containers, volumes: [{ name: 'shared', emptyDir: {} }] });
}

type Box = { x: number; y: number; width: number; height: number };
const near = (a: Box, b: Box): boolean =>
  Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.width - b.width) < 1;

test('a drag moves the node, its group, its minimap dot and its mount label with the pointer, hides far nodes until the drop, and is one undo step', async ({
  page,
  app,
}) => {
  // A tall window: the drag below stays clear of the pane's edges, where React Flow would start panning the view.
  await page.setViewportSize({ width: 1440, height: 1300 });
  await openApp(page, app.url);
  await typeYaml(page, widePod(14));
  const node = page.getByTestId('node-container:c6');
  const far = page.locator('.react-flow__node[data-id="container:c13"]');
  const group = page.getByTestId('node-pod');
  const dot = page.locator('.react-flow__minimap-node.minimap-of-container\\:c6');
  const dotAt = () => dot.evaluate((e) => [Number(e.getAttribute('x')), Number(e.getAttribute('y'))]);
  await expect(node).toBeVisible();
  // Zoom in on c6, in the middle of the row (the wheel, as a user does), to about its designed size: the row's ends
  // are then well outside the view.
  for (let i = 0; i < 12; i++) {
    const b = (await node.boundingBox())!;
    if (b.width >= 220) break;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(80);
  }
  const start = (await node.boundingBox())!;
  const groupBefore = (await group.boundingBox())!;
  const label = page.getByTestId('mount-label-mount:container:c6:0');
  await expect(label).toBeVisible();
  const labelBefore = (await label.boundingBox())!;
  const dotBefore = await dotAt();
  expect(await far.evaluate((e) => getComputedStyle(e).visibility)).toBe('visible');

  // Press on c6's header and drag it down, out of the group's bottom edge.
  const grip = { x: start.x + start.width / 2, y: start.y + 10 };
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  // React Flow starts the drag on the first move past its threshold and moves the node by the pointer's moves after it.
  await page.mouse.move(grip.x + 2, grip.y + 2);
  await page.mouse.move(grip.x + 20, grip.y + 130, { steps: 10 });
  await page.mouse.move(grip.x + 40, grip.y + 260, { steps: 10 });
  const during = (await node.boundingBox())!;
  // The node follows the pointer.
  expect(Math.abs(during.x - start.x - 38)).toBeLessThan(1.5);
  expect(Math.abs(during.y - start.y - 258)).toBeLessThan(1.5);
  // The group grows around the node where it is now, and the label of c6's mount moved with its edge.
  const groupDuring = (await group.boundingBox())!;

  expect(groupDuring.y + groupDuring.height).toBeGreaterThan(during.y + during.height);
  expect(groupDuring.height).toBeGreaterThan(groupBefore.height + 50);
  const labelDuring = (await label.boundingBox())!;
  expect(near(labelDuring, labelBefore)).toBe(false);
  // The dragged node holds the pointer (its moves skip hit-testing the canvas); the mouse is pointer 1 in Chromium.
  const holdsPointer = () =>
    page
      .locator('.react-flow__node[data-id="container:c6"]')
      .evaluate((e) => [e, ...e.querySelectorAll('*')].some((x) => x.hasPointerCapture(1)));
  expect(await holdsPointer()).toBe(true);
  // The minimap shows the node where it is being dragged (it follows ten times a second).
  const flowPosition = () =>
    page.locator('.react-flow__node[data-id="container:c6"]').evaluate((e) =>
      (e as HTMLElement).style.transform
        .match(/-?[\d.]+/g)!
        .slice(0, 2)
        .map(Number),
    );
  const placed = await flowPosition();
  expect(placed[1]).toBeGreaterThan(dotBefore[1]! + 100);
  // (The node's transform is written with three decimals, the minimap's attributes in full.)
  const off = async () => Math.max(...(await dotAt()).map((v, i) => Math.abs(v - placed[i]!)));
  await expect.poll(off).toBeLessThan(0.01);
  // A node far outside the view is not drawn during the drag; the dragged one and its neighbour are.
  expect(await far.evaluate((e) => e.classList.contains('drag-culled'))).toBe(true);
  expect(await far.evaluate((e) => getComputedStyle(e).visibility)).toBe('hidden');
  const neighbour = page.locator('.react-flow__node[data-id="container:c7"]');
  expect(await neighbour.evaluate((e) => getComputedStyle(e).visibility)).toBe('visible');

  await page.mouse.up();
  // Dropped: every node drawn again, and nothing jumps: node, group and label stay where the drag showed them.
  await expect(page.locator('.drag-culled')).toHaveCount(0);
  expect(await holdsPointer()).toBe(false);
  expect(await far.evaluate((e) => getComputedStyle(e).visibility)).toBe('visible');
  expect(await node.evaluate((e) => e.closest<HTMLElement>('.react-flow__node')!.style.willChange)).toBe('');
  expect(near((await node.boundingBox())!, during)).toBe(true);
  expect(near((await group.boundingBox())!, groupDuring)).toBe(true);
  expect(near((await label.boundingBox())!, labelDuring)).toBe(true);
  expect(await off()).toBeLessThan(0.01);

  // The drag is one undo step, and redo brings the drop back.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => near((await node.boundingBox())!, start)).toBe(true);
  expect(near((await group.boundingBox())!, groupBefore)).toBe(true);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => near((await node.boundingBox())!, during)).toBe(true);

  // A keyboard move (arrow keys on the focused node) is committed at once, without a drag.
  const before = (await node.boundingBox())!;
  await node.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Math.round((await node.boundingBox())!.x - before.x)).toBeGreaterThan(3);
  await expect(page.locator('.drag-culled')).toHaveCount(0);
});

test('a drag the document changes under (undo, a Pod switch) is dropped: nothing it moved is committed', async ({
  page,
  app,
}) => {
  await openHelloWorld(page, app.url);
  const api = page.getByTestId('node-container:api');
  const log = page.getByTestId('node-container:log');
  const apiStart = (await api.boundingBox())!;
  const logStart = (await log.boundingBox())!;
  const dragBy = async (node: typeof api, dx: number, dy: number, during?: () => Promise<void>) => {
    const b = (await node.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + 10);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2 + 2, b.y + 12);
    await page.mouse.move(b.x + b.width / 2 + dx, b.y + 10 + dy, { steps: 6 });
    await during?.();
    await page.mouse.move(b.x + b.width / 2 + dx + 20, b.y + 10 + dy, { steps: 3 });
    await page.mouse.up();
  };
  // Where a node is drawn, to the pixel (a restored position can land half a pixel off after rounding).
  const at = async (node: typeof api) => {
    const b = (await node.boundingBox())!;
    return [Math.round(b.x), Math.round(b.y)];
  };
  const offBy = async (node: typeof api, place: number[]) =>
    Math.max(...(await at(node)).map((v, i) => Math.abs(v - place[i]!)));
  const apiHome = [apiStart.x, apiStart.y];
  const logHome = [logStart.x, logStart.y];

  // A first drag of api: one undo step.
  await dragBy(api, 0, 80);
  const apiMoved = await at(api);
  expect(apiMoved[1]).toBeGreaterThan(apiStart.y + 40);

  // Undo while log is being dragged: api goes back, and log's drag is dropped (it stays where it was, also after the
  // pointer moves on and lets go), with nothing of the drag left on the canvas.
  await dragBy(log, 0, 80, async () => {
    await page.keyboard.press('Control+z');
    await expect.poll(() => offBy(api, apiHome)).toBeLessThanOrEqual(1);
  });
  await expect(page.locator('.react-flow.drag-edges-on')).toHaveCount(0);
  expect(await offBy(log, logHome)).toBeLessThanOrEqual(1);
  // Redo brings api's drag back, and only that: log's abandoned drag made no undo step.
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => offBy(api, apiMoved)).toBeLessThanOrEqual(1);
  expect(await offBy(log, logHome)).toBeLessThanOrEqual(1);

  // Switching Pods while dragging drops the drag too: neither Pod's node moves.
  await addPodFromMenu(page);
  await expect(page.getByTestId('pod-place')).toHaveText('Pod 2 of 2 · my-pod');
  await page.keyboard.press('[');
  await expect(page.getByTestId('pod-place')).toHaveText(/^Pod 1 of 2/);
  // Where log is in the flow (screen places change with the Pod switch: the view follows the active Pod).
  const flowPlace = (id: string) =>
    page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((e) => (e as HTMLElement).style.transform);
  const logBefore = await flowPlace('container:log');
  await dragBy(log, 40, 60, async () => {
    await page.keyboard.press(']');
    await expect(page.getByTestId('pod-place')).toHaveText('Pod 2 of 2 · my-pod');
  });
  await expect(page.locator('.react-flow.drag-edges-on')).toHaveCount(0);
  expect(await flowPlace('@0/container:log')).toBe(logBefore);
  await page.keyboard.press('[');
  expect(await flowPlace('container:log')).toBe(logBefore);
});
