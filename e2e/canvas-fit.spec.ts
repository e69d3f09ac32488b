// Journeys: the canvas keeps its nodes clear of each other as they are drawn, designed and running, in both languages.
import type { Locator, Page } from '@playwright/test';
import { addPodFromMenu, engineJourneys, expect, openAs, shot, test } from './fixtures';
import { unique } from './docker';
import { expectClear } from './overlap';
import { bothLanguages, word, type Language } from './words';

const engine = engineJourneys('canvas fit journeys', 150_000);

/** Presses Run and waits until the Pod runs (a warning question, if the design raises one, is answered). */
async function runUntilRunning(page: Page): Promise<void> {
  await page.getByTestId('run-start').click();
  const confirm = page.getByTestId('run-confirm');
  const phase = page.locator('[data-testid="run-phase"][data-phase="Running"]');
  await expect(phase.or(confirm)).toBeVisible({ timeout: 60_000 });
  if (await confirm.isVisible()) await page.getByTestId('run-anyway').click();
  await expect(phase).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('run-error')).toHaveCount(0);
}

/** Opens an example from the gallery by its title in `language`. */
async function chooseExample(page: Page, language: Language, example: string): Promise<void> {
  await page.getByRole('button', { name: word(language, 'action.examples'), exact: true }).click();
  const gallery = page.getByRole('dialog', { name: word(language, 'examples.title') });
  await gallery
    .locator('.example strong')
    .getByText(word(language, `examples.names.${example}`), { exact: true })
    .click();
  await expect(gallery).toBeHidden();
}

/** Types a new name for the Pod in the inspector, letter by letter. */
async function renamePod(page: Page, language: Language, name: string): Promise<void> {
  await page.getByTestId('node-pod').locator('.pod-title').click();
  const field = page
    .getByRole('complementary', { name: word(language, 'inspector.label') })
    .getByLabel(word(language, 'field.podName'));
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(name);
  await expect(page.getByTestId('node-pod')).toContainText(name);
}

/** Opens an example on the engine's host and renames its Pod at once, as a quick user does (while it is laid out). */
async function openExample(page: Page, language: Language, example: string, name: string): Promise<void> {
  await openAs(page, engine.url, language, { width: 1280, height: 720 });
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ok');
  await chooseExample(page, language, example);
  await renamePod(page, language, name);
}

for (const language of bothLanguages)
  for (const example of ['helloworld', 'sidecar-logs'])
    test(`${example} in ${language}: no node covers another, designed and running`, async ({ page }) => {
      const name = unique(`fit-${example}`);
      engine.created.push(name);
      await openExample(page, language, example, name);
      await page.keyboard.press('Escape');
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Shift+F');
      await page.waitForTimeout(400);
      await shot(page, `fit-${example}-${language}-designed.png`);
      await expectClear(page);
      await runUntilRunning(page);
      await page.waitForTimeout(600);
      await shot(page, `fit-${example}-${language}-running.png`);
      await expectClear(page);
    });

/** Adds a palette item by clicking it, as a user does (it lands in view, clear of the others). */
async function addFromPalette(page: Page, language: Language, key: string): Promise<void> {
  await page.getByRole('button', { name: word(language, 'palette.add', { what: word(language, key) }) }).click();
}

for (const language of bothLanguages)
  test(`a Pod built by clicks in ${language}: no node covers another, designed and running`, async ({ page }) => {
    const name = unique('fit-clicks');
    engine.created.push(name);
    await openAs(page, engine.url, language, { width: 1280, height: 720 });
    await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ok');
    // Four shells and two volumes (helloworld's shape), each added by a click on the palette.
    for (let i = 0; i < 4; i++) await addFromPalette(page, language, 'preset.busyboxShell');
    for (const key of ['volumeKind.emptyDir', 'volumeKind.emptyDir']) await addFromPalette(page, language, key);
    // Fit view by its shortcut, from the canvas, as a user who lost sight of a node does.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+F');
    await page.waitForTimeout(400);
    // Each shell mounts a volume: a drag from its bottom handle to the volume's top handle.
    const volumes = ['volume:data', 'volume:data-2'];
    for (const [i, shell] of [
      'container:shell',
      'container:shell-2',
      'container:shell-3',
      'container:shell-4',
    ].entries()) {
      const from = page.getByTestId(`node-${shell}`).locator('.react-flow__handle-bottom');
      const to = page.getByTestId(`node-${volumes[i % 2]}`).locator('.react-flow__handle-top');
      await from.dragTo(to);
    }
    await expect(page.locator('.react-flow__edge.edge-mount')).toHaveCount(4);
    await renamePod(page, language, name);
    await shot(page, `fit-clicks-${language}-designed.png`);
    await expectClear(page);
    await runUntilRunning(page);
    await page.waitForTimeout(600);
    await shot(page, `fit-clicks-${language}-running.png`);
    await expectClear(page);
  });

/** Opens an example from the gallery in `language`, at 1280×720, and waits for its layout to settle. */
async function openExampleAs(page: Page, url: string, language: Language, example: string): Promise<void> {
  await openAs(page, url, language, { width: 1280, height: 720 });
  await chooseExample(page, language, example);
  await page.waitForTimeout(600);
}

for (const language of bothLanguages)
  test(`clicking the canvas never adds a Pod; Add Pod from the menu says so, in ${language}`, async ({ page, app }) => {
    await openExampleAs(page, app.url, language, 'helloworld');
    // A user clicks along the bottom of the canvas to focus it (where a "+ Pod" button used to float).
    const canvas = page.getByRole('region', { name: word(language, 'canvas.label') });
    const area = (await canvas.boundingBox())!;
    for (const dy of [20, 30, 40]) await page.mouse.click(area.x + area.width / 2, area.y + area.height - dy);
    await expect(page.locator('.react-flow__node-pod')).toHaveCount(1);
    await expect(page.getByRole('toolbar', { name: word(language, 'pods.bar') })).toHaveCount(0);
    // The zoom controls speak the user's language, to sight (their tooltips) and to a screen reader.
    for (const key of ['canvas.a11y.zoomIn', 'canvas.a11y.zoomOut', 'canvas.a11y.interactive'])
      await expect(page.getByRole('button', { name: word(language, key), exact: true })).toHaveAttribute(
        'title',
        word(language, key),
      );
    // The api's port badge says its name with its number, and the wider badge covers nothing.
    await expect(page.getByTestId('node-container:api').getByTestId('port-badge')).toHaveText('http 80');
    await expectClear(page);
    await shot(page, `fit-one-pod-${language}.png`);

    // From the Pod menu: the new Pod is announced, the bar appears, and one undo takes it away.
    await addPodFromMenu(page, language);
    await expect(page.locator('.notice')).toContainText(word(language, 'pods.added', { name: 'my-pod' }));
    await expect(page.getByTestId('pod-place')).toHaveText(
      word(language, 'pods.place', { index: 2, count: 2, name: 'my-pod' }),
    );
    await expect(page.locator('.react-flow__node-pod')).toHaveCount(2);
    await page.waitForTimeout(400);
    await shot(page, `fit-pod-added-${language}.png`);
    await page.keyboard.press('Control+z');
    await expect(page.locator('.react-flow__node-pod')).toHaveCount(1);
    await expect(page.getByRole('toolbar', { name: word(language, 'pods.bar') })).toHaveCount(0);
  });

/** Drags with the mouse from the centre of `from` to the centre of `to`, in steps, as a hand does. */
async function dragMouse(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

for (const language of bothLanguages)
  test(`a connection dropped on a volume's body mounts it, at the path a user expects, in ${language}`, async ({
    page,
    app,
  }) => {
    await openExampleAs(page, app.url, language, 'sidecar-logs');
    await addFromPalette(page, language, 'preset.busyboxShell');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+F');
    await page.waitForTimeout(400);
    const mounts = page.locator('.react-flow__edge.edge-mount');
    await expect(mounts).toHaveCount(2);
    const shell = page.getByTestId('node-container:shell');
    const logs = page.getByTestId('node-volume:logs');
    const inspector = page.getByRole('complementary', { name: word(language, 'inspector.label') });
    const mountPath = inspector.getByLabel(word(language, 'field.mountPath'));

    // Dropped in the middle of the volume, not on its handle: the mount is made, at the path the app and its log
    // shipper share, and the cursor is in that path.
    await dragMouse(page, shell.locator('.react-flow__handle-bottom'), logs.locator('.node-name'));
    await expect(mounts).toHaveCount(3);
    await expect(mountPath).toBeFocused();
    await expect(mountPath).toHaveValue('/var/log/app');
    await shot(page, `fit-connect-body-${language}.png`);
    // One undo step: undo takes the mount away, redo brings it back.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect(mounts).toHaveCount(2);
    await page.keyboard.press('Control+Shift+z');
    await expect(mounts).toHaveCount(3);

    // A new emptyDir proposes a folder of its own name; typing at once replaces the proposal.
    await addFromPalette(page, language, 'volumeKind.emptyDir');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+F');
    await page.waitForTimeout(400);
    await dragMouse(page, shell.locator('.react-flow__handle-bottom'), page.getByTestId('node-volume:data'));
    await expect(mounts).toHaveCount(4);
    await expect(mountPath).toBeFocused();
    await expect(mountPath).toHaveValue('/data');
    await page.keyboard.type('/scratch');
    await expect(mountPath).toHaveValue('/scratch');
    await expect(page.getByTestId('mount-label-mount:container:shell:1')).toContainText('/scratch');
  });

/** Drops the palette item `key` with its node's top-left corner where `target`'s centre is, as a hand drags it there. */
async function dropOn(page: Page, language: Language, key: string, target: Locator): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const b = (await target.boundingBox())!;
  await page
    .getByRole('button', { name: word(language, 'palette.add', { what: word(language, key) }) })
    .dragTo(page.locator('.react-flow__pane'), {
      targetPosition: { x: b.x + b.width / 2 - pane.x, y: b.y + b.height / 2 - pane.y },
    });
}

for (const language of bothLanguages)
  test(`items dropped on top of other nodes land beside them, in ${language}`, async ({ page, app }) => {
    await openAs(page, app.url, language, { width: 1280, height: 720 });
    // A drop on a free place near the canvas's bottom edge stays where it was let go, and the view stays still.
    const pane = page.locator('.react-flow__pane');
    const area = (await pane.boundingBox())!;
    const viewport = page.locator('.react-flow__viewport');
    const before = await viewport.getAttribute('style');
    await page
      .getByRole('button', { name: word(language, 'palette.add', { what: word(language, 'volumeKind.configMap') }) })
      .dragTo(pane, { targetPosition: { x: 160, y: area.height - 70 } });
    await expect(page.locator('.volume-node')).toHaveCount(1);
    await page.waitForTimeout(300);
    expect(await viewport.getAttribute('style')).toBe(before);
    // A newcomer drops the first container on the empty Pod's middle, where its shared-namespace node is, and the
    // next ones on what is already there.
    await dropOn(page, language, 'preset.webServer', page.locator('.namespace-node'));
    await expect(page.getByTestId('node-container:web')).toBeVisible();
    await dropOn(page, language, 'preset.logShipper', page.getByTestId('node-container:web'));
    await dropOn(page, language, 'volumeKind.emptyDir', page.getByTestId('node-container:web'));
    await expect(page.locator('.container-node, .volume-node')).toHaveCount(4);
    await page.waitForTimeout(400);
    await shot(page, `fit-dropped-${language}.png`);
    await expectClear(page);
    // One drop is one step: undo takes the volume away and leaves the rest where it was.
    await page.keyboard.press('Control+z');
    await expect(page.locator('.volume-node')).toHaveCount(1);
    await expect(page.locator('.container-node')).toHaveCount(2);
  });
