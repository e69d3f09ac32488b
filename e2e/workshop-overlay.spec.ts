// Journey: the workshop's namespace overlay, presenter mode and image export, in Chromium via the browser host.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { lessonById } from '../shared/workshop/lessons';
import { expect, loadExample, openAs, screenSizes, shot, test, watchPage, withoutDrafts } from './fixtures';
import { bothLanguages, wordsFor } from './words';

/** Lesson 1's length, from the lesson itself: the controls show "step / steps". */
const whyPodsSteps = lessonById('whyPods')!.steps.length;

async function open(page: Page, url: string): Promise<void> {
  watchPage(page);
  withoutDrafts(url);
  await page.goto(url);
  await page.evaluate(() => localStorage.setItem('podwright.theme', 'light'));
  await page.reload();
  await expect(page.getByRole('region', { name: 'Pod canvas' })).toBeVisible();
}

async function loadHelloworld(page: Page): Promise<void> {
  await loadExample(page, 'Hello world: four containers');
  await expect(page.getByTestId('node-container:compute')).toBeVisible();
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function exportImage(
  page: Page,
  format: 'PNG' | 'SVG',
  area: 'Whole design' | 'Current view',
  overlay: boolean,
): Promise<Download> {
  await page.getByTestId('export-image').click();
  const menu = page.getByRole('dialog', { name: 'Export image' });
  await menu.getByLabel(format, { exact: true }).check();
  await menu.getByLabel(area, { exact: true }).check();
  await menu.getByLabel('Include the namespace overlay').setChecked(overlay);
  const download = page.waitForEvent('download');
  await menu.getByTestId('export-download').click();
  const file = await download;
  await expect(menu).toBeHidden();
  return file;
}

const all = '(infra),api,main,log,compute';

/** True when the local Docker Engine runs on cgroup v1 (the overlay then shows the host's cgroup namespace). */
function hostCgroupV1(): boolean {
  try {
    const out = execFileSync('/usr/bin/docker', ['info', '--format', '{{.CgroupVersion}} {{json .SecurityOptions}}'], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    return out.startsWith('1 ') && !out.includes('name=cgroupns');
  } catch {
    return false;
  }
}

test('namespace overlay: eight lanes with the right members; shareProcessNamespace merges the PID lanes', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await loadHelloworld(page);
  await expect(page.getByTestId('ns-overlay')).toHaveCount(0);

  const toggle = page.getByTestId('toggle-namespaces');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const overlay = page.getByTestId('ns-overlay');
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('Namespaces of Pod “helloworld”');
  // The infra container is a member of its own.
  await expect(overlay.getByTestId('ns-member-infra')).toContainText('infra');

  const lane = (kind: string) => page.getByTestId(`ns-lane-${kind}`);
  for (const kind of ['network', 'uts', 'ipc']) {
    await expect(lane(kind)).toHaveAttribute('data-groups', all);
    await expect(lane(kind)).toHaveAttribute('data-verdict', 'shared');
  }
  await expect(lane('network')).toContainText(
    "shared: every container of a Pod joins the infra container's network namespace",
  );
  for (const kind of ['pid', 'mount']) {
    await expect(lane(kind)).toHaveAttribute('data-groups', '(infra);api;main;log;compute');
    await expect(lane(kind)).toHaveAttribute('data-group-count', '5');
  }
  // Cgroup follows the engine: a private namespace per container on cgroup v2 (also assumed with no engine), the
  // host's on cgroup v1 without cgroupns.
  if (hostCgroupV1()) {
    await expect(lane('cgroup')).toHaveAttribute('data-groups', `(host),${all}`);
    await expect(lane('cgroup')).toContainText('The engine reports cgroup v1.');
  } else {
    await expect(lane('cgroup')).toHaveAttribute('data-groups', '(infra);api;main;log;compute');
  }
  await expect(lane('mount')).toContainText(
    'separate: each container has its own mount namespace; share files through a volume',
  );
  for (const kind of ['user', 'time']) {
    await expect(lane(kind)).toHaveAttribute('data-groups', `(host),${all}`);
    await expect(lane(kind)).toHaveAttribute('data-verdict', 'host');
  }
  await expect(lane('time')).toContainText("they all see the host's clock");
  await expect(lane('pid').getByTestId('ns-group')).toHaveCount(5);

  // Turn on shareProcessNamespace in the Pod's inspector: the PID lanes merge into the infra's, live.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const inspector = page.getByRole('complementary', { name: 'Properties of the selection' });
  await inspector.getByLabel('Share one process namespace (shareProcessNamespace)').check();
  await expect(lane('pid')).toHaveAttribute('data-groups', all);
  await expect(lane('pid')).toHaveAttribute('data-verdict', 'shared');
  await expect(lane('pid').getByTestId('ns-group')).toHaveCount(1);
  await expect(lane('pid').getByTestId('ns-group')).toHaveAttribute('data-members', 'infra,api,main,log,compute');
  // Nothing else moved.
  await expect(lane('mount')).toHaveAttribute('data-group-count', '5');
  // Undo splits them again.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(lane('pid')).toHaveAttribute('data-group-count', '5');

  // The shortcut hides it.
  await page.keyboard.press('Shift+N');
  await expect(overlay).toHaveCount(0);
});

test('presenter mode hides the chrome, uses the contrast theme, and Escape leaves', async ({ page, app }) => {
  await open(page, app.url);
  await loadHelloworld(page);
  for (const chrome of ['.toolbar', '.palette', '.inspector', '.bottom-panel']) {
    await expect(page.locator(chrome).first()).toBeVisible();
  }
  await page.getByTestId('enter-presenter').click();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  // Full screen when the browser grants it; otherwise presenting in the window, and the user is told why.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (document.fullscreenElement ? 'fullscreen' : '') ||
          (document.querySelector('.notice')?.textContent?.includes('Full screen was refused') ? 'window' : ''),
      ),
    )
    .not.toBe('');
  for (const chrome of ['.toolbar', '.palette', '.inspector', '.bottom-panel', '.status-bar']) {
    await expect(page.locator(chrome).first()).toBeHidden();
  }
  // The canvas takes the whole window.
  const canvas = await page.getByRole('region', { name: 'Pod canvas' }).boundingBox();
  const viewport = page.viewportSize()!;
  expect(canvas!.width).toBeGreaterThan(viewport.width - 4);
  expect(canvas!.height).toBeGreaterThan(viewport.height - 4);
  await expect(page.getByTestId('node-container:api')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveAttribute('data-presenter', 'on');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('.toolbar')).toBeVisible();
  await expect(page.locator('.inspector')).toBeVisible();

  // A lesson registers its steps: the arrow keys (and a clicker's PageDown) step through it while presenting.
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByTestId('lesson-whyPods').click();
  const step = page.getByTestId('lesson-step-text');
  await expect(step).toHaveAttribute('data-step', 'program');
  await page.getByTestId('enter-presenter').click();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveAttribute('data-step', 'api');
  await page.keyboard.press('PageDown');
  await expect(step).toHaveAttribute('data-step', 'workers');
  await page.keyboard.press('ArrowLeft');
  await expect(step).toHaveAttribute('data-step', 'api');
  const controls = page.getByTestId('presenter-controls');
  await expect(controls).toContainText(`2 / ${whyPodsSteps}`);
  await controls.getByRole('button', { name: 'Next step' }).click();
  await expect(step).toHaveAttribute('data-step', 'workers');
  await expect(controls).toContainText(`3 / ${whyPodsSteps}`);
  await page.getByTestId('presenter-exit').click();
  await expect(page.locator('.toolbar')).toBeVisible();
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await expect(page.getByTestId('lesson-panel')).toBeHidden();

  // The shortcut enters it too.
  await page.keyboard.press('Shift+P');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await page.getByTestId('presenter-exit').click();
  await expect(page.locator('.toolbar')).toBeVisible();
});

test('export the whole design and the current view as PNG and SVG, with and without the overlay', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await loadHelloworld(page);

  // Whole design with the overlay, as PNG and SVG: the PNG is the SVG at twice the size.
  const png = await exportImage(page, 'PNG', 'Whole design', true);
  expect(png.suggestedFilename()).toBe('helloworld-design-namespaces.png');
  const pngBytes = readFileSync((await png.path())!);
  // To look at the picture: WORKSHOP_SHOTS=/tmp/dir keeps a copy.
  if (process.env.WORKSHOP_SHOTS) await png.saveAs(`${process.env.WORKSHOP_SHOTS}/export-design.png`);
  const size = pngSize(pngBytes);
  const svg = await exportImage(page, 'SVG', 'Whole design', true);
  expect(svg.suggestedFilename()).toBe('helloworld-design-namespaces.svg');
  const svgText = readFileSync((await svg.path())!, 'utf8');
  if (process.env.WORKSHOP_SHOTS) await svg.saveAs(`${process.env.WORKSHOP_SHOTS}/export-design.svg`);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      name: root.nodeName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      overlay: text.includes('ns-overlay'),
      api: text.includes('api'),
    };
  }, svgText);
  expect(parsed).toMatchObject({ error: false, name: 'svg', overlay: true, api: true });
  // Edges keep their paint (html-to-image copies an SVG's children without their CSS).
  const edgePaths = svgText.match(/<path[^>]*react-flow__edge-path[^>]*>/g) ?? [];
  expect(edgePaths.length).toBeGreaterThanOrEqual(6);
  expect(edgePaths.every((p) => /stroke: rgb/.test(p))).toBe(true);
  // Four containers plus the overlay beside them: wider than a screen, drawn at 2x and at most 3840 px.
  expect(parsed.width).toBeGreaterThan(1500);
  expect(size.width).toBe(Math.min(3840, 2 * parsed.width));
  expect(size.height).toBe(Math.floor(parsed.height * (size.width === 3840 ? 3840.5 / parsed.width : 2)));
  expect(size.width).toBeLessThanOrEqual(3840);

  // Without the overlay the design is narrower and the overlay is not in the picture.
  const plain = await exportImage(page, 'SVG', 'Whole design', false);
  expect(plain.suggestedFilename()).toBe('helloworld-design.svg');
  const plainText = readFileSync((await plain.path())!, 'utf8');
  expect(plainText).not.toContain('data-testid="ns-overlay"');
  const plainWidth = Number(/<svg[^>]*\swidth="(\d+)"/.exec(plainText)?.[1]);
  expect(plainWidth).toBeGreaterThan(800);
  expect(plainWidth).toBeLessThan(parsed.width - 500);
  // The overlay was switched on only for the picture.
  await expect(page.getByTestId('ns-overlay')).toHaveCount(0);

  // The current view: exactly the canvas, at 2x.
  const canvasBox = (await page.locator('.canvas .react-flow').boundingBox())!;
  const view = await exportImage(page, 'PNG', 'Current view', false);
  expect(view.suggestedFilename()).toBe('helloworld-view.png');
  const viewSize = pngSize(readFileSync((await view.path())!));
  expect(viewSize).toEqual({ width: 2 * Math.ceil(canvasBox.width), height: 2 * Math.ceil(canvasBox.height) });

  // Zoomed far out the canvas hides mount labels; the whole design is drawn at zoom 1, with them.
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom Out' }).click();
  await expect(page.locator('.canvas .react-flow')).toHaveClass(/zoomed-out/);
  const far = readFileSync((await (await exportImage(page, 'SVG', 'Whole design', false)).path())!, 'utf8');
  const labels = /<div class="react-flow__edgelabel-renderer"[^>]*>/.exec(far)?.[0] ?? '';
  expect(labels).not.toBe('');
  expect(labels).not.toMatch(/visibility: hidden/);
  expect(far).toContain('/logs');
  // The mount labels themselves, not only the edges' names: zoomed far out the canvas draws plain curves.
  expect(far).toMatch(/class="mount-label[^"]*"/);
  await expect(page.locator('.canvas .react-flow')).toHaveClass(/zoomed-out/);
});

test('screenshots of the overlay and of presenter mode, in English and Chinese', async ({ page, app }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await open(page, app.url);
  await loadHelloworld(page);
  for (const language of ['en', 'zh-CN'] as const) {
    await page.locator('select[aria-label="Language"], select[aria-label="语言"]').selectOption(language);
    await expect(page.getByTestId('toggle-namespaces')).toHaveAccessibleName(
      language === 'en' ? 'Namespaces' : '命名空间',
    );
    for (const theme of ['light', 'dark'] as const) {
      await page.getByRole('combobox', { name: language === 'en' ? 'Theme' : '主题' }).selectOption(theme);
      if ((await page.getByTestId('ns-overlay').count()) === 0) await page.getByTestId('toggle-namespaces').click();
      await expect(page.getByTestId('ns-lane-time')).toBeVisible();
      await page.waitForTimeout(500);
      await shot(page, `workshop-overlay-${theme}-${language}.png`);
    }
    await page.getByTestId('enter-presenter').click();
    await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
    await page.waitForTimeout(900);
    await shot(page, `workshop-presenter-${language}.png`);
    await page.keyboard.press('Escape');
    await expect(page.locator('.toolbar')).toBeVisible();
  }
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
});

/** The contrast ratio (WCAG 2) of an element's text against its background, as drawn: ancestors' opacity included. */
function drawnContrast(el: Element): { ratio: number; opacity: number } {
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const background = (e: Element | null): number[] => {
    for (let at = e; at; at = at.parentElement) {
      const c = rgb(getComputedStyle(at).backgroundColor);
      if (c.length === 3 || (c[3] ?? 0) > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  let opacity = 1;
  for (let at: Element | null = el; at; at = at.parentElement) opacity *= Number(getComputedStyle(at).opacity);
  // What is behind the controls: the canvas.
  const behind = background(document.querySelector('.canvas'));
  const mix = (c: number[]) => c.slice(0, 3).map((v, i) => v * opacity + behind[i]! * (1 - opacity));
  const luminance = (c: number[]) => {
    const [r, g, b] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const fg = luminance(mix(rgb(getComputedStyle(el).color)));
  const bg = luminance(mix(background(el)));
  return { ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05), opacity };
}

for (const language of bothLanguages) {
  test(`presenting a lesson frames the whole Pod beside the card, and the controls read as enabled (${language})`, async ({
    page,
    app,
  }) => {
    const w = wordsFor(language);
    await openAs(page, app.url, language, screenSizes[0]);
    await page.getByRole('button', { name: w('lessons.open'), exact: true }).click();
    await page.getByTestId('lesson-whyPods').click();
    await expect(page.getByTestId('node-container:api')).toBeVisible();
    await page.getByTestId('enter-presenter').click();
    await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');

    // Step 1 is about every container: the Pod's whole box is on screen, and none of it under the lesson card.
    const inFrame = async () => {
      const pod = (await page.locator('.react-flow__node[data-id="pod"]').boundingBox())!;
      const card = (await page.getByTestId('lesson-panel').boundingBox())!;
      const onScreen = pod.x >= 0 && pod.y >= 0 && pod.x + pod.width <= 1280 && pod.y + pod.height <= 720;
      const clear =
        pod.x + pod.width <= card.x ||
        pod.x >= card.x + card.width ||
        pod.y + pod.height <= card.y ||
        pod.y >= card.y + card.height;
      return onScreen && clear && pod.width > 300;
    };
    await expect.poll(inFrame, { timeout: 5000 }).toBe(true);
    await page.waitForTimeout(600);
    expect(await inFrame()).toBe(true);
    // A layout that lands after the framing (the example's, once a slow ELK has loaded; here Auto layout) frames the
    // step again rather than fitting the Pod under the card.
    await page.mouse.click(20, 700);
    await page.keyboard.press('Shift+L');
    await page.waitForTimeout(800);
    await expect.poll(inFrame, { timeout: 5000 }).toBe(true);
    await shot(page, `presenter/step1-${language}.png`);

    // The controls are drawn as enabled buttons without a hover: full opacity, text at least 4.5:1 (WCAG AA).
    const buttons = page.getByTestId('presenter-controls').getByRole('button');
    await expect(buttons).toHaveCount(3);
    await page.mouse.move(10, 10);
    for (const button of await buttons.all()) {
      await expect(button).toBeEnabled();
      const drawn = await button.evaluate(drawnContrast);
      expect(drawn.opacity).toBe(1);
      expect(drawn.ratio).toBeGreaterThanOrEqual(4.5);
    }
    await page.keyboard.press('Escape');
    await expect(page.locator('html')).not.toHaveAttribute('data-presenter', 'on');
  });
}
