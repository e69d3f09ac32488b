// Journey: dragging a node draws the edges as one layer (renderer/src/canvas/drag-edges.tsx) with the same curves
// React Flow draws, moves the curves that touch the node, and gives React Flow's edges back on release.
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';

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

test('a drag draws every edge in one layer with the same curves, moves the touched ones, and gives the edges back', async ({
  page,
  app,
}) => {
  await openApp(page, app.url);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Examples' })
    .locator('.example strong')
    .getByText('Hello world: four containers', { exact: true })
    .click();
  await expect(page.getByTestId('node-container:log')).toBeVisible();
  await page.waitForTimeout(300); // the view fits the new design
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
