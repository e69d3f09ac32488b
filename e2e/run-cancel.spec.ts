// Journeys for cancelling a run, in Chromium through the browser host against the real Docker Engine: a Pod whose init
// container sleeps is cancelled with the Cancel button (and once with Escape); the bar says "cancelling…", the canvas
// returns to design state, and the engine holds nothing of the Pod.
import type { Page } from '@playwright/test';
import { test, expect, shot, typeYaml, engineJourneys, openWithEngine } from './fixtures';
import { podContainers, unique } from './docker';
import { podText, sleeper } from './pods';

const engine = engineJourneys('run-cancel journeys', 90_000);
const created = engine.created;

/** Opens the app with a Pod whose init container sleeps for 30 s (its app never starts unless it finishes). */
async function openSlowPod(page: Page, name: string): Promise<void> {
  await openWithEngine(page, engine.url);
  await typeYaml(
    page,
    podText(name, {
      terminationGracePeriodSeconds: 0,
      initContainers: [sleeper('wait-db', { command: ['sleep', '30'] })],
      containers: [sleeper('app')],
    }),
  );
  await expect(page.getByTestId('node-container:wait-db')).toBeVisible();
}

/** Records every text the stage line shows from now on: "cancelling…" may last only as long as the rollback. */
async function recordStages(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { stagesSeen: string[] }).stagesSeen = seen;
    const note = (): void => {
      const text = document.querySelector('[data-testid="run-stage"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { stagesSeen: string[] }).stagesSeen);
}

/** Runs the Pod and waits until the run is waiting on its init container, with Cancel in Run's place. */
async function runUntilInit(page: Page, name: string): Promise<void> {
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-stage')).toHaveText('init 1/1: wait-db', { timeout: 30_000 });
  await expect(page.getByTestId('run-start')).toHaveCount(0);
  await expect(page.getByTestId('run-cancel')).toBeEnabled();
  await expect(page.getByTestId('run-cancel')).toHaveAttribute('aria-keyshortcuts', 'Escape');
  // The init container really runs on the engine: infra, init and the created app.
  await expect.poll(async () => (await podContainers(name)).split('\n').filter(Boolean).length).toBe(3);
}

/** A slow Pod of a unique name, opened and run until the run waits on its init container; answers its name. */
async function slowPodUntilInit(page: Page, base: string): Promise<string> {
  const name = unique(base);
  created.push(name);
  await openSlowPod(page, name);
  await runUntilInit(page, name);
  return name;
}

/** The run is gone: design state on the canvas and the bar, no error, nothing on the engine. */
async function expectDesignState(page: Page, name: string, stages: () => Promise<string[]>): Promise<void> {
  await expect(page.getByTestId('run-start')).toBeEnabled({ timeout: 10_000 });
  await expect(page.getByTestId('run-cancel')).toHaveCount(0);
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design');
  await expect(page.getByTestId('run-status')).toHaveCount(0);
  await expect(page.getByTestId('run-stage')).toHaveCount(0);
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  expect(await stages()).toContain('cancelling…');
  expect(await podContainers(name)).toBe('');
}

test('Cancel during a slow init container: "cancelling…", then the design again and nothing on the engine', async ({
  page,
}) => {
  const name = await slowPodUntilInit(page, 'cancel-init');
  for (const theme of ['dark', 'light'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    await shot(page.getByTestId('run-bar'), `run-cancel-bar-${theme}-en.png`);
  }
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByTestId('run-cancel')).toContainText('取消');
  await shot(page.getByTestId('run-bar'), 'run-cancel-bar-light-zh-CN.png');
  await page.getByLabel('语言').selectOption('en');

  const stages = await recordStages(page);
  const asked = Date.now();
  await page.getByTestId('run-cancel').click();
  await expectDesignState(page, name, stages);
  // Well before the init container's 30 s.
  expect(Date.now() - asked).toBeLessThan(10_000);
});

test('Escape cancels the run in progress', async ({ page }) => {
  const name = await slowPodUntilInit(page, 'cancel-esc');
  const stages = await recordStages(page);
  // Focus is on the bar's button (Run became Cancel in place), not in a text field.
  await page.keyboard.press('Escape');
  await expectDesignState(page, name, stages);
  // The design can run again right away.
  await expect(page.getByTestId('run-start')).toBeFocused();
});

test('Escape that closes a menu or a dialog, or stays in the YAML editor, leaves the run alone; on the bar it cancels', async ({
  page,
}) => {
  const name = await slowPodUntilInit(page, 'cancel-keep');
  const stages = await recordStages(page);
  // The Recent files menu, open (no recent files: the focus stays on its button): Escape closes it.
  const recent = page.getByRole('button', { name: 'Recent', exact: true });
  await recent.click();
  await expect(recent).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(recent).toHaveAttribute('aria-expanded', 'false');
  // A modal dialog (Examples) closes on Escape; by the time the shortcut sees the key, the dialog is gone already.
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const examples = page.getByRole('dialog');
  await expect(examples).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(examples).toHaveCount(0);
  // In the YAML editor Escape is the editor's.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
  await expect(page.getByTestId('run-stage')).toHaveText('init 1/1: wait-db');
  expect(await stages()).not.toContain('cancelling…');
  await page.getByTestId('run-cancel').focus();
  await page.keyboard.press('Escape');
  await expectDesignState(page, name, stages);
});
