// The canvas editor in Chromium through the browser host: frame rate while dragging a node in a 500-node document,
// and the time from a keystroke in the inspector to updated diagnostics and YAML.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import type { Container, Pod, Volume } from '../shared/model';
import { writeProject, type CanvasDocument, type Point } from '../shared/canvas';
import { detail, summarize, type Benchmark, type Metric } from './harness';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CONTAINERS = 300;
const VOLUMES = 199; // + the Pod-wide namespace node = 500 nodes
const KEYSTROKES = 30;

/** A large but plausible design: every container mounts one volume, on a grid so a drag stays on screen. */
function bigDocument(): CanvasDocument {
  const containers: Container[] = [];
  const volumes: Volume[] = [];
  const layout: Record<string, Point> = {};
  for (let v = 0; v < VOLUMES; v++) {
    volumes.push({ name: `vol-${v}`, emptyDir: {} });
    layout[`volume:vol-${v}`] = { x: (v % 20) * 260, y: 2000 + Math.floor(v / 20) * 120 };
  }
  for (let c = 0; c < CONTAINERS; c++) {
    containers.push({
      name: `c-${c}`,
      image: 'busybox:1.36',
      command: ['sh', '-c', 'sleep infinity'],
      ports: [{ containerPort: 10000 + c }],
      volumeMounts: [{ name: `vol-${c % VOLUMES}`, mountPath: `/data/${c}` }],
    });
    layout[`container:c-${c}`] = { x: (c % 20) * 260, y: Math.floor(c / 20) * 130 };
  }
  // One container without an image: typing its first character clears an error, so diagnostics change per key.
  delete containers[150]!.image;
  const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big' }, spec: { containers, volumes } };
  return { pod, layout, pidJoins: null };
}

async function serve(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['electron/cli/bin.mjs', 'serve', '--no-build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve printed no URL:\n${output}`)), 30_000);
    const look = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = /Podwright is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

async function openDocument(page: Page, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'big.pod.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
  await page.getByTestId('node-container:c-299').waitFor();
}

/** Drags a node in small steps while the page records every animation frame; returns frame durations (ms). */
async function dragFrames(page: Page, nodeId: string): Promise<number[]> {
  const box = (await page.getByTestId(`node-${nodeId}`).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + 8;
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; recording: boolean };
    w.frames_ = [];
    w.recording = true;
    const tick = (t: number): void => {
      if (!w.recording) return;
      w.frames_.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) {
    await page.mouse.move(x + i * 2, y + Math.sin(i / 10) * 40);
    // Pace the pointer like a hand does: one move per frame, not a burst the browser can coalesce.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  await page.mouse.up();
  const stamps = await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; recording: boolean };
    w.recording = false;
    return w.frames_;
  });
  return stamps.slice(1).map((t, i) => t - stamps[i]!);
}

/** Presses `key` in the focused field and waits until both the Problems count and the YAML show the change. */
async function keystrokeToUpdate(page: Page, key: string, imageShown: boolean): Promise<number> {
  await page.evaluate((shown) => {
    const w = window as unknown as { done_: Promise<number> };
    const countBefore = document.querySelector('#tab-problems .tab-count')?.textContent;
    w.done_ = new Promise((resolve) => {
      let pressedAt = 0;
      const check = (): boolean => {
        const yaml = document.querySelector('.cm-content')?.textContent ?? '';
        const count = document.querySelector('#tab-problems .tab-count')?.textContent;
        return pressedAt > 0 && count !== countBefore && yaml.includes('image: n') === shown;
      };
      window.addEventListener(
        'keydown',
        (e) => {
          pressedAt = e.timeStamp;
          const observer = new MutationObserver(() => {
            if (!check()) return;
            observer.disconnect();
            resolve(performance.now() - pressedAt);
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        },
        { capture: true, once: true },
      );
    });
  }, imageShown);
  await page.keyboard.press(key);
  return page.evaluate('window.done_') as Promise<number>;
}

const bench: Benchmark = {
  id: 'canvas',
  title: 'Canvas editor: drag frame rate (500 nodes) and keystroke to diagnostics + YAML',
  issue: 8,
  async run(ctx) {
    if (!existsSync(chromiumPath)) ctx.skip(`Chromium not found at ${chromiumPath}`);
    if (!existsSync('dist/renderer/index.html')) ctx.skip('renderer not built: run `npx vite build` first');
    const text = writeProject(bigDocument());
    const host = await serve();
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.on('dialog', (d) => void d.accept());
      // tsx keeps function names with a `__name` helper that the page does not have; give it a harmless one.
      await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      await page.goto(host.url);
      const loadStart = performance.now();
      await openDocument(page, text);
      const loadMs = performance.now() - loadStart;
      const nodes = await page.locator('.react-flow__node').count();
      ctx.log(`document open with ${nodes} React Flow nodes (incl. the Pod group) in ${loadMs.toFixed(0)} ms`);

      // Zoom to a readable scale around one container so the drag moves a real-sized node.
      await page.getByTestId('node-container:c-150').click();
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
      await page
        .getByTestId('node-container:c-150')
        .dblclick({ position: { x: 5, y: 5 } })
        .catch(() => {});
      page.on('crash', () => ctx.log('page crashed'));
      page.on('pageerror', (e) => ctx.log(`page error: ${e.message}`));
      const frames = await dragFrames(page, 'container:c-150');
      ctx.log(`drag: ${frames.length} frames`);
      const f = summarize(frames);
      const fps = 1000 / (frames.reduce((a, b) => a + b, 0) / frames.length);

      // Keystrokes in the Image field of the container without an image, with the YAML panel open.
      await page.getByRole('tab', { name: 'YAML' }).click();
      await page.getByTestId('node-container:c-150').click();
      const image = page.getByRole('complementary', { name: 'Properties of the selection' }).getByLabel('Image');
      await image.focus();
      const latencies: number[] = [];
      let keystrokeError: string | undefined;
      try {
        ctx.log(`focused: ${await image.evaluate((el) => el === document.activeElement)}`);
        for (let i = 0; i < KEYSTROKES; i++) {
          latencies.push(await keystrokeToUpdate(page, 'n', true));
          if (i === 0) ctx.log(`first keystroke: ${latencies[0]!.toFixed(1)} ms`);
          latencies.push(await keystrokeToUpdate(page, 'Backspace', false));
        }
      } catch (err) {
        // Report the drag numbers even when this part breaks; the log says why the latency is missing.
        keystrokeError = String(err).split('\n')[0];
        ctx.log(`keystroke measurement failed after ${latencies.length} samples: ${keystrokeError}`);
      }
      const k = summarize(latencies);
      const metrics: Metric[] = [
        {
          name: `drag a node, ${nodes - 1}-node document: frame rate`,
          value: Number(fps.toFixed(1)),
          unit: 'fps',
          goal: { value: 55, better: 'higher' },
          detail: `frame time median ${f.median.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, max ${f.max.toFixed(1)} ms, n=${f.samples}`,
        },
        {
          name: `keystroke → diagnostics and YAML updated, ${nodes - 1}-node document (median)`,
          value: Number(k.median.toFixed(1)),
          unit: 'ms',
          goal: { value: 50, better: 'lower' },
          // A failed measurement stays in the table as not measured (NaN never meets the goal), with the reason.
          detail: latencies.length > 0 ? detail(k, 1) : `not measured: ${keystrokeError ?? 'no samples'}`,
        },
        {
          name: `open a ${nodes - 1}-node project file (file picker to last node drawn)`,
          value: Math.round(loadMs),
          unit: 'ms',
        },
      ];
      return metrics;
    } finally {
      await browser.close();
      host.child.kill('SIGTERM');
    }
  },
};

export default bench;
