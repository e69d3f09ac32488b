// The CLI on a cluster, as a user runs it: deploy (dry run, apply, status until ready), ps, logs, exec and undeploy
// with --context/--namespace, against the strict stand-in; exit codes 0 / 1 / 2 as kubectl users expect.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import {
  defaultNodes,
  kubectl,
  requireKubectl,
  StandIn,
  typeByKind,
  writeKubeconfig,
} from '../../engines/kube/testing';

// Each case runs the CLI several times (a Node process each); the shared machine can make that slow.
vi.setConfig({ testTimeout: 180_000 });

let standIn: StandIn;
let kubeconfig: string;
let dir: string;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Result> {
  return watchedCli(undefined, ...args);
}

/** Runs the CLI; `onStdout` sees its output as it comes. */
function watchedCli(onStdout: ((text: string) => void) | undefined, ...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['electron/cli/bin.mjs', ...args],
      { env: { ...process.env, KUBECONFIG: kubeconfig, NO_COLOR: '1', PODWRIGHT_CONFIG_DIR: dir }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number((error as { code?: number }).code ?? 1) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        }),
    );
    if (onStdout) child.stdout?.on('data', (chunk: Buffer | string) => onStdout(String(chunk)));
  });
}

beforeAll(async () => {
  standIn = await StandIn.start({
    namespaces: ['default', 'team-a', 'quota'],
    // A crashing container's runs last long enough to read the previous one while it is still the previous one.
    timing: { logIntervalMs: 100, crashAfterMs: 5000 },
    quotas: [{ namespace: 'quota', name: 'small', pods: 1 }],
  });
  dir = mkdtempSync(join(tmpdir(), 'podwright-cli-kube-'));
  kubeconfig = writeKubeconfig(
    standIn,
    {
      contexts: [
        { context: 'lab', user: 'admin', auth: 'token', namespace: 'team-a' },
        { context: 'other', user: 'admin', auth: 'token' },
      ],
      current: 'other',
    },
    dir,
    'config',
  );
});

afterAll(async () => {
  await standIn?.close();
});

const example = 'assets/examples/helloworld.pod.yaml';

// Each case builds on the one before and checks with kubectl: under CI a missing kubectl fails, elsewhere they skip.
const noKubectl = await requireKubectl();

describe.skipIf(noKubectl)(`podwright deploy${noKubectl ? ` (skipped: ${noKubectl})` : ''}`, () => {
  it('deploys helloworld as a Deployment of 3 replicas and waits until they are ready', async () => {
    const r = await cli('deploy', example, '--context', 'lab', '--as', 'deployment', '--replicas', '3');
    expect(r.stderr).toContain('Deploying Deployment helloworld (3 replicas) to context lab');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Dry run on the server (dryRun=All): accepted');
    expect(r.stdout).toContain('service/helloworld created (server-side apply, field manager podwright)');
    expect(r.stdout).toContain('deployment.apps/helloworld created');
    expect(r.stdout).toMatch(/Deployment helloworld \(namespace team-a\): 3\/3 ready, Running/);
    expect(r.stdout).toMatch(/Deployment helloworld \(namespace team-a\): 0\/3 ready, Pending/);
    const pods = await kubectl(
      ['get', 'pods', '-n', 'team-a', '-l', 'dev.podwright.design=helloworld', '-o', 'name'],
      kubeconfig,
    );
    expect(pods.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('lists it with ps, merges its three replicas in logs, and runs a command in one with exec', async () => {
    const ps = await cli('ps', '--context', 'lab');
    expect(ps.code).toBe(0);
    expect(ps.stdout).toMatch(/Deployment helloworld \(namespace team-a\): 3\/3 ready/);
    expect(ps.stdout.match(/^ {2}helloworld-\S+ {2}Running/gm)).toHaveLength(3);
    const logs = await cli('logs', 'helloworld', '--context', 'lab', '-c', 'main');
    expect(logs.code, logs.stderr).toBe(0);
    const prefixes = new Set([...logs.stdout.matchAll(/^\[(\w+)\/main\] hello world$/gm)].map((m) => m[1]));
    expect(prefixes.size).toBe(3);
    const host = await cli('exec', 'helloworld', '--context', 'lab', '-c', 'main', '--', 'hostname');
    expect(host.code).toBe(0);
    expect(host.stdout.trim()).toMatch(/^helloworld-[a-z0-9]+-[a-z0-9]{5}$/);
    const failing = await cli('exec', host.stdout.trim(), '--context', 'lab', '-c', 'main', '--', 'sh', '-c', 'exit 3');
    expect(failing.code).toBe(3);
  });

  it('shows the diff of a change in the dry run and applies nothing with --dry-run', async () => {
    const r = await cli('deploy', example, '--context', 'lab', '--as', 'deployment', '--replicas', '2', '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('deployment/helloworld: update');
    expect(r.stdout).toMatch(/^ {4}- {3}replicas: 3$/m);
    expect(r.stdout).toMatch(/^ {4}\+ {3}replicas: 2$/m);
    const live = await kubectl(
      ['get', 'deployment', 'helloworld', '-n', 'team-a', '-o', 'jsonpath={.spec.replicas}'],
      kubeconfig,
    );
    expect(live.stdout).toBe('3');
  });

  it('undeploys, leaving nothing labelled for the design', async () => {
    const r = await cli('undeploy', example, '--context', 'lab');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Deleted helloworld from context lab .*: 2 objects, 3 Pods gone/);
    const left = await kubectl(
      [
        'get',
        'deployments,replicasets,pods,services',
        '-n',
        'team-a',
        '-l',
        'dev.podwright.design=helloworld',
        '-o',
        'name',
      ],
      kubeconfig,
    );
    expect(left.stdout.trim()).toBe('');
  });

  it('deploys the Deployment a file draws, with its replicas, and the Services that select its Pod, as export writes them', async () => {
    const file = join(dir, 'web.yaml');
    const container = {
      name: 'api',
      image: 'busybox:1.36',
      command: ['sh', '-c', 'sleep 3600'],
      ports: [{ name: 'http', containerPort: 80 }],
    };
    const service = (name: string, app: string) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name },
      spec: { selector: { app }, ports: [{ port: 80, targetPort: 'http' }] },
    });
    writeFileSync(
      file,
      [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web' },
          spec: {
            replicas: 2,
            selector: { matchLabels: { app: 'web' } },
            template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } },
          },
        },
        service('web', 'web'),
        service('elsewhere', 'other'),
      ]
        .map((o) => stringify(o))
        .join('---\n'),
    );
    const r = await cli('deploy', file, '--context', 'lab');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Deploying Deployment web (2 replicas) to context lab');
    expect(r.stdout).toContain('service/web created');
    expect(r.stdout).toContain('note: Service "elsewhere" does not select this Pod, so it was not applied with it.');
    expect(r.stdout).not.toContain('service/elsewhere');
    const services = await kubectl(
      ['get', 'services', '-n', 'team-a', '-l', 'dev.podwright.design=web', '-o', 'name'],
      kubeconfig,
    );
    expect(services.stdout.trim()).toBe('service/web');
    const selector = await kubectl(
      ['get', 'deployment', 'web', '-n', 'team-a', '-o', 'jsonpath={.spec.replicas} {.spec.selector.matchLabels}'],
      kubeconfig,
    );
    expect(selector.stdout).toBe('2 {"app":"web"}');
    // --replicas replaces the drawn count; with --as pod it contradicts itself.
    const more = await cli('deploy', file, '--context', 'lab', '--replicas', '3', '--dry-run');
    expect(more.code, more.stderr).toBe(0);
    expect(more.stdout).toMatch(/^ {4}\+ {3}replicas: 3$/m);
    const both = await cli('deploy', file, '--context', 'lab', '--as', 'pod', '--replicas', '3');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--as pod runs one bare Pod');
    expect((await cli('undeploy', file, '--context', 'lab')).code).toBe(0);
    const left = await kubectl(
      ['get', 'deployments,replicasets,pods,services', '-n', 'team-a', '-l', 'dev.podwright.design=web', '-o', 'name'],
      kubeconfig,
    );
    expect(left.stdout.trim()).toBe('');
  });

  it('runs a bare Pod as a Deployment when --replicas alone asks for replicas', async () => {
    const pod = join(dir, 'solo.yaml');
    writeFileSync(
      pod,
      stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'solo' },
        spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }] },
      }),
    );
    const r = await cli('deploy', pod, '--context', 'lab', '--replicas', '2', '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Deploying Deployment solo (2 replicas)');
    expect(r.stdout).toContain('deployment/solo: create');
  });

  it("exits 1 when the server refuses the design or a replica cannot be scheduled, in the server's words", async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(
      broken,
      stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'broken' },
        spec: { containers: [{ name: 'App_1', image: 'busybox:1.36' }] },
      }),
    );
    const refused = await cli('deploy', broken, '--context', 'lab');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'Pod broken spec.containers[0].name: spec.containers[0].name: Invalid value: "App_1"',
    );
    expect(refused.stderr).toContain('nothing was applied');
    const big = join(dir, 'big.yaml');
    writeFileSync(
      big,
      stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'big' },
        spec: { containers: [{ name: 'app', image: 'busybox:1.36', resources: { requests: { memory: '64Gi' } } }] },
      }),
    );
    // No node will ever have room, but the CLI cannot know that (an autoscaler may add one): it waits, as kubectl
    // rollout status does, and names the reason when the time is up.
    const stuck = await cli('deploy', big, '--context', 'lab', '--timeout', '3');
    expect(stuck.code).toBe(1);
    expect(stuck.stderr).toContain(
      'podwright: Not ready after 3 s: Pod big cannot be scheduled: 0/3 nodes are available: 3 Insufficient memory.',
    );
    expect((await cli('undeploy', 'big', '--context', 'lab')).code).toBe(0);
  });

  /** Fresh nodes carry the not-ready taint until the node lifecycle controller lifts it (setNodes(defaultNodes)). */
  const nodesNotReady = (): void => {
    const notReady = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' as const };
    standIn.simulation.setNodes(defaultNodes.map((n) => ({ ...n, taints: [notReady] })));
  };

  /** A file drawing one bare Pod `name` whose container sleeps, and its path. */
  const sleeperFile = (name: string): string => {
    const pod = join(dir, `${name}.yaml`);
    writeFileSync(
      pod,
      stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name },
        spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }] },
      }),
    );
    return pod;
  };

  it("waits while fresh nodes are not ready yet, showing the scheduler's words once, and runs once they are", async () => {
    // kube-scheduler 1.34.2's words for it.
    nodesNotReady();
    const pod = sleeperFile('early');
    const words =
      '0/3 nodes are available: 3 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    try {
      let seen = '';
      const deploying = watchedCli((text) => (seen += text), 'deploy', pod, '--context', 'lab');
      // Lifted only once the CLI has shown why it waits, and has gone on waiting a while.
      for (let i = 0; !seen.includes(`unschedulable: ${words}`); i++) {
        expect(i, `never shown as unschedulable: ${seen}`).toBeLessThan(600);
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 1000));
      standIn.simulation.setNodes(defaultNodes);
      const r = await deploying;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split(`    unschedulable: ${words}\n`).length - 1, r.stdout).toBe(1);
      expect(r.stdout).toMatch(/Pod early \(namespace team-a\): Running/);
    } finally {
      standIn.simulation.setNodes(defaultNodes);
    }
    expect((await cli('undeploy', 'early', '--context', 'lab')).code).toBe(0);
  });

  it('Ctrl+C while deploy waits ends the wait only: exit 130, the Pod stays applied, no timeout words', async () => {
    nodesNotReady();
    const pod = sleeperFile('waited');
    try {
      let seen = '';
      const child = spawn(process.execPath, ['electron/cli/bin.mjs', 'deploy', pod, '--context', 'lab'], {
        env: { ...process.env, KUBECONFIG: kubeconfig, NO_COLOR: '1', PODWRIGHT_CONFIG_DIR: dir },
      });
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (seen += String(chunk)));
      child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
      const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      for (let i = 0; !seen.includes('unschedulable:'); i++) {
        expect(i, `never shown as unschedulable: ${seen}`).toBeLessThan(600);
        await new Promise((r) => setTimeout(r, 100));
      }
      child.kill('SIGINT');
      expect(await ended, stderr).toBe(130);
      expect(stderr).toContain(
        'stopped waiting at Ctrl+C; waited stays applied (podwright undeploy waited removes it)',
      );
      expect(stderr).not.toContain('Not ready after');
    } finally {
      standIn.simulation.setNodes(defaultNodes);
    }
    // It is still there to remove.
    const gone = await cli('undeploy', 'waited', '--context', 'lab');
    expect(gone.code, gone.stderr).toBe(0);
    expect(gone.stdout).toMatch(/waited/);
  });

  it('exits 1 with the quota in its words when a Deployment cannot make its Pods', async () => {
    // A real cluster accepts the Deployment (its dry run too); the ReplicaSet's Pods are what the quota refuses, and
    // the Deployment's ReplicaFailure condition says so (kube-apiserver and controller manager 1.34.2).
    const stuck = await cli('deploy', example, '--context', 'lab', '-n', 'quota', '--replicas', '2', '--timeout', '20');
    expect(stuck.code).toBe(1);
    expect(stuck.stderr).toMatch(
      /Deployment helloworld cannot make its Pods: pods "helloworld-[a-z0-9]+-[a-z0-9]+" is forbidden: exceeded quota: small, requested: pods=1, used: pods=1, limited: pods=1/,
    );
    expect((await cli('undeploy', 'helloworld', '--context', 'lab', '-n', 'quota')).code).toBe(0);
  });

  it("marks a run whose log its node no longer has, in Podwright's words, not as a line the container printed", async () => {
    const pod = join(dir, 'replaced.yaml');
    writeFileSync(
      pod,
      stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'replaced' },
        spec: {
          containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo before the crash; exit 7'] }],
        },
      }),
    );
    expect((await cli('deploy', pod, '--context', 'lab')).code).toBe(0);
    const status = (): { restartCount?: number; state?: { running?: unknown } } | undefined =>
      (
        standIn.store.get(typeByKind('Pod')!, 'team-a', 'replaced')?.status as {
          containerStatuses?: { restartCount?: number; state?: { running?: unknown } }[];
        }
      )?.containerStatuses?.[0];
    for (let i = 0; !((status()?.restartCount ?? 0) >= 1 && status()?.state?.running); i++) {
      expect(i, 'never restarted').toBeLessThan(300);
      await new Promise((r) => setTimeout(r, 100));
    }
    // The runtime removed the crashed run's container: the kubelet answers its own line for `previous`.
    standIn.simulation.removePreviousRun('team-a', 'replaced', 'app');
    const logs = await cli('logs', 'replaced', '--context', 'lab');
    expect(logs.code, logs.stderr).toBe(0);
    expect(logs.stdout).not.toContain('unable to retrieve container logs');
    expect(logs.stdout).toMatch(
      /^\[replaced\/app\] --- this run's log is gone \(its node removed the container\) ---\n\[replaced\/app\] --- exited with code 7 ---\n\[replaced\/app\] --- restarted \(attempt 2\) ---\n\[replaced\/app\] before the crash\n/,
    );
    expect((await cli('undeploy', 'replaced', '--context', 'lab', '--grace', '0')).code).toBe(0);
  });

  it('uses the current context and the namespace it names when --context is left out', async () => {
    const pod = join(dir, 'tiny.yaml');
    writeFileSync(
      pod,
      stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'tiny' },
        spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] },
      }),
    );
    const r = await cli('deploy', pod);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('to context other');
    expect(r.stdout).toContain('Pod tiny (namespace default): Running');
    expect((await cli('undeploy', 'tiny')).code).toBe(0);
  });

  it('exits 2 for usage and unreadable input', async () => {
    expect((await cli('deploy', example, '--as', 'statefulset')).code).toBe(2);
    expect((await cli('deploy', example, '--replicas', 'many')).code).toBe(2);
    const missing = await cli('deploy', join(dir, 'nope.yaml'));
    expect(missing.code).toBe(2);
    const context = await cli('deploy', example, '--context', 'nowhere');
    expect(context.code).toBe(2);
    expect(context.stderr).toContain('The kubeconfig has no context "nowhere" (it has: lab, other)');
    expect((await cli('deploy', example, '--frobnicate')).code).toBe(2);
  });
});
