// A design of 5,000 containers (issue 21, finding 12): it opens without losing the page, only the part in view is drawn,
// and the user can still scroll to another part of it and select a container there.
import { writeProject } from '../shared/design/project';
import { designDocument, openDocument } from '../bench/canvas.bench';
import { expect, openApp, shot, test } from './fixtures';

test('a 5,000-container design opens, scrolls and selects', async ({ page, app }) => {
  test.setTimeout(240_000);
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app.url);
  await openDocument(page, writeProject(designDocument(5000, 100)), 'container:c-0');
  const inspector = page.getByRole('complementary', { name: 'Properties of the selection' });

  // Only the nodes near the view are drawn: the first rows are there, a container forty rows down is not.
  expect(await page.locator('.react-flow__node').count()).toBeLessThan(400);
  await expect(page.getByTestId('node-container:c-41')).toBeVisible();
  const far = page.getByTestId('node-container:c-800');
  await expect(far).toHaveCount(0);

  // Scroll down by dragging the pane (left of the Pod's box, where nothing else is), a third of the pane at a time,
  // until that container sits in the upper part of the pane.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const placed = async (): Promise<boolean> => {
    const box = (await far.isVisible()) ? await far.boundingBox() : null;
    return box !== null && box.y > pane.y && box.y + box.height < pane.y + pane.height * 0.7;
  };
  for (let i = 0; i < 30 && !(await placed()); i++) {
    await page.mouse.move(pane.x + 8, pane.y + pane.height * 0.6);
    await page.mouse.down();
    await page.mouse.move(pane.x + 8, pane.y + pane.height * 0.25, { steps: 4 });
    await page.mouse.up();
  }
  expect(await placed()).toBe(true);
  expect(await page.locator('.react-flow__node').count()).toBeLessThan(400);
  await expect(page.getByTestId('node-container:c-0')).toHaveCount(0);

  // Select it: the inspector shows it, and the page keeps answering.
  await far.click();
  await expect(inspector.getByLabel('Name', { exact: true })).toHaveValue('c-800');
  await expect(far).toHaveClass(/selected/);
  await shot(page, 'big-design-5000.png');
  expect(crashed).toBe(false);
});

test('a 1,000-container manifest without positions is drawn on the grid from its first frame', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app.url);
  // Where each container node is first drawn: placed two frames after the first drawing (as smaller designs are, for
  // ELK), the design was drawn once at the fallback rows (one long row) and then again on the grid.
  await page.evaluate(() => {
    const first: Record<string, string> = {};
    const w = window as unknown as { firstDrawn: Record<string, string>; firstCount: number };
    w.firstDrawn = first;
    const record = (): void => {
      const drawn = document.querySelectorAll<HTMLElement>('.react-flow__node[data-id^="container:"]');
      for (const el of drawn) {
        const id = el.dataset.id!;
        if (!(id in first) && el.style.transform) first[id] = el.style.transform;
      }
      // How many containers the drawing that first shows c-0 has.
      if (w.firstCount === undefined && 'container:c-0' in first) w.firstCount = drawn.length;
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['style'],
    });
  });
  const plain = writeProject(designDocument(1000, 100)).replace(/\n {4}podwright\.dev\/layout: .*\n/, '\n');
  await openDocument(page, plain, 'container:c-0');
  // The grid: twenty containers a row, so c-20 is below c-0 and c-21 below c-1.
  const at = async (id: string) => (await page.getByTestId(`node-container:${id}`).boundingBox())!;
  await expect(page.getByTestId('node-container:c-21')).toBeVisible();
  expect(Math.abs((await at('c-20')).x - (await at('c-0')).x)).toBeLessThan(2);
  expect((await at('c-20')).y).toBeGreaterThan((await at('c-0')).y + 40);
  const drawnNow = await page.evaluate(() => {
    const now: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node[data-id^="container:"]'))
      now[el.dataset.id!] = el.style.transform;
    return now;
  });
  const { firstDrawn, firstCount } = await page.evaluate(() => {
    const w = window as unknown as { firstDrawn: Record<string, string>; firstCount: number };
    return { firstDrawn: w.firstDrawn, firstCount: w.firstCount };
  });
  // First only the containers in view, then (when the page is idle) those around it too, before a pan needs them.
  expect(firstCount).toBeGreaterThan(10);
  await expect
    .poll(() => page.locator('.react-flow__node[data-id^="container:"]').count())
    .toBeGreaterThan(firstCount + 10);
  for (const id of ['container:c-0', 'container:c-1', 'container:c-20', 'container:c-21']) {
    expect(firstDrawn[id], id).toBe(drawnNow[id]);
  }
  // Opening is no step to undo: Undo leaves the design where it opened.
  await page.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await at('c-20')).y).toBeGreaterThan((await at('c-0')).y + 40);
  await shot(page, 'big-design-plain-1000.png');
  // The Logs tab's container chips (one per container) are drawn when the tab is shown, not behind Problems on open.
  await expect(page.locator('[data-testid^="log-chip-c-"]')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Logs' }).click();
  await expect(page.getByTestId('log-chip-c-999')).toBeAttached();
});
