// Live status from watches: each replica Pending → Running, ready "3/3", the scheduler's words when nodes are full,
// an unpullable image, a crash loop with its last exit code; watches that resume from their resourceVersion after a
// dropped connection and list again after 410 Gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PodSnapshot } from '../../../../shared/api/contract';
import { StandIn } from '../testing';
import { typeByKind } from '../testing/resources';
import { clusterOn, eventually, exampleDocuments, type Fixture } from '../testing/fixtures';
import { watchRuns, type RunEvent } from './runs';
import type { WatchCounters } from './list-watch';

let standIn: StandIn;
let fx: Fixture;

beforeAll(async () => {
  standIn = await StandIn.start({ unpullable: ['example.com/missing:1'], bookmarkMs: 100 });
  fx = clusterOn(standIn);
});

afterAll(async () => {
  fx?.engine.close();
  await standIn?.close();
});

/** Follows the namespace's runs; `latest` keeps each run's last snapshot, `seen` every snapshot in order. */
function follow(name?: string): { latest: Map<string, PodSnapshot>; seen: PodSnapshot[]; events: RunEvent[]; counters: { pods: WatchCounters; deployments: WatchCounters }; stop: () => void } {
  const latest = new Map<string, PodSnapshot>();
  const seen: PodSnapshot[] = [];
  const events: RunEvent[] = [];
  const zero = (): WatchCounters => ({ lists: 0, watches: 0, bookmarks: 0, expired: 0, errors: 0 });
  const counters = { pods: zero(), deployments: zero() };
  const abort = new AbortController();
  void watchRuns(
    fx.engine.cluster,
    'default',
    (e) => {
      events.push(e);
      if (e.kind === 'status') {
        latest.set(e.pod.name, e.pod);
        seen.push(e.pod);
      } else latest.delete(e.name);
    },
    abort.signal,
    { name, counters },
  );
  return { latest, seen, events, counters, stop: () => abort.abort() };
}

function docs(name: string, containers: Record<string, unknown>[]): Record<string, unknown>[] {
  return [{ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name } }, spec: { containers } }];
}

describe('status from watches', () => {
  it('shows each replica going Pending → Running and the ready count reaching 3/3', async () => {
    const w = follow('helloworld');
    await fx.engine.deployer.apply(fx.engine.plan({ documents: exampleDocuments(), design: 'hello', as: 'deployment', replicas: 3 }));
    const done = await eventually(() => w.latest.get('helloworld'), (s) => s?.workload?.ready === 3);
    expect(done!.phase).toBe('Running');
    expect(done!.replicas).toHaveLength(3);
    expect(done!.replicas!.every((r) => r.phase === 'Running' && r.node && r.podIP)).toBe(true);
    expect(done!.containers.map((c) => `${c.name}:${c.state.state}`)).toEqual(['api:running', 'main:running', 'log:running', 'compute:running']);
    // On the way: every replica was seen Pending (waiting in ContainerCreating) before it ran.
    for (const replica of done!.replicas!) {
      const states = w.seen.flatMap((s) => s.replicas?.filter((r) => r.name === replica.name).map((r) => r.phase) ?? []);
      expect(states[0]).toBe('Pending');
      expect(states.at(-1)).toBe('Running');
    }
    expect(w.seen.some((s) => s.containers.some((c) => c.state.state === 'waiting' && c.state.reason === 'ContainerCreating'))).toBe(true);
    const counts = w.seen.map((s) => s.workload?.ready ?? 0);
    expect(counts).toContain(0);
    expect(Math.max(...counts)).toBe(3);
    w.stop();
    await fx.engine.deployer.down('default', 'helloworld', { graceSeconds: 0 });
  });

  it("says why a replica cannot be scheduled, in the scheduler's words", async () => {
    const w = follow('big');
    const big = { name: 'app', image: 'busybox:1.36', resources: { requests: { memory: '3Gi' } } };
    await fx.engine.deployer.apply(fx.engine.plan({ documents: docs('big', [big]), design: 'big', as: 'deployment', replicas: 4 }));
    // Three 4Gi nodes take one 3Gi replica each; the fourth waits.
    const stuck = await eventually(() => w.latest.get('big'), (s) => (s?.replicas ?? []).filter((r) => r.phase === 'Running').length === 3 && (s?.replicas ?? []).length === 4);
    const pending = stuck!.replicas!.find((r) => r.phase === 'Pending')!;
    const message = pending.conditions!.find((c) => c.type === 'PodScheduled')!.message;
    expect(message).toBe('0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.');
    expect(pending.containers[0]!.state).toMatchObject({ state: 'waiting', reason: 'Unschedulable', message });
    // The canvas shows the container from the replica that needs attention: the unschedulable one.
    expect(stuck!.containers[0]!.state).toMatchObject({ reason: 'Unschedulable' });
    expect(stuck!.phase).toBe('Pending');
    expect(stuck!.workload).toMatchObject({ replicas: 4, ready: 3 });
    w.stop();
    await fx.engine.deployer.down('default', 'big', { graceSeconds: 0 });
  });

  it('shows an image the nodes cannot pull, and a crash loop with its last exit code', async () => {
    const w = follow();
    await fx.engine.deployer.apply(fx.engine.plan({ documents: docs('nopull', [{ name: 'app', image: 'example.com/missing:1' }]), design: 'nopull' }));
    await fx.engine.deployer.apply(
      fx.engine.plan({ documents: docs('crash', [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo starting; exit 3'] }]), design: 'crash' }),
    );
    const reasons = await eventually(
      () => w.seen.filter((s) => s.name === 'nopull').map((s) => (s.containers[0]!.state.state === 'waiting' ? s.containers[0]!.state.reason : '')),
      (r) => r.includes('ErrImagePull') && r.includes('ImagePullBackOff'),
    );
    expect(reasons).toContain('ImagePullBackOff');
    expect(w.latest.get('nopull')!.containers[0]!.state).toMatchObject({ state: 'waiting', message: expect.stringContaining('example.com/missing:1') });
    const crashed = await eventually(() => w.latest.get('crash'), (s) => s?.containers[0]?.state.state === 'waiting' && s.containers[0].state.reason === 'CrashLoopBackOff' && s.containers[0].restartCount >= 1);
    expect(crashed!.containers[0]!.lastTerminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    w.stop();
    await fx.engine.deployer.down('default', 'nopull', { graceSeconds: 0 });
    await fx.engine.deployer.down('default', 'crash', { graceSeconds: 0 });
  });
});

describe('watches that survive', () => {
  it('resume from their resourceVersion after a dropped connection, without listing again', async () => {
    const w = follow('steady');
    await eventually(() => standIn.openStreams, (n) => n >= 2);
    const lists = w.counters.pods.lists;
    expect(standIn.dropWatches()).toBeGreaterThan(0);
    await fx.engine.deployer.apply(fx.engine.plan({ documents: docs('steady', [{ name: 'app', image: 'busybox:1.36' }]), design: 'steady' }));
    await eventually(() => w.latest.get('steady'), (s) => s?.phase === 'Running');
    expect(w.counters.pods.watches).toBeGreaterThan(1);
    expect(w.counters.pods.lists).toBe(lists);
    // Bookmarks moved the resourceVersion on while nothing happened.
    await eventually(() => w.counters.pods.bookmarks, (n) => n > 0);
    w.stop();
  });

  it('list again after 410 Gone, and still see what happens next', async () => {
    const w = follow('steady');
    await eventually(() => w.latest.get('steady'), (s) => s?.phase === 'Running');
    await eventually(() => standIn.openStreams, (n) => n >= 2);
    const lists = w.counters.pods.lists;
    // The connection drops, the cluster moves on, and the server forgets its history (an etcd compaction): resuming
    // from the resourceVersion the watch had is Gone, so it lists again.
    standIn.dropWatches();
    standIn.store.put(typeByKind('ConfigMap')!, { metadata: { name: 'moved-on', namespace: 'default' }, data: {} });
    standIn.store.compact();
    await eventually(() => w.counters.pods.expired, (n) => n >= 1);
    await eventually(() => w.counters.pods.lists, (n) => n > lists);
    await fx.engine.deployer.down('default', 'steady', { graceSeconds: 0 });
    await eventually(() => w.latest.has('steady'), (has) => !has);
    expect(w.events.at(-1)).toEqual({ kind: 'removed', name: 'steady', namespace: 'default' });
    w.stop();
  });
});

describe('the engine in use changes', () => {
  it("ends the old engine's status subscriptions, so the UI opens new ones", async () => {
    const other = clusterOn(standIn);
    const ended = other.engine.watch({}, () => undefined, new AbortController().signal).then(() => 'ended');
    other.engine.close();
    expect(await Promise.race([ended, new Promise((r) => setTimeout(() => r('still open'), 2000))])).toBe('ended');
  });
});

