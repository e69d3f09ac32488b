// Journeys on a Kubernetes cluster (issue 18), through the browser host against the strict stand-in API server: pick a
// context and namespace; wrap helloworld in a Deployment on the canvas, type 3 replicas on its group and draw a Service
// to its port with the mouse, and run that design (the Deployment and Service as drawn); the dry run's verdict; each
// replica Pending → Running on the nodes; merged logs of the three replicas; a terminal in one replica; a replica the
// scheduler cannot place, in its words, with the count typed in the cluster bar; a webhook's refusal in the dry run;
// Down leaves nothing labelled. Typed text is typed a key at a time, clicks are the mouse's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ClusterEngine, loadKubeconfig } from '../electron/engines/kube';
import { defaultNodes, StandIn, typeByKind, writeKubeconfig } from '../electron/engines/kube/testing';
import { downRunningPod, expect, openApp, serveApp, shot, stopApp, test, type ServedApp, typeYaml } from './fixtures';
import { addConnectedService, command, openExample, typeInto } from './workloads-support';

let standIn: StandIn;
let served: ServedApp;
let kubeconfig: string;

test.beforeAll(async () => {
  standIn = await StandIn.start({
    namespaces: ['default', 'team-a', 'guarded'],
    // Slow enough to see each replica wait and start, quick enough for a journey.
    // A crashing container's runs last long enough to attach to it while its previous run is still the previous one.
    timing: { scheduleMs: 300, createMs: 1200, logIntervalMs: 400, crashAfterMs: 8000 },
    denials: [
      {
        webhook: 'images.policy.example.com',
        kind: 'Deployment',
        namespace: 'guarded',
        message: 'images must come from registry.example.com',
      },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'podwright-e2e-kube-'));
  kubeconfig = writeKubeconfig(
    standIn,
    {
      contexts: [
        { context: 'lab', user: 'admin', auth: 'token', namespace: 'team-a' },
        { context: 'shared-readonly', user: 'alice', auth: 'certificate', insecure: true, namespace: 'default' },
      ],
      current: 'lab',
    },
    dir,
    'config',
  );
  served = await serveApp({ KUBECONFIG: kubeconfig, PODWRIGHT_CONFIG_DIR: join(dir, 'settings') });
});

test.afterEach(() => {
  if (process.env.STANDIN_DEBUG)
    for (const p of standIn.store.list(typeByKind('Pod')!, undefined))
      console.log(
        'POD',
        JSON.stringify((p.metadata as { name: string }).name),
        JSON.stringify((p.spec as { nodeName?: string }).nodeName),
        JSON.stringify((p.status as { phase?: string; conditions?: unknown }).conditions),
        JSON.stringify((p.metadata as Record<string, unknown>).deletionTimestamp),
      );
  // The stand-in's own simulation must not have failed under the journey.
  expect(standIn.simulation.errors).toEqual([]);
});

test.afterAll(async () => {
  if (served) await stopApp(served);
  await standIn?.close();
});

test.beforeEach(() => test.setTimeout(120_000));

/** How many objects on the cluster carry Podwright's labels for the run `name` (what Down must leave at zero). */
const labelled = (name: string): number =>
  ['Deployment', 'ReplicaSet', 'Pod', 'Service', 'ConfigMap']
    .map(
      (kind) =>
        standIn.store.list(typeByKind(kind)!, undefined, (o) => {
          const labels = (o.metadata as { labels?: Record<string, string> }).labels ?? {};
          return labels['app.kubernetes.io/managed-by'] === 'podwright' && labels['dev.podwright.pod'] === name;
        }).length,
    )
    .reduce((a, b) => a + b, 0);

async function loadExample(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Examples' })
    .locator('.example strong')
    .getByText(title, { exact: true })
    .click();
  await expect(page.getByRole('dialog', { name: 'Examples' })).toBeHidden();
}

/**
 * Records, in the page, every state each replica's dot on a container node shows (from before the apply), so a journey
 * can check each replica was seen waiting before it ran, however fast it went.
 */
async function recordDots(page: Page, container: string): Promise<void> {
  await page.evaluate((id) => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { __dots: Record<string, string[]> }).__dots = seen;
    const look = (): void => {
      for (const dot of document.querySelectorAll(`[data-testid="node-container:${id}"] [data-testid="replica-dot"]`)) {
        const replica = dot.getAttribute('data-replica') ?? '';
        const state = `${dot.getAttribute('data-state')}:${dot.getAttribute('data-reason')}`;
        const list = (seen[replica] ??= []);
        if (list[list.length - 1] !== state) list.push(state);
      }
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state', 'data-reason'],
    });
  }, container);
}

/** Picks the context as the engine, and the namespace. */
async function pickCluster(page: Page, context: string, namespace: string): Promise<void> {
  const picker = page.getByTestId('run-engine');
  await expect(picker.locator(`option[value="kube:${context}"]`)).toContainText('Kubernetes v1.34.1');
  await picker.selectOption(`kube:${context}`);
  await expect(page.getByTestId('kube-bar')).toBeVisible();
  // The user may list namespaces here, so the field is a list to pick from.
  const ns = page.locator('select[data-testid="kube-namespace"]');
  await expect(ns.locator(`option[value="${namespace}"]`)).toHaveCount(1);
  await ns.selectOption(namespace);
  await expect(ns).toHaveValue(namespace);
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ok');
}

test('pick a context and namespace, wrap helloworld in a Deployment of 3 replicas with a Service on the canvas, run it, follow them, read their logs, open a terminal, Down', async ({
  page,
}) => {
  await openExample(page, served.url, 'Hello world: four containers', 'node-container:api');
  // Every context is listed beside the container engines: reachability, version, namespace, the insecure marker.
  const options = page.getByTestId('kube-context-option');
  await expect(options).toHaveCount(2);
  await expect(page.locator('option[value="kube:shared-readonly"]')).toContainText('insecure');
  await pickCluster(page, 'lab', 'team-a');
  await expect(page.getByTestId('kube-may-create')).toHaveAttribute('data-allowed', 'true');
  // A bare Pod runs as a Pod, and the cluster bar offers to wrap it.
  await expect(page.getByTestId('kube-run-as')).toHaveAttribute('data-as', 'pod');
  await expect(page.getByTestId('kube-wrap')).toBeVisible();

  // On the canvas: wrap the Pod in a Deployment, type 3 replicas on its group, and draw a Service to its named port.
  await command(page, 'Wrap in a Deployment');
  const group = page.getByTestId('node-pod');
  await typeInto(page, group.getByTestId('replicas-on-group'), '3');
  await expect(group.getByTestId('replicas-on-group')).toHaveValue('3');
  // The cluster bar shows the design's own count: there is one.
  await expect(page.getByTestId('kube-run-as')).toHaveAttribute('data-as', 'deployment');
  await expect(page.getByTestId('kube-replicas')).toHaveValue('3');
  const service = await addConnectedService(page, 'api');
  await expect(service.getByTestId('service-selector')).toHaveText('selects app=helloworld');

  // Run: the server's dry run comes first, with what it would create.
  await page.getByTestId('run-start').click();
  const preview = page.getByTestId('kube-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByTestId('kube-verdict')).toHaveAttribute('data-accepted', 'true');
  await expect(preview.getByTestId('kube-preview-object')).toHaveCount(2);
  await expect(preview.locator('[data-kind="Deployment"]')).toHaveAttribute('data-action', 'create');
  await expect(preview.locator('[data-kind="Service"]')).toHaveAttribute('data-action', 'create');
  await expect(preview.locator('[data-kind="Service"]')).toContainText('my-service');
  expect(labelled('helloworld')).toBe(0);
  await shot(page, 'cluster-dry-run-light-en.png');
  await recordDots(page, 'main');
  await preview.getByTestId('kube-apply').click();

  // Each replica shows on the container nodes, first waiting, then running; the ready count reaches 3/3.
  const dots = page.getByTestId('node-container:main').getByTestId('replica-dot');
  await expect(dots).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByTestId('kube-ready')).toHaveAttribute('data-ready', '3', { timeout: 30_000 });
  await expect(
    page.getByTestId('node-container:main').locator('[data-testid="replica-dot"][data-state="running"]'),
  ).toHaveCount(3);
  const seen = await page.evaluate(() => (window as unknown as { __dots: Record<string, string[]> }).__dots);
  expect(Object.keys(seen)).toHaveLength(3);
  for (const states of Object.values(seen)) {
    expect(states[0]).toMatch(/^waiting:/);
    expect(states.at(-1)).toBe('running:Running');
  }
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'Running');
  expect(labelled('helloworld')).toBeGreaterThan(0);
  // What was applied is what was drawn: the Deployment's count, labels and selector, and the Service drawn.
  const [deployment] = standIn.store.list(
    typeByKind('Deployment')!,
    'team-a',
    (o) => (o.metadata as { name: string }).name === 'helloworld',
  );
  const spec = deployment!.spec as {
    replicas: number;
    selector: unknown;
    template: { metadata: { labels: Record<string, string> } };
  };
  expect(spec.replicas).toBe(3);
  expect(spec.selector).toEqual({ matchLabels: { app: 'helloworld' } });
  expect(spec.template.metadata.labels.app).toBe('helloworld');
  const services = standIn.store.list(
    typeByKind('Service')!,
    'team-a',
    (o) => ((o.metadata as { labels?: Record<string, string> }).labels ?? {})['dev.podwright.pod'] === 'helloworld',
  );
  expect(services.map((s) => (s.metadata as { name: string }).name)).toEqual(['my-service']);
  expect((services[0]!.spec as { selector: unknown; ports: unknown[] }).selector).toEqual({ app: 'helloworld' });
  expect((services[0]!.spec as { ports: { targetPort: unknown }[] }).ports[0]!.targetPort).toBe('http');

  // The merged log: lines of the three replicas, in one panel.
  await page.getByRole('tab', { name: 'Logs' }).click();
  await expect
    .poll(
      async () =>
        new Set(
          await page.getByTestId('log-line').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-replica'))),
        ).size,
      { timeout: 30_000 },
    )
    .toBe(3);
  await expect(page.getByTestId('log-line').first()).toContainText('hello world');
  await shot(page, 'cluster-running-light-en.png');

  // A terminal in one replica.
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await page.getByTestId('terminal-container').selectOption('main');
  const replica = await page.getByTestId('terminal-replica').locator('option').nth(1).getAttribute('value');
  await page.getByTestId('terminal-replica').selectOption(replica!);
  await typeInto(page, page.getByTestId('terminal-command'), 'sh');
  await page.getByTestId('terminal-start').click();
  await expect(page.getByTestId('terminal-screen')).toContainText('/ #', { timeout: 20_000 });
  await page.getByTestId('terminal-screen').click();
  await page.keyboard.type('hostname\r');
  await expect(page.getByTestId('terminal-screen')).toContainText(replica!);

  // Down removes everything Podwright applied for the design, and the canvas is a design again.
  await downRunningPod(page);
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design', { timeout: 60_000 });
  await expect.poll(() => labelled('helloworld'), { timeout: 30_000 }).toBe(0);
});

test('a replica the scheduler cannot place says so on the nodes, in its words', async ({ page }) => {
  await openApp(page, served.url);
  await typeYaml(
    page,
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: hungry',
      '  labels: {app: hungry}',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: busybox:1.36',
      "      command: ['sh', '-c', 'while true; do echo working; sleep 1; done']",
      '      resources:',
      '        requests: {memory: 3Gi}',
      '',
    ].join('\n'),
  );
  await expect(page.getByTestId('node-container:app')).toBeVisible();
  await pickCluster(page, 'lab', 'team-a');
  // The cluster bar's offer wraps the Pod on the canvas; the count typed there is the group's.
  await expect(page.getByTestId('kube-run-as')).toHaveAttribute('data-as', 'pod');
  await shot(page, 'cluster-bar-pod-light-en.png');
  await page.getByTestId('kube-wrap').click();
  await typeInto(page, page.getByTestId('kube-replicas'), '4');
  await expect(page.getByTestId('node-pod').getByTestId('replicas-on-group')).toHaveValue('4');
  await page.getByTestId('run-start').click();
  await page.getByTestId('kube-preview').getByTestId('kube-apply').click();
  // Three 4Gi nodes take three 3Gi replicas; the fourth waits, and the scheduler says why.
  const notice = page.getByTestId('kube-unschedulable');
  await expect(notice).toContainText('0/3 nodes are available: 3 Insufficient memory.', { timeout: 30_000 });
  await expect(
    page.getByTestId('node-container:app').locator('[data-testid="replica-dot"][data-reason="Unschedulable"]'),
  ).toHaveCount(1);
  await expect(page.getByTestId('kube-ready')).toHaveAttribute('data-ready', '3', { timeout: 30_000 });
  await expect(page.getByTestId('node-container:app').getByTestId('run-status')).toHaveAttribute(
    'data-run-state',
    'waiting',
  );
  await shot(page, 'cluster-unschedulable-light-en.png');
  await downRunningPod(page);
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design', { timeout: 60_000 });
  await expect.poll(() => labelled('hungry'), { timeout: 30_000 }).toBe(0);
});

test("a Pod waits while the nodes are not ready yet, the scheduler's words in the cluster bar, and runs once they are", async ({
  page,
}) => {
  // Fresh nodes carry the not-ready taint until the node lifecycle controller lifts it: no failure meanwhile.
  standIn.simulation.setNodes(
    defaultNodes.map((n) => ({
      ...n,
      taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' as const }],
    })),
  );
  try {
    await openApp(page, served.url);
    await typeYaml(
      page,
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: early',
        'spec:',
        '  containers:',
        '    - name: app',
        '      image: busybox:1.36',
        "      command: ['sh', '-c', 'while true; do echo working; sleep 1; done']",
        '',
      ].join('\n'),
    );
    await expect(page.getByTestId('node-container:app')).toBeVisible();
    await pickCluster(page, 'lab', 'team-a');
    await page.getByTestId('run-start').click();
    await page.getByTestId('kube-preview').getByTestId('kube-apply').click();
    const notice = page.getByTestId('kube-unschedulable');
    await expect(notice).toContainText('0/3 nodes are available: 3 node(s) had untolerated taint(s).', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'Pending');
    await shot(page, 'cluster-not-ready-light-en.png');
    // Still waiting a while later: nothing gave up on it.
    await page.waitForTimeout(1500);
    await expect(notice).toBeVisible();
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'Pending');
    standIn.simulation.setNodes(defaultNodes);
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'Running', { timeout: 30_000 });
    await expect(notice).toHaveCount(0);
    await downRunningPod(page);
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design', { timeout: 60_000 });
  } finally {
    standIn.simulation.setNodes(defaultNodes);
  }
  await expect.poll(() => labelled('early'), { timeout: 30_000 }).toBe(0);
});

for (const language of ['en', 'zh-CN'] as const)
  test(`attached to a run whose crashed run's log its node no longer has, the log panel says so as ours (${language})`, async ({
    page,
  }) => {
    // Left running from an earlier session; its container crashed once, and the runtime removed that run's container.
    const engine = ClusterEngine.fromKubeconfig(
      { context: 'lab', namespace: 'team-a' },
      loadKubeconfig({ KUBECONFIG: kubeconfig }),
    );
    const name = `replaced-${language === 'en' ? 'en' : 'zh'}`;
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: {
        containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo before the crash; exit 7'] }],
      },
    };
    try {
      await engine.deployer.apply(engine.plan({ documents: [pod], design: name }));
      await expect
        .poll(
          async () => {
            const c = (await engine.snapshot(name))?.containers[0];
            return (c?.restartCount ?? 0) >= 1 && c?.state.state === 'running';
          },
          { timeout: 30_000 },
        )
        .toBe(true);
      standIn.simulation.removePreviousRun('team-a', name, 'app');
    } finally {
      engine.close();
    }
    await openApp(page, served.url);
    if (language === 'zh-CN') await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await pickCluster(page, 'lab', 'team-a');
    const leftovers = page.getByTestId('run-leftovers');
    await leftovers.getByRole('button').first().click();
    await page.getByRole('dialog').locator(`li[data-pod="${name}"]`).getByRole('button').first().click();
    await page.getByRole('tab', { name: language === 'en' ? 'Logs' : '日志' }).click();
    const marker = page.getByTestId('log-line').filter({
      hasText: language === 'en' ? "this run's log is gone (its node removed the container)" : '这次运行的日志已不在',
    });
    await expect(marker).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByTestId('log-line').filter({ hasText: 'unable to retrieve' })).toHaveCount(0);
    await expect(page.getByTestId('log-line').filter({ hasText: 'before the crash' }).first()).toBeVisible();
    await shot(page, `cluster-log-gone-light-${language}.png`);
    await downRunningPod(page);
    await expect.poll(() => labelled(name), { timeout: 30_000 }).toBe(0);
  });

test("the dry run shows a webhook's refusal on the design, and nothing is applied", async ({ page }) => {
  await openApp(page, served.url);
  await loadExample(page, 'Hello world: four containers');
  await pickCluster(page, 'lab', 'guarded');
  await page.getByTestId('kube-wrap').click();
  await page.getByTestId('run-start').click();
  const preview = page.getByTestId('kube-preview');
  await expect(preview.getByTestId('kube-verdict')).toHaveAttribute('data-accepted', 'false', { timeout: 30_000 });
  await expect(preview.getByTestId('kube-problems')).toContainText('images must come from registry.example.com');
  await expect(preview.getByTestId('kube-apply')).toHaveCount(0);
  await preview.getByTestId('kube-preview-cancel').click();
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design');
  expect(standIn.store.list(typeByKind('Deployment')!, 'guarded')).toEqual([]);
});

test('the same run in Chinese', async ({ page }) => {
  await openApp(page, served.url);
  await loadExample(page, 'Hello world: four containers');
  await pickCluster(page, 'lab', 'team-a');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('combobox', { name: '语言' })).toBeVisible();
  await expect(page.getByTestId('kube-wrap')).toHaveText('包装为 Deployment');
  await page.getByTestId('kube-wrap').click();
  await typeInto(page, page.getByTestId('kube-replicas'), '3');
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('kube-preview')).toContainText('集群接受该设计', { timeout: 30_000 });
  await page.getByTestId('kube-apply').click();
  await expect(page.getByTestId('kube-ready')).toHaveText('3/3 就绪', { timeout: 30_000 });
  await page.getByRole('tab', { name: '日志' }).click();
  await expect(page.getByTestId('log-line').first()).toBeVisible({ timeout: 30_000 });
  await shot(page, 'cluster-running-light-zh-CN.png');
  await downRunningPod(page);
  await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'design', { timeout: 60_000 });
  await expect.poll(() => labelled('helloworld'), { timeout: 30_000 }).toBe(0);
});
