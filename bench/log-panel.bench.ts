// The log panel under a flood, in Chromium through the browser host against the real engine: a container prints
// 100,000 lines as fast as it can; time until the panel shows the last line, the worst frame while it streams,
// and the renderer's JS heap before and after (twice, to show the ring keeps it flat). The same flood through
// the Terminal tab (xterm.js) runs beside it, as the measured alternative.
import { existsSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { Engine } from '../electron/engines/docker/connection/engine';
import { PodRuntime } from '../electron/engines/docker/pod/pod-runtime';
import { execIn } from '../electron/engines/docker/testing';
import { Labels } from '../shared/model/labels';
import { serveApp, stopApp } from '../e2e/serve';
import { summarize, type Benchmark, type Metric } from './harness';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LINES = 100_000;
const INFRA = 'podwright-test/pause:1';

function podYaml(name: string): string {
  // Waits for a trigger file so the flood starts when the panel is live; prints "flood N done" after each one.
  const script = `while true; do while [ ! -f /tmp/go ]; do sleep 0.05; done; n=$(cat /tmp/go); rm /tmp/go; seq 1 ${LINES}; echo "flood $n done"; done`;
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  containers:',
    '    - name: flood',
    '      image: busybox:1.36',
    `      command: ['sh', '-c', '${script}']`,
    '',
  ].join('\n');
}

/** JS heap in use after a full GC, in MiB. */
async function heapMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 2 ** 20;
}

/** Starts recording animation frames and long tasks in the page. */
async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { rec: { frames: number[]; long: number[]; on: boolean } };
    w.rec = { frames: [], long: [], on: true };
    const tick = (t: number): void => {
      if (!w.rec.on) return;
      w.rec.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (w.rec.on) w.rec.long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
}

async function stopRecording(page: Page): Promise<{ frames: number[]; long: number[] }> {
  const { frames, long } = await page.evaluate(() => {
    const w = window as unknown as { rec: { frames: number[]; long: number[]; on: boolean } };
    w.rec.on = false;
    return w.rec;
  });
  return { frames: frames.slice(1).map((t, i) => t - frames[i]!), long };
}

/** Resolves (page time, ms) when an element matching `selector` contains `text`. */
async function armWaitFor(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ({ selector, text }) => {
      const w = window as unknown as { seen: Promise<number> };
      w.seen = new Promise((resolve) => {
        const check = (): boolean => {
          for (const el of document.querySelectorAll(selector)) if (el.textContent?.includes(text)) return true;
          return false;
        };
        const observer = new MutationObserver(() => {
          if (!check()) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    },
    { selector, text },
  );
}

interface Flood {
  ms: number;
  frames: number[];
  long: number[];
}

/** Triggers flood `n` in the container and measures until `selector` shows `text`. */
async function flood(
  page: Page,
  engine: Engine,
  id: string,
  n: number,
  selector: string,
  text: string,
): Promise<Flood> {
  await armWaitFor(page, selector, text);
  await startRecording(page);
  const t0 = (await page.evaluate(() => performance.now())) as number;
  await execIn(engine, id, ['sh', '-c', `echo ${n} > /tmp/go`]);
  const seen = (await page.evaluate('window.seen')) as number;
  // Keep recording a moment: the frames right after the last line still belong to the flood.
  await page.waitForTimeout(500);
  const { frames, long } = await stopRecording(page);
  return { ms: seen - t0, frames, long };
}

const bench: Benchmark = {
  id: 'log-panel',
  title: 'Log panel under a flood: 100,000 lines from one container, in the real UI',
  issue: 9,
  async run(ctx) {
    if (!existsSync(chromiumPath)) ctx.skip(`Chromium not found at ${chromiumPath}`);
    if (!existsSync('dist/renderer/index.html')) ctx.skip('renderer not built: run `npm run build:renderer` first');
    const engine = new Engine();
    const info = await engine.info();
    if (!info.reachable) ctx.skip(`no Docker engine: ${info.reason}`);
    const name = `bench-flood-${Math.random().toString(36).slice(2, 8)}`;
    const host = await serveApp({ PODWRIGHT_INFRA_IMAGE: INFRA });
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--enable-precise-memory-info',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.on('dialog', (d) => void d.accept());
      await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      await page.goto(host.url);
      await page.evaluate(() => localStorage.removeItem('podwright.autosave'));
      await page.getByRole('tab', { name: 'YAML' }).click();
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(podYaml(name));
      // The YAML reaches the document after the editor's debounce.
      await page.waitForTimeout(1000);
      await page.getByTestId('run-start').click();
      const anyway = page.getByTestId('run-anyway');
      if (await anyway.isVisible({ timeout: 1500 }).catch(() => false)) await anyway.click();
      await page.getByRole('tab', { name: 'Logs' }).click();
      await page.locator('[data-testid="run-phase"]', { hasText: 'Running' }).waitFor({ timeout: 60_000 });
      await page.locator('.log-state.live').waitFor({ timeout: 30_000 });
      const [container] = await engine.docker.listContainers({
        filters: { label: [`${Labels.pod}=${name}`, `${Labels.container}=flood`] },
      });
      if (!container) throw new Error('the flood container is not running');
      const cdp = await page.context().newCDPSession(page);
      const before = await heapMiB(cdp);

      const panel: Flood[] = [];
      const heaps: number[] = [];
      for (const n of [1, 2]) {
        panel.push(await flood(page, engine, container.Id, n, '[data-testid="log-line"]', `flood ${n} done`));
        heaps.push(await heapMiB(cdp));
        ctx.log(
          `log panel flood ${n}: last line after ${panel.at(-1)!.ms.toFixed(0)} ms, heap ${heaps.at(-1)!.toFixed(1)} MiB`,
        );
      }
      const status = await page.locator('.log-status').innerText();
      ctx.log(`panel status after two floods: ${status.replace(/\n/g, ' · ')}`);

      // The alternative: the same flood rendered by xterm.js (the Terminal tab, `seq` in a shell).
      await page.getByRole('tab', { name: 'Terminal' }).click();
      await page.getByTestId('terminal-start').click();
      await page.locator('.terminal-status.running').waitFor({ timeout: 20_000 });
      await page.getByTestId('terminal-screen').click();
      await armWaitFor(page, '.xterm-rows', 'xterm 2 done');
      await startRecording(page);
      const x0 = (await page.evaluate(() => performance.now())) as number;
      await page.keyboard.type(`seq 1 ${LINES}; echo "xterm $((1+1)) done"\n`);
      const xSeen = (await page.evaluate('window.seen')) as number;
      await page.waitForTimeout(500);
      const xterm = { ms: xSeen - x0, ...(await stopRecording(page)) };
      const xHeap = await heapMiB(cdp);
      ctx.log(`xterm: last line after ${xterm.ms.toFixed(0)} ms`);

      const worst = (f: Flood): number => Math.max(...f.frames);
      const frameDetail = (f: Flood): string => {
        const s = summarize(f.frames);
        return `frame median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)}, n=${s.samples}; long tasks ${f.long.length} (max ${f.long.length ? Math.max(...f.long).toFixed(0) : 0} ms)`;
      };
      const metrics: Metric[] = [
        {
          name: 'log panel: trigger → last of 100,000 lines shown (1st flood)',
          value: Math.round(panel[0]!.ms),
          unit: 'ms',
          detail: `2nd flood ${panel[1]!.ms.toFixed(0)} ms; includes ~docker exec of the trigger`,
        },
        {
          name: 'log panel: worst frame while streaming (1st flood)',
          value: Number(worst(panel[0]!).toFixed(1)),
          unit: 'ms',
          goal: { value: 50, better: 'lower' },
          detail: frameDetail(panel[0]!),
        },
        {
          name: 'log panel: worst frame while streaming (2nd flood, ring full)',
          value: Number(worst(panel[1]!).toFixed(1)),
          unit: 'ms',
          goal: { value: 50, better: 'lower' },
          detail: frameDetail(panel[1]!),
        },
        {
          name: 'renderer JS heap after 2nd flood minus after 1st (flat = ring bounded)',
          value: Number((heaps[1]! - heaps[0]!).toFixed(1)),
          unit: 'MiB',
          goal: { value: 5, better: 'lower' },
          detail: `before ${before.toFixed(1)} MiB, after 1st ${heaps[0]!.toFixed(1)} MiB, after 2nd ${heaps[1]!.toFixed(1)} MiB (GC'd; ring holds 50,000 lines)`,
        },
        {
          name: 'alternative, xterm.js (Terminal tab): seq 1 100000 → last line shown',
          value: Math.round(xterm.ms),
          unit: 'ms',
          detail: `worst frame ${worst(xterm).toFixed(1)} ms; ${frameDetail(xterm)}; heap after ${xHeap.toFixed(1)} MiB`,
        },
      ];
      return metrics;
    } finally {
      await browser.close();
      await stopApp(host);
      await new PodRuntime(engine).down({ name }, { graceSeconds: 0 }).catch(() => undefined);
    }
  },
};

export default bench;
