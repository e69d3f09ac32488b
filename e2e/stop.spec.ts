// Journeys for stopping a Pod the way people do, against the real Docker Engine: a process that ignores SIGTERM shows
// the grace period counting down with Stop now; a stopped Pod says Stopped, not Running with red containers; Run on a
// running Pod asks first, and so does Down; Down leaves no raw engine error in the Logs tab; a log filter from one Pod does not hide the
// next Pod's lines.
import type { Page } from '@playwright/test';
import {
  downRunningPod,
  engineJourneys,
  expect,
  loadExample,
  openAs,
  screenSizes,
  shot,
  test,
  typeYaml,
} from './fixtures';
import { podContainers, unique } from './docker';
import { podText, sleeper } from './pods';
import { wordsFor, type Language } from './words';

const engine = engineJourneys('stop journeys', 180_000);

/** Renames the Pod through the inspector, key by key (nothing selected: the inspector edits the Pod). */
async function renamePod(page: Page, language: Language, name: string): Promise<void> {
  const w = wordsFor(language);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const field = page.getByRole('complementary', { name: w('inspector.label') }).getByLabel(w('field.podName'));
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(name);
  engine.created.push(name);
}

async function runAndWait(page: Page): Promise<void> {
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'Running', { timeout: 60_000 });
}

const cases: { language: Language; size: (typeof screenSizes)[number] }[] = [
  { language: 'en', size: screenSizes[0] },
  { language: 'zh-CN', size: screenSizes[1] },
];

for (const { language, size } of cases) {
  test(`a stop counts the grace period down and Stop now ends it; Stopped is said plainly; Run and Down on a running Pod ask (${language})`, async ({
    page,
  }) => {
    const w = wordsFor(language);
    await openAs(page, engine.url, language, size);
    const name = unique('stop-now');
    engine.created.push(name);
    // sleep as PID 1 ignores SIGTERM: only the grace period's SIGKILL would end it.
    await typeYaml(page, podText(name, { containers: [sleeper('app')] }));
    await expect(page.getByTestId('node-container:app')).toBeVisible();
    await runAndWait(page);

    // Run again on the running Pod asks before re-creating it; Cancel leaves it running.
    await page.getByTestId('run-start').click();
    const recreate = page.getByRole('dialog', { name: w('editing.recreate.title') });
    await expect(recreate).toBeVisible();
    await shot(page, `stop/recreate-${language}.png`);
    await recreate.getByRole('button', { name: w('run.confirm.cancel') }).click();
    await expect(recreate).toBeHidden();
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'Running');

    // Down on the running Pod asks too: Cancel comes first, Escape keeps the Pod running.
    await page.getByTestId('run-down').click();
    const down = page.getByRole('dialog', { name: w('editing.downRunning.title') });
    await expect(down).toBeVisible();
    await expect(down.getByRole('button').first()).toHaveText(w('run.confirm.cancel'));
    await expect(down.getByRole('button', { name: w('editing.downRunning.yes') })).toBeFocused();
    await shot(page, `stop/down-asks-${language}.png`);
    await page.keyboard.press('Escape');
    await expect(down).toBeHidden();
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'Running');
    expect(await podContainers(name)).not.toBe('');

    await page.getByTestId('run-stop').click();
    const left = page.getByTestId('run-stop-left');
    await expect(left).toContainText(new RegExp(w('editing.stop.left', { left: '\\d+', grace: 30 })));
    await shot(page, `stop/countdown-${language}.png`);
    const started = Date.now();
    await page.getByTestId('run-stop-now').click();
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'Stopped', { timeout: 15_000 });
    expect(Date.now() - started).toBeLessThan(15_000);
    // Stopped containers are not errors.
    const status = page.getByTestId('node-container:app').getByTestId('run-status');
    await expect(status).toContainText(w('editing.stop.stoppedState_killed', { code: 137 }));
    await expect(status).not.toHaveClass(/run-failed/);
    await expect(page.getByTestId('pod-phase')).toHaveText(w('run.phase.Stopped'));
    await shot(page, `stop/stopped-${language}.png`);

    // A stopped Pod goes without asking.
    await page.getByTestId('run-down').click();
    await expect(down).toHaveCount(0);
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design', { timeout: 30_000 });
    await page.getByRole('tab', { name: w('logs.tab') }).click();
    await expect(page.locator('.log-panel')).not.toContainText('HTTP code');
    expect(await podContainers(name)).toBe('');
  });
}

test('a log filter chosen on one Pod does not hide the next Pod’s lines; the examples stop at once', async ({
  page,
}) => {
  await openAs(page, engine.url, 'en', screenSizes[0]);
  await loadExample(page, 'Log-shipper sidecar sharing a log volume');
  await renamePod(page, 'en', unique('first'));
  await runAndWait(page);
  await page.getByRole('tab', { name: 'Logs' }).click();
  // Clicking a node filters the log to that container.
  await page.getByTestId('node-container:app').click();
  await expect(page.getByTestId('log-chip-app')).toHaveAttribute('aria-pressed', 'true');
  // The terminal follows the container picked: a shell open in app moves to log-shipper without Reconnect.
  await page.getByRole('tab', { name: 'Terminal' }).click();
  // Before any pick here, the picker offers the container selected on the canvas.
  await expect(page.getByTestId('terminal-container')).toHaveValue('app');
  await page.getByTestId('node-container:log-shipper').click();
  await expect(page.getByTestId('terminal-container')).toHaveValue('log-shipper');
  await page.getByTestId('terminal-container').selectOption('app');
  await page.getByTestId('terminal-start').click();
  await expect(page.getByTestId('terminal-status')).toContainText('sh in app');
  await page.getByTestId('terminal-container').selectOption('log-shipper');
  await expect(page.getByTestId('terminal-status')).toContainText('sh in log-shipper');
  await page.getByTestId('terminal-screen').click();
  // PID 1 of the container the shell is in: the log shipper's tail, not the app's loop.
  await page.keyboard.type("tr '\\0' ' ' < /proc/1/cmdline; echo\n");
  await expect(page.getByTestId('terminal-screen').locator('.xterm-rows')).toContainText('tail -F');

  // The example's processes handle SIGTERM: Down takes a moment, not the 30 s grace period. Down on the running Pod
  // asks; Enter confirms.
  await page.getByTestId('run-down').click();
  await expect(page.getByTestId('run-down-yes')).toBeFocused();
  const down = Date.now();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design', { timeout: 30_000 });
  expect(Date.now() - down).toBeLessThan(12_000);

  await loadExample(page, 'Hello world: four containers');
  await renamePod(page, 'en', unique('next'));
  await runAndWait(page);
  await page.getByRole('tab', { name: 'Logs' }).click();
  await expect(page.getByTestId('log-line').filter({ hasText: 'hello world' }).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId('log-chip-all')).toHaveAttribute('aria-pressed', 'true');
  await downRunningPod(page);
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design', { timeout: 30_000 });
});
