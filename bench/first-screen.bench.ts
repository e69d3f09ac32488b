// The browser host's first screen in Chromium: from navigation to the canvas and the engine status shown with the main
// thread free (no long task within 500 ms after, as Time to Interactive counts it), with an empty cache (a fresh
// browser context) and a warm one (the same context again), and the JavaScript bytes the first screen loaded. With
// PODWRIGHT_BENCH_BASELINE set, the same for that tree in the same rounds.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, launchChromium } from './browser';
import { detail, summarize, type Benchmark, type Metric } from './harness';
import { baselineTree, thisTree, type Tree } from './processes';
import { serveApp, stopApp, type ServedApp } from '../e2e/serve';

const ROUNDS = Number(process.env.PODWRIGHT_BENCH_ROUNDS ?? 7);
/** Time to Interactive's rule, with a shorter window: interactive once no long task starts within this after. */
const QUIET_MS = 500;

interface FirstScreen {
  /** Navigation start → the frame that first showed the canvas and the engine's status. */
  shown: number;
  /** ... and the main thread free: the end of the last long task that began within QUIET_MS of the last one. */
  interactive: number;
  firstPaint: number;
  /** The first load's JavaScript: files requested before the first paint (bytes, decoded), and how many. */
  jsBytes: number;
  jsFiles: number;
  /** All JavaScript loaded by two seconds after the interactive point (with the parts loaded in idle time). */
  jsBytesLater: number;
}

/** Watches every frame from the first for the canvas and the engine status; records long tasks. */
const WATCH = `
// tsx keeps function names with a __name helper that the page does not have (see canvas.bench.ts).
globalThis.__name = (f) => f;
(() => {
  const w = window;
  w.__firstScreen = { longTasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__firstScreen.longTasks.push([e.startTime, e.startTime + e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const check = () => {
    const canvas = document.querySelector('.react-flow__pane') && document.querySelector('.react-flow__node');
    const status = document.querySelector('[data-testid="engine-status"]');
    if (canvas && status && status.getAttribute('data-state') !== 'pending') w.__firstScreen.shownAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
`;

async function measure(page: Page, url: string): Promise<FirstScreen> {
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __firstScreen: { shownAt?: number } }).__firstScreen.shownAt,
    undefined,
    {
      timeout: 30_000,
      polling: 50,
    },
  );
  // Long enough for a task to show that would still hold up the first click, and for the idle-time loads.
  await page.waitForTimeout(QUIET_MS + 2000);
  return page.evaluate((quiet) => {
    const s = (window as unknown as { __firstScreen: { shownAt: number; longTasks: [number, number][] } })
      .__firstScreen;
    let interactive = s.shownAt;
    for (const [start, end] of [...s.longTasks].sort((a, b) => a[0] - b[0])) {
      if (start <= interactive + quiet) interactive = Math.max(interactive, end);
    }
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e): e is PerformanceResourceTiming => e.name.split('?')[0]!.endsWith('.js'));
    const bytes = (list: PerformanceResourceTiming[]) => list.reduce((sum, e) => sum + e.decodedBodySize, 0);
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const first = scripts.filter((e) => e.startTime < paint);
    return {
      shown: s.shownAt,
      interactive,
      firstPaint: paint,
      jsBytes: bytes(first),
      jsFiles: first.length,
      jsBytesLater: bytes(scripts.filter((e) => e.responseEnd <= interactive + 2000)),
    };
  }, QUIET_MS);
}

const bench: Benchmark = {
  id: 'first-screen',
  title: 'Browser host first screen: navigation → canvas and engine status interactive, and first-load JavaScript',
  issue: 20,
  async run(ctx) {
    const missing = chromiumMissing();
    if (missing) ctx.skip(missing);
    const baseline = baselineTree();
    if ('missing' in baseline) ctx.log(`no baseline rows: ${baseline.missing}`);
    const trees = ('missing' in baseline ? [thisTree] : [thisTree, baseline]).filter((tree) => {
      const built = existsSync(join(tree.root, 'dist', 'renderer', 'index.html'));
      if (!built) ctx.log(`${tree.label}: renderer not built (npx vite build there); left out`);
      return built;
    });
    if (trees.length === 0) ctx.skip('no built renderer');
    const configDir = mkdtempSync(join(tmpdir(), 'pw-bench-first-'));
    const apps = new Map<Tree, ServedApp>();
    let browser: Browser | undefined;
    try {
      for (const tree of trees) apps.set(tree, await serveApp({ PODWRIGHT_CONFIG_DIR: configDir }, tree.root));
      browser = await launchChromium();
      const samples = new Map<string, FirstScreen[]>();
      const add = (key: string, s: FirstScreen): void => void samples.set(key, [...(samples.get(key) ?? []), s]);
      // Warm: one context per tree kept for the whole run, loaded once before the rounds.
      const warm = new Map<Tree, Page>();
      for (const tree of trees) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        await context.addInitScript({ content: WATCH });
        const page = await context.newPage();
        await measure(page, apps.get(tree)!.url);
        warm.set(tree, page);
      }
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? trees : [...trees].reverse();
        for (const tree of order) {
          const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
          await context.addInitScript({ content: WATCH });
          add(`${tree.label}/cold`, await measure(await context.newPage(), apps.get(tree)!.url));
          await context.close();
          add(`${tree.label}/warm`, await measure(warm.get(tree)!, apps.get(tree)!.url));
        }
        ctx.log(`round ${round + 1}/${ROUNDS}`);
      }
      const metrics: Metric[] = [];
      for (const tree of trees) {
        for (const cache of ['cold', 'warm'] as const) {
          const list = samples.get(`${tree.label}/${cache}`)!;
          const interactive = summarize(list.map((s) => s.interactive));
          const shown = summarize(list.map((s) => s.shown));
          const paint = summarize(list.map((s) => s.firstPaint));
          metrics.push({
            name: `first screen interactive (canvas + engine status), ${cache} cache, ${tree.label}`,
            value: Math.round(interactive.median),
            unit: 'ms',
            goal: tree === thisTree && cache === 'cold' ? { value: 1000, better: 'lower' } : undefined,
            detail: `${detail(interactive, 0)}; shown ${Math.round(shown.median)} ms, first paint ${Math.round(paint.median)} ms`,
          });
        }
        const cold = samples.get(`${tree.label}/cold`)!;
        const bytes = summarize(cold.map((s) => s.jsBytes));
        metrics.push({
          name: `first-load JavaScript (decoded bytes requested before the first paint), ${tree.label}`,
          value: Math.round(bytes.median / 1024),
          unit: 'KiB',
          detail: `${cold[0]!.jsFiles} files; all JavaScript by 2 s after interactive (with the parts loaded in idle time): ${Math.round(summarize(cold.map((s) => s.jsBytesLater)).median / 1024)} KiB`,
        });
      }
      if (trees.length > 1) {
        const kib = (tree: Tree) => summarize(samples.get(`${tree.label}/cold`)!.map((s) => s.jsBytes)).median;
        metrics.push({
          name: 'first-load JavaScript, this tree / baseline',
          value: Number((kib(thisTree) / kib(trees[1]!)).toFixed(2)),
          unit: '×',
          goal: { value: 0.5, better: 'lower' },
        });
      }
      return metrics;
    } finally {
      await browser?.close();
      for (const app of apps.values()) await stopApp(app);
      rmSync(configDir, { recursive: true, force: true });
    }
  },
};

export default bench;
