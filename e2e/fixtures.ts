// Playwright fixtures: a real `podwright serve` process per test file, a check that Chromium exists, page helpers.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { chromiumPath } from '../playwright.config';
import { clearDrafts, servedAt, serveApp, stopApp, type ServedApp } from './serve';
import { dockerMissing, sweep } from './docker';
import { word, type Language } from './words';

export { serveApp, stopApp, type ServedApp } from './serve';

/** Starts a journey without unsaved work offered back: drafts an earlier journey on the same app left are removed. */
export function withoutDrafts(url: string): void {
  const app = servedAt(url);
  if (app) clearDrafts(app);
}

/**
 * Whether a draft of unsaved work the app at `app` keeps on disk holds `text`: the back end has written it, so a kill
 * from then on (no unload, no flush) must not lose it.
 */
export function draftHolds(app: ServedApp, text: string): boolean {
  const folder = join(app.configDir, 'drafts');
  if (!existsSync(folder)) return false;
  return readdirSync(folder).some(
    (name) => name.endsWith('.json') && readFileSync(join(folder, name), 'utf8').includes(text),
  );
}

export const test = base.extend<object, { app: ServedApp }>({
  app: [
    // Playwright reads the fixture's dependencies from this destructuring, so an empty one is required.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (!existsSync(chromiumPath)) {
        // Under CI this is a failure, never a skip: journeys must run there.
        throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium (or set CHROMIUM_PATH).`);
      }
      const app = await serveApp();
      await use(app);
      await stopApp(app);
    },
    { scope: 'worker' },
  ],
});

export { expect };

/**
 * Saves a screenshot for people to look at. `name` is a path under docs/ (e.g. `run-light-en.png`): with
 * PODWRIGHT_DOCS_SHOTS=1 it replaces the picture in docs/ (run that way to refresh the README's screenshots), otherwise
 * it goes to test-results/shots/, so an ordinary test run never changes tracked files.
 */
export async function shot(
  target: Page | Locator,
  name: string,
  options: { clip?: { x: number; y: number; width: number; height: number } } = {},
): Promise<string> {
  const path = process.env.PODWRIGHT_DOCS_SHOTS === '1' ? join('docs', name) : join('test-results', 'shots', name);
  mkdirSync(dirname(path), { recursive: true });
  await target.screenshot({ path, ...options });
  return path;
}

/**
 * Makes a journey strict about its page: the unsaved-changes guard and confirms are accepted (so journeys can move on),
 * and an exception in the page fails the journey even when the screen happens to look right.
 */
export function watchPage(page: Page): void {
  page.on('dialog', (d) => void d.accept());
  page.on('pageerror', (err) => {
    throw err;
  });
}

/** Opens the app at `url` without a recovered autosave, and waits for the canvas. */
export async function openApp(page: Page, url: string): Promise<void> {
  watchPage(page);
  withoutDrafts(url);
  await page.goto(url);
  await expect(page.getByRole('region', { name: 'Pod canvas' })).toBeVisible();
}

/** The window sizes journeys check a layout at: a 720p laptop or projector, and a common desktop. */
export const screenSizes = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

/**
 * Opens the app as a user who chose `language` earlier (the choice is kept in the browser), at `size`, with no
 * recovered work; waits for the canvas by its name in that language.
 */
export async function openAs(
  page: Page,
  url: string,
  language: Language,
  size: { width: number; height: number } = screenSizes[1],
): Promise<void> {
  watchPage(page);
  withoutDrafts(url);
  await page.setViewportSize(size);
  await page.addInitScript((lang) => {
    // Only before the first load of this page: a reload keeps what the user chose since.
    if (!sessionStorage.getItem('podwright.journey')) {
      sessionStorage.setItem('podwright.journey', '1');
      localStorage.setItem('podwright.language', lang);
    }
  }, language);
  await page.goto(url);
  await expect(page.getByRole('region', { name: word(language, 'canvas.label') })).toBeVisible();
}

/** Opens the app (openApp) and waits until the engine status says the engine answers. */
export async function openWithEngine(page: Page, url: string): Promise<void> {
  await openApp(page, url);
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ok');
}

/**
 * Presses Run and answers the warning question if the design raises one (hostPort, subPath and the like are
 * advice-level in the rules); returns the run bar's error box, which a failing run fills.
 */
export async function runAnsweringWarnings(page: Page): Promise<Locator> {
  await page.getByTestId('run-start').click();
  const confirm = page.getByTestId('run-confirm');
  const error = page.getByTestId('run-error');
  await expect(error.or(confirm)).toBeVisible({ timeout: 30_000 });
  if (await confirm.isVisible()) await page.getByTestId('run-anyway').click();
  return error;
}

/** Drags a node by its head (away from the handles) with the mouse, by (dx, dy) screen pixels. */
export async function dragBy(page: Page, node: Locator, dx: number, dy: number): Promise<void> {
  const box = await settledBox(page, node);
  // Grab the node by its head, away from the handles.
  const x = box.x + box.width / 2;
  const y = box.y + 16;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
}

/**
 * The node's box once it stands still, as a hand waits for it: a node added out of view is brought into view by a
 * 200 ms pan, and a grab during it lands on the canvas and pans instead (CI run 16, history-status).
 */
async function settledBox(page: Page, node: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = (await node.boundingBox())!;
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(50);
    const now = (await node.boundingBox())!;
    if (now.x === last.x && now.y === last.y && now.width === last.width && now.height === last.height) return now;
    last = now;
  }
  return last;
}

/** Down on a Pod that runs: Down asks first, and the user says yes (the dialog's confirm button). */
export async function downRunningPod(page: Page): Promise<void> {
  await page.getByTestId('run-down').click();
  await page.getByTestId('run-down-yes').click();
}

/** Opens an example from the Examples gallery by its title, and waits for the gallery to close. */
export async function loadExample(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const gallery = page.getByRole('dialog', { name: 'Examples' });
  await gallery.locator('.example strong').getByText(title, { exact: true }).click();
  await expect(gallery).toBeHidden();
}

/**
 * The YAML panel's whole text (the panel is brought to the front). Read from the editor's document, not the page:
 * CodeMirror draws only the lines near the scrolled view, so the DOM of a long manifest lacks its end.
 */
export async function yamlText(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'YAML' }).click();
  const content = page.locator('.cm-content');
  await expect(content).toBeVisible();
  return content.evaluate((element) => {
    // EditorView.findFromDOM's own lookup (@codemirror/view 6.4x keeps its tile, with the view at its root, on the node).
    type Found = { root?: { view?: { state: { doc: { toString(): string } } } } };
    const view = (element as unknown as { cmTile?: Found }).cmTile?.root?.view;
    if (!view) throw new Error('no CodeMirror view on .cm-content (has @codemirror/view changed how it finds one?)');
    return view.state.doc.toString();
  });
}

/** Waits until the YAML panel's text contains `text`. */
export async function expectYamlToContain(page: Page, text: string, timeout = 10_000): Promise<void> {
  await expect.poll(() => yamlText(page), { timeout }).toContain(text);
}

/** Replaces the design with `yaml` through the YAML panel, as a user would paste it, and brings it into view. */
export async function typeYaml(page: Page, yaml: string): Promise<void> {
  await page.getByRole('tab', { name: 'YAML' }).click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(yaml);
  // The canvas may draw only what is in view: once the new nodes are measured, bring the design into view.
  await page.waitForTimeout(400);
  // Fit view by its shortcut, from the canvas (in the editor Shift+F types an F), in any language.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+F');
}

/** A browser host whose file picker root (`root`) and settings live in a fresh temp folder; `stop` removes both. */
export async function serveWithFileRoot(
  prefix: string,
): Promise<{ app: ServedApp; root: string; stop: () => Promise<void> }> {
  const base = mkdtempSync(join(tmpdir(), prefix));
  const root = join(base, 'home');
  mkdirSync(root, { recursive: true });
  const app = await serveApp({
    PODWRIGHT_FILE_ROOT: root,
    PODWRIGHT_CONFIG_DIR: join(base, 'config'),
    PODWRIGHT_INFRA_IMAGE: 'podwright-test/pause:1',
  });
  return {
    app,
    root,
    stop: async () => {
      await stopApp(app);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Reloads once the app has had time to keep the unsaved work as a draft, and restores it from the prompt. */
export async function reloadAndRestore(page: Page): Promise<void> {
  await page.waitForTimeout(1000);
  await page.reload();
  await page
    .getByRole('alertdialog', { name: 'Restore unsaved work' })
    .getByRole('button', { name: 'Restore' })
    .click();
}

/**
 * The hooks every journey file that runs Pods needs: a browser host with the locally built infra image when Docker is
 * there (otherwise each journey skips with the reason, and under CI dockerMissing fails instead), a time limit per
 * journey, and a sweep of the Pods the file created (push their names to `created`). Call at the top of the file.
 */
export function engineJourneys(
  what: string,
  timeoutMs: number,
  /** More set-up once Docker is known to be there, and its clean-up (a test registry, say). */
  extra: { before?: () => Promise<void>; after?: () => Promise<void> } = {},
): { readonly url: string; created: string[] } {
  let served: ServedApp | undefined;
  let skipReason: string | undefined;
  const created: string[] = [];
  test.beforeAll(async () => {
    skipReason = await dockerMissing(what);
    if (skipReason) return;
    await extra.before?.();
    served = await serveApp({ PODWRIGHT_INFRA_IMAGE: 'podwright-test/pause:1' });
  });
  test.afterAll(async () => {
    if (skipReason) return;
    for (const name of created) await sweep(name);
    await extra.after?.();
    if (served) await stopApp(served);
  });
  test.beforeEach(() => {
    test.skip(skipReason !== undefined, skipReason);
    test.setTimeout(timeoutMs);
  });
  return {
    get url(): string {
      if (!served) throw new Error(`${what}: the browser host did not start`);
      return served.url;
    },
    created,
  };
}

/** Adds a Pod to the design from the Pod menu, as a user does (it is on no button on the canvas). */
export async function addPodFromMenu(page: Page, language: Language = 'en'): Promise<void> {
  await page.getByRole('menuitem', { name: word(language, 'chrome.menu.pod'), exact: true }).click();
  const menu = page.getByRole('menu', { name: word(language, 'chrome.menu.pod') });
  await menu.getByRole('menuitem', { name: new RegExp(`^${word(language, 'pods.action.add')}`) }).click();
  await expect(menu).toBeHidden();
}
