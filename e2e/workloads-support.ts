// What the workload journeys do the way a user does: a command typed into the palette a key at a time, a field's text
// replaced by typing, an example opened and left to settle.
import type { Locator, Page } from '@playwright/test';
import { expect, openApp } from './fixtures';

/** Runs a command from the palette, typing its name a key at a time (any UI language). */
export async function command(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.locator('[aria-controls="command-list"]').pressSequentially(label);
  await page.getByRole('option', { name: label, exact: true }).click();
}

/** Selects all of a field's text and types `text` over it, key by key. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

/** Waits until `node` stops moving (an example's layout, then an animated fit). */
export async function settled(page: Page, node: Locator): Promise<void> {
  await expect(node).toBeVisible();
  let last = '';
  await expect
    .poll(async () => {
      await page.waitForTimeout(150);
      const now = JSON.stringify(await node.boundingBox());
      const still = now === last;
      last = now;
      return still;
    })
    .toBe(true);
}

/** Opens the app on the example titled `title` and waits for its node `node` to settle. */
export async function openExample(page: Page, url: string, title: string, node: string): Promise<void> {
  await openApp(page, url);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Examples' })
    .locator('.example strong')
    .getByText(title, { exact: true })
    .click();
  await settled(page, page.getByTestId(node));
}

/** Drags with the real mouse from `from` to `to` in small steps, as a hand does. */
export async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 15, a.y + a.height / 2 + 5, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 25 });
  await page.mouse.up();
}

/**
 * Adds a Service from the palette (its button, by its English name) and connects its new-port handle, with the mouse,
 * to port `port` of container `container`; waits until the Service shows the port.
 */
export async function addConnectedService(page: Page, container: string, port = 0): Promise<Locator> {
  await page.getByRole('button', { name: 'Add Service' }).click();
  // React Flow's own fit control, the same in every language.
  await page.locator('.react-flow__controls-fitview').click();
  const service = page.getByTestId('node-service:my-service');
  await settled(page, service);
  await drag(
    page,
    service.locator('.react-flow__handle[data-handleid="new"]'),
    page.getByTestId(`node-container:${container}`).locator(`.react-flow__handle[data-handleid="port-${port}"]`),
  );
  await expect(service.getByTestId('service-port')).toHaveCount(1);
  return service;
}
