// Journeys for a Pod that fails under its containers (issue 21, finding 11), against the real Docker Engine: the
// example runs, then its infra container is killed (the network goes) or its app container removed behind the app's
// back, the way an unlucky user or another tool would; the app says so in words on the Pod and on the containers, and
// offers the recovery there is (Recreate the Pod, or Remove it), in English and in Chinese.
import type { Page } from '@playwright/test';
import { downRunningPod, engineJourneys, expect, openAs, shot, test } from './fixtures';
import { docker, podContainers, unique } from './docker';
import { wordsFor, type Language } from './words';

const engine = engineJourneys('pod fault journeys', 180_000);

/** Opens the sidecar example from the Examples gallery, by the words of `language`. */
async function openSidecarExample(page: Page, language: Language): Promise<void> {
  const w = wordsFor(language);
  await page.getByRole('button', { name: w('action.examples'), exact: true }).click();
  const gallery = page.getByRole('dialog', { name: w('examples.title') });
  await gallery.locator('.example strong').getByText(w('examples.names.sidecar-logs'), { exact: true }).click();
  await expect(gallery).toBeHidden();
}

/** Renames the Pod through the inspector, key by key (nothing selected: the inspector edits the Pod). */
async function renamePod(page: Page, language: Language, name: string): Promise<void> {
  const w = wordsFor(language);
  engine.created.push(name);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const field = page.getByRole('complementary', { name: w('inspector.label') }).getByLabel(w('field.podName'));
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(name);
  await expect(page.getByTestId('node-pod')).toContainText(name);
}

async function runAndWait(page: Page): Promise<void> {
  await page.getByTestId('run-start').click();
  const confirm = page.getByTestId('run-confirm');
  await expect(page.getByTestId('run-phase').and(page.locator('[data-phase="Running"]')).or(confirm)).toBeVisible({
    timeout: 60_000,
  });
  if (await confirm.isVisible()) await page.getByTestId('run-anyway').click();
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'Running', { timeout: 60_000 });
}

/** The id of the Pod's container in `role` (and named `container`), as `docker ps` lists it. */
async function containerId(name: string, role: string, container?: string): Promise<string> {
  const filters = ['--filter', `label=dev.podwright.pod=${name}`, '--filter', `label=dev.podwright.role=${role}`];
  if (container) filters.push('--filter', `label=dev.podwright.container=${container}`);
  const id = await docker('ps', '-a', '-q', ...filters);
  expect(id.split('\n').filter(Boolean)).toHaveLength(1);
  return id;
}

const node = (page: Page, container: string) => page.getByTestId(`node-container:${container}`);

test('the infra container killed: the Pod says it lost its network, and Recreate the Pod brings it back (en)', async ({
  page,
}) => {
  const w = wordsFor('en');
  await openAs(page, engine.url, 'en');
  await openSidecarExample(page, 'en');
  const name = unique('fault-infra');
  await renamePod(page, 'en', name);
  await runAndWait(page);
  await expect(page.getByTestId('pod-fault')).toHaveCount(0);

  const infra = await containerId(name, 'infra');
  await docker('kill', infra);

  const fault = page.getByTestId('pod-fault');
  await expect(fault).toHaveAttribute('data-reason', 'InfraStopped', { timeout: 30_000 });
  await expect(fault).toContainText(w('run.fault.title.InfraStopped'));
  await expect(page.getByTestId('pod-fault-message')).toHaveText(w('runerrors.pod.INFRA_STOPPED_app'));
  // In the run bar and on the Pod's group: Failed, and why in a word.
  const badge = w('run.fault.badge', { phase: w('run.phase.Failed'), why: w('run.fault.short.InfraStopped') });
  await expect(page.getByTestId('run-phase')).toHaveText(badge);
  await expect(page.getByTestId('pod-phase')).toHaveText(badge);
  // The app containers still run, without the network their infra owned: each node says so.
  for (const container of ['app', 'log-shipper']) {
    const said = node(page, container).getByTestId('run-fault');
    await expect(said).toHaveAttribute('data-fault', 'networkGone');
    await expect(said).toHaveText(w('run.fault.node.networkGone'));
  }
  await page
    .getByRole('toolbar', { name: w('toolbar.label') })
    .getByRole('button', { name: w('action.fitView'), exact: true })
    .click();
  await page.waitForTimeout(400);
  await shot(page, 'faults/infra-killed-en.png');

  // Recreate: what is left goes, the design runs again with a new infra.
  await page.getByTestId('pod-fault-recreate').click();
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'Running', { timeout: 90_000 });
  await expect(page.getByTestId('pod-fault')).toHaveCount(0);
  await expect(page.getByTestId('run-phase')).toHaveText(w('run.phase.Running'));
  await expect(page.getByTestId('run-fault')).toHaveCount(0);
  expect(await containerId(name, 'infra')).not.toBe(infra);
  expect(await docker('inspect', '-f', '{{.State.Running}}', await containerId(name, 'infra'))).toBe('true');

  await downRunningPod(page);
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design', { timeout: 60_000 });
  expect(await podContainers(name)).toBe('');
});

test('an app container removed behind the app: its node says so and Remove the Pod clears what is left (zh-CN)', async ({
  page,
}) => {
  const w = wordsFor('zh-CN');
  await openAs(page, engine.url, 'zh-CN');
  await openSidecarExample(page, 'zh-CN');
  const name = unique('fault-app');
  await renamePod(page, 'zh-CN', name);
  await runAndWait(page);

  await docker('rm', '-f', await containerId(name, 'app', 'app'));

  const fault = page.getByTestId('pod-fault');
  await expect(fault).toHaveAttribute('data-reason', 'ContainerMissing', { timeout: 30_000 });
  await expect(fault).toContainText(w('run.fault.title.ContainerMissing'));
  await expect(page.getByTestId('pod-fault-message')).toHaveText(
    w('runerrors.pod.CONTAINER_MISSING_app', { containers: 'app' }),
  );
  await expect(page.getByTestId('pod-fault-recreate')).toHaveText(w('run.fault.recreate'));
  const badge = w('run.fault.badge', { phase: w('run.phase.Failed'), why: w('run.fault.short.ContainerMissing') });
  await expect(page.getByTestId('pod-phase')).toHaveText(badge);
  // The removed container stays on the canvas, said in words instead of "exited 137: ContainerStatusUnknown"; the
  // sidecar that is still there keeps its own state.
  const removed = node(page, 'app').getByTestId('run-fault');
  await expect(removed).toHaveAttribute('data-fault', 'removed');
  await expect(removed).toHaveText(w('run.fault.node.removed'));
  await expect(node(page, 'app').getByTestId('run-status')).not.toContainText('ContainerStatusUnknown');
  await expect(node(page, 'log-shipper').getByTestId('run-fault')).toHaveCount(0);
  await page
    .getByRole('toolbar', { name: w('toolbar.label') })
    .getByRole('button', { name: w('action.fitView'), exact: true })
    .click();
  await page.waitForTimeout(400);
  await shot(page, 'faults/app-removed-zh-CN.png');

  await page.getByTestId('pod-fault-remove').click();
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design', { timeout: 60_000 });
  await expect(page.getByTestId('pod-fault')).toHaveCount(0);
  expect(await podContainers(name)).toBe('');
});
