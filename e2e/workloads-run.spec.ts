// Journey: Run on Docker of a Pod wrapped in a Deployment of three replicas runs the Pod once and says so, against the
// real Docker Engine through the browser host (skips without Docker; under CI a missing engine fails).
import { expect, engineJourneys, test } from './fixtures';
import { command, openExample, typeInto } from './workloads-support';
import { podContainers, unique } from './docker';

const engine = engineJourneys('workload run journeys', 120_000);

test('Run of a Deployment of 3 replicas runs one copy of the Pod, and the notice says so', async ({ page }) => {
  const name = unique('wl-replicas');
  engine.created.push(name);
  await openExample(page, engine.url, 'Log-shipper sidecar sharing a log volume', 'node-container:app');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ok');
  const group = page.getByTestId('node-pod');
  await group.locator('.pod-title').click();
  await typeInto(
    page,
    page.getByRole('complementary', { name: 'Properties of the selection' }).getByLabel('Pod name'),
    name,
  );
  await command(page, 'Wrap in a Deployment');
  await typeInto(page, group.getByTestId('replicas-on-group'), '3');

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
