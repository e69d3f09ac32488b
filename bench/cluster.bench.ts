// A design on a cluster, side by side in one run against the stand-in API server (issue 18): `podwright deploy` until
// ready against `kubectl apply --server-side` + `kubectl wait --for=condition=Ready` (a Pod) and `kubectl rollout
// status` (a Deployment of 3), in interleaved rounds; and the time from a watch event on the server to the status on
// the canvas (goal ≤ 100 ms).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { stringify } from 'yaml';
import { serveApp, stopApp } from '../e2e/serve';
import { kubectl, kubectlMissing, kubectlPath, StandIn, typeByKind, writeKubeconfig } from '../electron/engines/kube/testing';
import { waitForRun } from '../electron/cli/cluster/deploy-run';
import { ClusterEngine, loadKubeconfig } from '../electron/engines/kube';
import { drawnRun } from '../shared/design/workloads/drawn-export';
import type { Pod } from '../shared/model';
import { clusterDesign, clusterPlan } from '../shared/plan/kube';
import { detail, summarize, type Benchmark, type Metric } from './harness';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROUNDS = Number(process.env.PODWRIGHT_BENCH_ROUNDS ?? 5);
const EVENTS = 30;

function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number; ms: number; out: string }> {
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(cmd, args, { env: { ...process.env, ...env }, timeout: 180_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, ms: performance.now() - start, out: `${stdout}${stderr}` }),
    );
  });
}

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'bench', labels: { app: 'bench' } },
  spec: { terminationGracePeriodSeconds: 0, containers: [{ name: 'web', image: 'busybox:1.36', command: ['sh', '-c', 'while true; do echo up; sleep 1; done'], ports: [{ name: 'http', containerPort: 80 }] }] },
};

/**
 * Deploy and teardown, timed per method, in interleaved rounds (so a busy moment of the machine hits both). Without
 * kubectl (`noKubectl` says why) the peer is left out and Podwright's own numbers still run.
 */
async function sideBySide(standIn: StandIn, kubeconfig: string, dir: string, log: (l: string) => void, noKubectl: string | undefined): Promise<Metric[]> {
  const env = { KUBECONFIG: kubeconfig, NO_COLOR: '1', PODWRIGHT_CONFIG_DIR: join(dir, 'settings') };
  const podFile = join(dir, 'bench.yaml');
  writeFileSync(podFile, stringify(pod));
  // kubectl applies exactly the objects Podwright's plan applies, so both ask the server for the same thing.
  const plans = {
    pod: clusterPlan(clusterDesign([pod]), { namespace: 'default', design: 'bench', as: 'pod' }),
    // `deploy --replicas 3` sends the Pod with the Service a made-up Deployment comes with (drawnRun).
    deployment: clusterPlan(clusterDesign(drawnRun(pod as unknown as Pod, undefined, [], { asDeployment: true }).objects), { namespace: 'default', design: 'bench', as: 'deployment', replicas: 3 }),
  };
  const files: Record<string, string> = {};
  for (const [kind, plan] of Object.entries(plans)) {
    files[kind] = join(dir, `kubectl-${kind}.yaml`);
    writeFileSync(files[kind]!, plan.objects.map((o) => stringify(o.body)).join('---\n'));
  }
  const samples: Record<string, number[]> = {};
  const add = (key: string, ms: number): void => void (samples[key] ??= []).push(ms);
  // The launcher builds dist/cli when a source changed: once here, so no round times a build.
  await run(process.execPath, ['electron/cli/bin.mjs', '--version'], env);
  const gone = async (): Promise<void> => {
    for (let i = 0; i < 200 && standIn.store.list(typeByKind('Pod')!, 'default').length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of ['pod', 'deployment'] as const) {
      const extra = kind === 'pod' ? ['--as', 'pod'] : ['--as', 'deployment', '--replicas', '3'];
      const pw = await run(process.execPath, ['electron/cli/bin.mjs', 'deploy', podFile, '--context', 'bench', ...extra], env);
      if (pw.code !== 0) throw new Error(`podwright deploy failed:\n${pw.out}`);
      add(`podwright-${kind}`, pw.ms);
      await run(process.execPath, ['electron/cli/bin.mjs', 'undeploy', 'bench', '--context', 'bench', '--grace', '0'], env);
      await gone();

      // The same work without the CLI's process start: where the time of `podwright deploy` goes.
      const engine = new ClusterEngine(loadKubeconfig({ KUBECONFIG: kubeconfig }), 'bench', 'default');
      const inProcess = performance.now();
      const plan = engine.plan({ documents: [pod], design: 'bench', as: kind, ...(kind === 'deployment' ? { replicas: 3 } : {}) });
      await engine.deployer.apply(plan);
      if ((await waitForRun(engine, plan.name, 120_000, false)).code !== 0) throw new Error('the in-process deploy did not become ready');
      add(`engine-${kind}`, performance.now() - inProcess);
      await engine.deployer.down('default', 'bench', { graceSeconds: 0 });
      engine.close();
      await gone();

      if (noKubectl) continue;
      const start = performance.now();
      const applied = await kubectl(['apply', '--server-side', '--validate=false', '--field-manager=kubectl', '-f', files[kind]!], kubeconfig);
      if (applied.code !== 0) throw new Error(`kubectl apply failed: ${applied.stderr}`);
      const waited =
        kind === 'pod'
          ? await kubectl(['wait', '--for=condition=Ready', 'pod/bench', '--timeout=120s'], kubeconfig)
          : await kubectl(['rollout', 'status', 'deployment/bench', '--timeout=120s'], kubeconfig);
      if (waited.code !== 0) throw new Error(`kubectl wait failed: ${waited.stderr}`);
      add(`kubectl-${kind}`, performance.now() - start);
      await kubectl(['delete', '--wait=true', '--grace-period=0', '-f', files[kind]!], kubeconfig);
      await gone();
    }
    const started = await run(process.execPath, ['electron/cli/bin.mjs', '--version'], env);
    add('startup', started.ms);
    log(`round ${round + 1}/${ROUNDS}: ${Object.entries(samples).map(([k, v]) => `${k} ${v.at(-1)!.toFixed(0)} ms`).join(', ')}`);
  }
  const metric = (key: string, name: string): Metric => {
    const s = summarize(samples[key]!);
    return { name, value: Math.round(s.median), unit: 'ms', detail: detail(s, 0) };
  };
  const peer = (key: string, name: string): Metric[] => (noKubectl ? [] : [metric(key, name)]);
  return [
    metric('podwright-pod', 'podwright deploy (a Pod) until Ready, CLI process included'),
    metric('engine-pod', 'the same deploy in process (dry run, apply, watch until Ready), without the CLI start'),
    ...peer('kubectl-pod', `kubectl apply --server-side + kubectl wait --for=condition=Ready (a Pod) [${kubectlPath}]`),
    metric('podwright-deployment', 'podwright deploy --as deployment --replicas 3 until 3/3 ready, CLI process included'),
    metric('engine-deployment', 'the same deploy of 3 in process, without the CLI start'),
    ...peer('kubectl-deployment', 'kubectl apply --server-side + kubectl rollout status (Deployment of 3)'),
    metric('startup', 'reference: `podwright --version` (the CLI process start, from the built dist/cli)'),
  ];
}

/** Time from a Pod status change on the server to the container node showing it, over the app's watch. */
async function eventToCanvas(standIn: StandIn, kubeconfig: string, dir: string, log: (l: string) => void): Promise<Metric[]> {
  const served = await serveApp({ KUBECONFIG: kubeconfig, PODWRIGHT_CONFIG_DIR: join(dir, 'app-settings') });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page: Page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(served.url);
    await page.evaluate(() => localStorage.removeItem('podwright.autosave'));
    await page.getByRole('region', { name: 'Pod canvas' }).waitFor();
    await page.getByRole('tab', { name: 'YAML' }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(stringify(pod));
    await page.getByTestId('node-container:web').waitFor();
    await page.locator('option[value="kube:bench"]').waitFor({ state: 'attached' });
    await page.getByTestId('run-engine').selectOption('kube:bench');
    await page.getByTestId('kube-bar').waitFor();
    await page.getByTestId('run-start').click();
    await page.getByTestId('kube-apply').click();
    await page.locator('[data-testid="node-container:web"] [data-testid="run-status"][data-run-state="running"]').waitFor({ timeout: 60_000 });
    // The page notes when the node first shows each marker; the clock is the machine's, shared by both sides.
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { __seen: Record<string, number> }).__seen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="node-container:web"] [data-testid="run-status"]')?.textContent ?? '';
        const m = /Bench(\d+)/.exec(text);
        if (m && seen[m[1]!] === undefined) seen[m[1]!] = Date.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const pods = typeByKind('Pod')!;
    const latencies: number[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const live = standIn.store.get(pods, 'default', 'bench')!;
      const status = structuredClone(live.status) as { containerStatuses: { state: unknown }[] };
      status.containerStatuses[0]!.state = { waiting: { reason: `Bench${i}` } };
      const sent = Date.now();
      standIn.store.put(pods, { ...live, status } as typeof live);
      let shown: number | undefined;
      for (let w = 0; w < 400 && shown === undefined; w++) {
        await new Promise((r) => setTimeout(r, 5));
        shown = await page.evaluate((n) => (window as unknown as { __seen: Record<string, number> }).__seen[String(n)], i);
      }
      if (shown === undefined) throw new Error(`the canvas never showed event ${i}`);
      latencies.push(shown - sent);
    }
    const s = summarize(latencies);
    log(`watch event → canvas: median ${s.median} ms, p95 ${s.p95} ms`);
    await run(process.execPath, ['electron/cli/bin.mjs', 'undeploy', 'bench', '--context', 'bench', '--grace', '0'], { KUBECONFIG: kubeconfig });
    return [{ name: 'watch event on the server → container status on the canvas', value: s.median, unit: 'ms', goal: { value: 100, better: 'lower' }, detail: detail(s, 0) }];
  } finally {
    await browser.close();
    await stopApp(served);
  }
}

const bench: Benchmark = {
  id: 'cluster',
  title: 'A design on a cluster (stand-in API server): podwright deploy vs kubectl apply + wait, and watch event → canvas',
  issue: 18,
  async run(ctx) {
    const standIn = await StandIn.start({ timing: { scheduleMs: 30, createMs: 150 } });
    const dir = mkdtempSync(join(tmpdir(), 'podwright-bench-kube-'));
    const kubeconfig = writeKubeconfig(standIn, { contexts: [{ context: 'bench', user: 'admin', auth: 'token', namespace: 'default' }] }, dir, 'config');
    try {
      // The peer needs kubectl; without it Podwright's side still runs, and the results say the peer was skipped.
      const noKubectl = await kubectlMissing();
      if (noKubectl) ctx.log(`the kubectl peer is skipped: ${noKubectl}`);
      const metrics = await sideBySide(standIn, kubeconfig, dir, ctx.log, noKubectl);
      if (noKubectl) metrics[0] = { ...metrics[0]!, detail: `${metrics[0]!.detail ?? ''}; kubectl peer skipped: ${noKubectl}` };
      if (!existsSync(chromiumPath) || !existsSync('dist/renderer/index.html')) ctx.log('skipping watch → canvas: no Chromium or renderer build');
      else metrics.push(...(await eventToCanvas(standIn, kubeconfig, dir, ctx.log)));
      return metrics;
    } finally {
      await standIn.close();
    }
  },
};

export default bench;
