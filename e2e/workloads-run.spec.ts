// Journey: Run on Docker of a Pod wrapped in a Deployment of three replicas runs the Pod once and says so, against the
// real Docker Engine through the browser host (skips without Docker; under CI a missing engine fails).
import { expect, engineJourneys, openWithEngine, test } from './fixtures';
import { podContainers, unique } from './docker';

const engine = engineJourneys('workload run journeys', 120_000);

test('Run of a Deployment of 3 replicas runs one copy of the Pod, and the notice says so', async ({ page }) => {
  const name = unique('wl-replicas');
  engine.created.push(name);
  await openWithEngine(page, engine.url);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Examples' })
    .locator('.example strong')
    .getByText('Log-shipper sidecar sharing a log volume', { exact: true })
    .click();
  const group = page.getByTestId('node-pod');
  await group.locator('.pod-title').click();
  const podName = page.getByRole('complementary', { name: 'Properties of the selection' }).getByLabel('Pod name');
  await podName.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(name);
  await page.keyboard.press('Control+k');
  await page.locator('[aria-controls="command-list"]').pressSequentially('Wrap in a Deployment');
  await page.getByRole('option', { name: 'Wrap in a Deployment', exact: true }).click();
  const replicas = group.getByTestId('replicas-on-group');
  await replicas.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('3');

  await page.getByTestId('run-start').click();
  // The example's advice-level notes may ask first; the run (and the notice) starts once answered.
  const confirm = page.getByTestId('run-confirm');
  const notice = page.locator('.notice');
  await expect(notice.or(confirm)).toBeVisible({ timeout: 30_000 });
  if (await confirm.isVisible()) await page.getByTestId('run-anyway').click();
  await expect(notice).toHaveText(/Docker runs one copy of the Pod; the Deployment's 3 replicas run on a cluster/);
  const app = page.getByTestId('node-container:app').getByTestId('run-status');
  await expect(app).toHaveAttribute('data-run-state', 'running', { timeout: 60_000 });
  // One Pod on the engine: one infra container and one of each container of the template, not three of each.
  const ids = (await podContainers(name)).split('\n').filter(Boolean);
  expect(ids).toHaveLength(3);
});
