// The stand-in's control plane and nodes, simulated: a scheduler that fits Pods onto nodes by their requests and says
// why it cannot in the scheduler's words, a kubelet per Pod whose containers "run" on timers (pull, create, run, crash,
// back off, restart) and write log lines, a Deployment and ReplicaSet controller, and the garbage collector that
// follows ownerReferences. Nothing here runs a container: README.md lists what is simulated and what is not.
import { randomBytes } from 'node:crypto';
import { memoryBytes, milliCpu } from '../../../../shared/model/quantity';
import { canonical, isObject, type Json, type JsonObject } from './fields';
import { defaultPodSpec } from './objects';
import { typeByKind } from './resources';
import { labelsOf, metaOf, type Store } from './store';

export interface NodeSetting {
  name: string;
  cpu: string;
  memory: string;
  pods?: number;
  labels?: Record<string, string>;
  /** As `spec.taints`: a fresh node carries `node.kubernetes.io/not-ready:NoSchedule` until its lifecycle controller lifts it. */
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
}

export interface SimulationTiming {
  /** From a Pod's creation to its scheduling attempt. */
  scheduleMs: number;
  /** ContainerCreating: from binding to a container's start. */
  createMs: number;
  /** How long an init container runs. */
  initRunMs: number;
  /** How long a container whose command ends in `exit N` runs before it exits. */
  crashAfterMs: number;
  /** The first restart back-off (doubles up to maxBackoffMs), as the kubelet's 10 s scaled down. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Between ErrImagePull and ImagePullBackOff, and between pull retries. */
  pullRetryMs: number;
  /** Between two log lines of a container that echoes. */
  logIntervalMs: number;
  /** How long a deleted Pod's containers take to stop (capped by its grace period). */
  terminateMs: number;
}

export const defaultTiming: SimulationTiming = {
  scheduleMs: 30,
  createMs: 150,
  initRunMs: 150,
  crashAfterMs: 300,
  backoffMs: 400,
  maxBackoffMs: 3200,
  pullRetryMs: 400,
  logIntervalMs: 400,
  terminateMs: 150,
};

export interface SimulationOptions {
  nodes: NodeSetting[];
  timing: SimulationTiming;
  /** Images no node can pull (besides any under the never-resolving registry.invalid). */
  unpullable: string[];
  /** The server's admission of a Pod a ReplicaSet makes: its refusal (an exceeded quota), or undefined. */
  admitPod?: (namespace: string, name: string) => string | undefined;
}

export interface LogLine {
  /** RFC 3339 with nanoseconds, as the kubelet writes with timestamps=true. */
  time: string;
  t: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export type LogListener = (event: { line: LogLine } | { end: true }) => void;

export interface Attempt {
  /** As the status names it (`lastState.terminated.containerID`). */
  containerID: string;
  /** The container runtime removed this run's container: its log is gone. */
  removed?: boolean;
  startedAt: string;
  finishedAt?: string;
  exitCode?: number;
  reason?: string;
  lines: LogLine[];
  listeners: Set<LogListener>;
}

type ContainerState =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt: string } }
  | { terminated: { exitCode: number; reason: string; startedAt: string; finishedAt: string; containerID: string } };

export interface ContainerRun {
  name: string;
  /** An init container runs to completion before the next; a sidecar (an init container that restarts Always) keeps running. */
  kind: 'init' | 'sidecar' | 'app';
  /** Runs to completion: an init container. */
  init: boolean;
  image: string;
  env: Record<string, string>;
  ports: number[];
  text?: string;
  exitCode?: number;
  restartCount: number;
  attempts: Attempt[];
  state: ContainerState;
  lastTerminated?: ContainerState & { terminated: unknown };
  backoff: number;
}

export interface PodRun {
  namespace: string;
  name: string;
  uid: string;
  node: string;
  podIP: string;
  hostIP: string;
  startTime: string;
  restartPolicy: string;
  containers: ContainerRun[];
  timers: Set<NodeJS.Timeout>;
  deleting: boolean;
}

const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

/** A short name suffix from the alphabet Kubernetes uses for generated names. */
export function suffix(length: number): string {
  return [...randomBytes(length)].map((b) => SAFE[b % SAFE.length]).join('');
}

/** The pod-template-hash of a template: stable for the same template, as the Deployment controller's is. */
export function templateHash(template: Json | undefined): string {
  let h = 2166136261;
  for (const ch of canonical(template)) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619) >>> 0;
  }
  let out = '';
  for (let i = 0; i < 10; i++) {
    out += SAFE[h % SAFE.length];
    h = Math.imul(h ^ (h >>> 13), 2654435761) >>> 0;
  }
  return out;
}

function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

function nanoTime(t: number): string {
  const iso = new Date(t).toISOString();
  return `${iso.slice(0, 23)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}Z`;
}

const list = (v: Json | undefined): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** The first `echo` text of a command (what the container prints each interval) and an `exit N` it ends with. */
export function programOf(container: JsonObject): { text?: string; exitCode?: number } {
  const argv = [container.command, container.args].flatMap((v) => (Array.isArray(v) ? v : []));
  // A `trap "exit 0" TERM` says what happens on a stop signal, not how the program ends: it is left out.
  const words = argv
    .map(String)
    .join(' ')
    .replace(/\btrap\s+(?:"[^"]*"|'[^']*'|\S+)(?:\s+[A-Z]+)+/g, '');
  const echo = /\becho\s+(?:"([^"]*)"|'([^']*)'|([^;&|]+))([^;&|]*)/.exec(words);
  // An echo redirected to a file (`echo x >> /data/f`) writes nothing to the log.
  const redirected = echo ? /[<>]/.test(`${echo[3] ?? ''}${echo[4] ?? ''}`) : false;
  const text = echo && !redirected ? (echo[1] ?? echo[2] ?? echo[3] ?? '').trim() : undefined;
  const exit = /\bexit\s+(\d+)/.exec(words);
  return { ...(text ? { text } : {}), ...(exit ? { exitCode: Number(exit[1]) } : {}) };
}

interface Requests {
  cpu: number;
  memory: number;
}

function containerRequests(c: JsonObject): Requests {
  const res = isObject(c.resources) ? c.resources : {};
  const requests = isObject(res.requests) ? res.requests : {};
  const limits = isObject(res.limits) ? res.limits : {};
  return {
    cpu: milliCpu(requests.cpu ?? limits.cpu) ?? 0,
    memory: memoryBytes(requests.memory ?? limits.memory) ?? 0,
  };
}

/** What the scheduler counts for a Pod: the sum of its app containers, or its largest init container if larger. */
export function podRequests(spec: JsonObject): Requests {
  const sum = list(spec.containers)
    .map(containerRequests)
    .reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 });
  for (const init of list(spec.initContainers).map(containerRequests)) {
    sum.cpu = Math.max(sum.cpu, init.cpu);
    sum.memory = Math.max(sum.memory, init.memory);
  }
  return sum;
}

function hostPorts(spec: JsonObject): string[] {
  return [...list(spec.initContainers), ...list(spec.containers)].flatMap((c) =>
    list(c.ports)
      .filter((p) => typeof p.hostPort === 'number' && p.hostPort > 0)
      .map((p) => `${String(p.protocol ?? 'TCP')}/${String(p.hostPort)}`),
  );
}

export class ClusterSimulation {
  private readonly pods = typeByKind('Pod')!;
  private readonly nodesType = typeByKind('Node')!;
  private readonly deployments = typeByKind('Deployment')!;
  private readonly replicaSets = typeByKind('ReplicaSet')!;
  private readonly runs = new Map<string, PodRun>();
  /** Pods whose scheduling delay has passed. */
  private readonly due = new Set<string>();
  private readonly waiting = new Map<string, NodeJS.Timeout>();
  private tickQueued = false;
  /** Failures of the simulation itself (a test can assert there are none). */
  readonly errors: string[] = [];
  private stopped = false;
  private nextIP = 10;
  private readonly unsubscribe: () => void;
  /** ReplicaSets whose last Pod the server refused (namespace/name → its words), as ReplicaFailure says. */
  private readonly failedCreates = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private options: SimulationOptions,
  ) {
    this.writeNodes();
    this.unsubscribe = store.subscribe(() => this.queueTick());
  }

  get timing(): SimulationTiming {
    return this.options.timing;
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    for (const run of this.runs.values()) for (const t of run.timers) clearTimeout(t);
    for (const t of this.waiting.values()) clearTimeout(t);
  }

  /** Replaces the nodes (capacity from a test's setting); Pods waiting for room are tried again. */
  setNodes(nodes: NodeSetting[]): void {
    for (const node of this.store.list(this.nodesType, undefined)) this.store.remove(this.nodesType, undefined, String(metaOf(node).name));
    this.options = { ...this.options, nodes };
    this.writeNodes();
  }

  setUnpullable(images: string[]): void {
    this.options = { ...this.options, unpullable: images };
  }

  /**
   * The container runtime removes the container of `container`'s previous run (as a node's garbage collection or a
   * restarted containerd leaves a replaced container): the status still names it, its log is gone.
   */
  removePreviousRun(namespace: string, name: string, container: string): void {
    const attempts = this.runs.get(`${namespace}/${name}`)?.containers.find((c) => c.name === container)?.attempts ?? [];
    const previous = attempts[attempts.length - 2];
    if (!previous) throw new Error(`${namespace}/${name} ${container} has no previous run`);
    previous.removed = true;
    previous.lines = [];
  }

  /** The running state of a Pod's containers, for logs and exec; undefined before it is bound to a node. */
  run(namespace: string, name: string): PodRun | undefined {
    return this.runs.get(`${namespace}/${name}`);
  }

  private writeNodes(): void {
    this.options.nodes.forEach((n, i) => {
      this.store.put(this.nodesType, {
        metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name, 'kubernetes.io/os': 'linux', ...(n.labels ?? {}) } },
        spec: n.taints?.length ? { taints: n.taints.map((t) => ({ ...t })) } : {},
        status: {
          capacity: { cpu: n.cpu, memory: n.memory, pods: String(n.pods ?? 110) },
          allocatable: { cpu: n.cpu, memory: n.memory, pods: String(n.pods ?? 110) },
          conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status (simulated)' }],
          addresses: [{ type: 'InternalIP', address: `192.0.2.${i + 10}` }, { type: 'Hostname', address: n.name }],
          nodeInfo: { kubeletVersion: 'v1.34.1', containerRuntimeVersion: 'simulated://1', operatingSystem: 'linux', architecture: 'amd64' },
        },
      });
    });
  }

  private queueTick(): void {
    if (this.tickQueued || this.stopped) return;
    this.tickQueued = true;
    setImmediate(() => {
      this.tickQueued = false;
      if (this.stopped) return;
      try {
        this.tick();
      } catch (err) {
        // A broken simulation must say so, not leave Pods waiting forever.
        this.errors.push(err instanceof Error ? (err.stack ?? err.message) : String(err));
        if (process.env.STANDIN_DEBUG) console.error('stand-in simulation:', err);
      }
    });
  }

  /** One pass of every controller, level-triggered: each writes only what differs from what is stored. */
  private tick(): void {
    this.collectGarbage();
    for (const d of this.store.list(this.deployments, undefined)) this.reconcileDeployment(d);
    for (const rs of this.store.list(this.replicaSets, undefined)) this.reconcileReplicaSet(rs);
    this.schedule();
    this.runKubelets();
    for (const rs of this.store.list(this.replicaSets, undefined)) this.replicaSetStatus(rs);
    for (const d of this.store.list(this.deployments, undefined)) this.deploymentStatus(d);
  }

  private write(kind: string, obj: JsonObject, before: JsonObject | undefined): void {
    if (before && canonical(strip(before)) === canonical(strip(obj))) return;
    this.store.put(typeByKind(kind)!, obj);
  }

  // ------------------------------------------------------------------ garbage collector

  private collectGarbage(): void {
    const uids = new Set<string>();
    for (const t of [this.deployments, this.replicaSets])
      for (const o of this.store.list(t, undefined)) if (!metaOf(o).deletionTimestamp) uids.add(String(metaOf(o).uid));
    for (const t of [this.replicaSets, this.pods]) {
      for (const o of this.store.list(t, undefined)) {
        const owners = list(metaOf(o).ownerReferences);
        if (owners.length === 0 || owners.some((r) => uids.has(String(r.uid)))) continue;
        // Every owner is gone: the object goes too (background propagation).
        this.deleteObject(t === this.pods ? 'Pod' : 'ReplicaSet', o);
      }
    }
  }

  /** Deletes as the API server would: a bound Pod terminates first, anything else goes at once. */
  deleteObject(kind: string, obj: JsonObject, graceSeconds?: number): void {
    const meta = metaOf(obj);
    const type = typeByKind(kind)!;
    const namespace = type.namespaced ? String(meta.namespace) : undefined;
    if (kind === 'Pod' && isObject(obj.spec) && obj.spec.nodeName && this.runs.has(`${namespace}/${meta.name}`)) {
      if (meta.deletionTimestamp) return;
      const grace = graceSeconds ?? (typeof obj.spec.terminationGracePeriodSeconds === 'number' ? obj.spec.terminationGracePeriodSeconds : 30);
      meta.deletionTimestamp = now();
      meta.deletionGracePeriodSeconds = grace;
      this.store.put(type, obj);
      this.terminate(this.runs.get(`${namespace}/${meta.name}`)!, grace);
      return;
    }
    this.store.remove(type, namespace, String(meta.name));
  }

  // ------------------------------------------------------------------ Deployment and ReplicaSet controllers

  private owned(type: typeof this.pods, owner: JsonObject): JsonObject[] {
    const uid = metaOf(owner).uid;
    return this.store.list(type, String(metaOf(owner).namespace), (o) => list(metaOf(o).ownerReferences).some((r) => r.uid === uid));
  }

  private reconcileDeployment(d: JsonObject): void {
    const meta = metaOf(d);
    if (meta.deletionTimestamp || !isObject(d.spec)) return;
    const spec = d.spec;
    const template = isObject(spec.template) ? spec.template : {};
    const hash = templateHash(template);
    const name = `${String(meta.name)}-${hash}`;
    const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
    const mine = this.owned(this.replicaSets, d);
    for (const rs of mine) {
      if (metaOf(rs).name === name || !isObject(rs.spec) || rs.spec.replicas === 0) continue;
      // A new template replaces the old ReplicaSet's Pods at once (the rolling update itself is not simulated).
      this.write('ReplicaSet', { ...rs, spec: { ...rs.spec, replicas: 0 } }, rs);
    }
    const current = mine.find((rs) => metaOf(rs).name === name);
    const templateMeta = isObject(template.metadata) ? template.metadata : {};
    const labels = { ...(isObject(templateMeta.labels) ? templateMeta.labels : {}), 'pod-template-hash': hash };
    const selector = isObject(spec.selector) && isObject(spec.selector.matchLabels) ? spec.selector.matchLabels : {};
    if (!current) {
      this.store.put(this.replicaSets, {
        metadata: {
          name,
          namespace: meta.namespace ?? 'default',
          labels,
          annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/revision': String(mine.length + 1) },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: meta.name ?? '', uid: meta.uid ?? '', controller: true, blockOwnerDeletion: true }],
          generation: 1,
        },
        spec: {
          replicas,
          selector: { matchLabels: { ...selector, 'pod-template-hash': hash } },
          template: { ...template, metadata: { ...templateMeta, labels } },
        },
        status: { replicas: 0 },
      });
      return;
    }
    if (isObject(current.spec) && current.spec.replicas !== replicas)
      this.write('ReplicaSet', { ...current, spec: { ...current.spec, replicas } }, current);
  }

  private reconcileReplicaSet(rs: JsonObject): void {
    const meta = metaOf(rs);
    if (meta.deletionTimestamp || !isObject(rs.spec)) return;
    const want = typeof rs.spec.replicas === 'number' ? rs.spec.replicas : 1;
    const pods = this.owned(this.pods, rs).filter((p) => !metaOf(p).deletionTimestamp);
    const template = isObject(rs.spec.template) ? rs.spec.template : {};
    const templateMeta = isObject(template.metadata) ? template.metadata : {};
    const key = `${String(meta.namespace)}/${String(meta.name)}`;
    for (let i = pods.length; i < want; i++) {
      const spec = structuredClone(isObject(template.spec) ? template.spec : {});
      defaultPodSpec(spec);
      const name = `${String(meta.name)}-${suffix(5)}`;
      // The real controller creates through the API, so admission (a quota) can refuse it: ReplicaFailure says why.
      const refusal = this.options.admitPod?.(String(meta.namespace ?? 'default'), name);
      if (refusal) {
        if (this.failedCreates.get(key) !== refusal) {
          this.failedCreates.set(key, refusal);
          this.replicaSetStatus(rs);
        }
        return;
      }
      if (this.failedCreates.delete(key)) this.replicaSetStatus(rs);
      this.store.put(this.pods, {
        metadata: {
          name,
          generateName: `${String(meta.name)}-`,
          namespace: meta.namespace ?? 'default',
          labels: structuredClone(isObject(templateMeta.labels) ? templateMeta.labels : {}),
          ...(isObject(templateMeta.annotations) ? { annotations: structuredClone(templateMeta.annotations) } : {}),
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: meta.name ?? '', uid: meta.uid ?? '', controller: true, blockOwnerDeletion: true }],
        },
        spec,
        status: { phase: 'Pending', qosClass: 'BestEffort' },
      });
    }
    // Too many: the newest go first, as the ReplicaSet controller prefers Pods not yet running.
    for (const extra of pods.slice(want).reverse()) this.deleteObject('Pod', extra);
  }

  private replicaSetStatus(rs: JsonObject): void {
    if (metaOf(rs).deletionTimestamp) return;
    const pods = this.owned(this.pods, rs).filter((p) => !metaOf(p).deletionTimestamp);
    const ready = pods.filter(isReady).length;
    const status = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: metaOf(rs).generation ?? 1,
      ...this.replicaFailure(rs),
    };
    this.write('ReplicaSet', { ...rs, status }, rs);
  }

  /** The ReplicaFailure condition of a ReplicaSet whose Pod the server refused, in the real controller's words. */
  private replicaFailure(rs: JsonObject | undefined): { conditions?: JsonObject[] } {
    const message = rs && this.failedCreates.get(`${String(metaOf(rs).namespace)}/${String(metaOf(rs).name)}`);
    if (!message) return {};
    const old = rs && isObject(rs.status) ? list(rs.status.conditions).find((c) => c.type === 'ReplicaFailure') : undefined;
    const at = old?.message === message ? String(old.lastTransitionTime) : now();
    return { conditions: [{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: at, reason: 'FailedCreate', message }] };
  }

  private deploymentStatus(d: JsonObject): void {
    const meta = metaOf(d);
    if (meta.deletionTimestamp || !isObject(d.spec)) return;
    const hash = templateHash(isObject(d.spec.template) ? d.spec.template : {});
    const sets = this.owned(this.replicaSets, d);
    const pods = sets.flatMap((rs) => this.owned(this.pods, rs)).filter((p) => !metaOf(p).deletionTimestamp);
    const updated = pods.filter((p) => labelsOf(p)['pod-template-hash'] === hash);
    const ready = pods.filter(isReady).length;
    const want = typeof d.spec.replicas === 'number' ? d.spec.replicas : 1;
    const before = isObject(d.status) ? d.status : {};
    const conditions = list(before.conditions);
    const available = ready >= want - Math.floor(want * 0.25);
    const progressing = updated.length === want && ready === want;
    const condition = (type: string, status: string, reason: string, message: string): JsonObject => {
      const old = conditions.find((c) => c.type === type);
      const changed = !old || old.status !== status || old.reason !== reason;
      const at = changed ? now() : String(old.lastTransitionTime);
      return { type, status, lastUpdateTime: changed ? at : String(old.lastUpdateTime), lastTransitionTime: at, reason, message };
    };
    const name = String(meta.name);
    const rsName = `${name}-${hash}`;
    const status: JsonObject = {
      observedGeneration: meta.generation ?? 1,
      replicas: pods.length,
      updatedReplicas: updated.length,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(want - ready > 0 ? { unavailableReplicas: want - ready } : {}),
      conditions: [
        available
          ? condition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.')
          : condition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'),
        progressing
          ? condition('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`)
          : condition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`),
      ],
    };
    // The current ReplicaSet's failure to make a Pod, copied up as the Deployment controller does.
    const failed = this.replicaFailure(sets.find((rs) => metaOf(rs).name === rsName)).conditions?.[0];
    if (failed) (status.conditions as JsonObject[]).push(condition('ReplicaFailure', 'True', 'FailedCreate', String(failed.message)));
    if (ready === 0) delete status.readyReplicas;
    if (ready === 0) delete status.availableReplicas;
    if (canonical(withoutTimes(before)) === canonical(withoutTimes(status))) return;
    this.write('Deployment', { ...d, status }, d);
  }

  // ------------------------------------------------------------------ scheduler

  private schedule(): void {
    const pending = this.store
      .list(this.pods, undefined, (p) => isObject(p.spec) && !p.spec.nodeName && !metaOf(p).deletionTimestamp)
      .sort((a, b) => Number(metaOf(a).resourceVersion) - Number(metaOf(b).resourceVersion));
    for (const pod of pending) {
      const key = `${String(metaOf(pod).namespace)}/${String(metaOf(pod).name)}`;
      if (!this.due.has(key)) {
        if (!this.waiting.has(key))
          this.waiting.set(
            key,
            setTimeout(() => {
              this.waiting.delete(key);
              this.due.add(key);
              this.queueTick();
            }, this.timing.scheduleMs),
          );
        continue;
      }
      this.scheduleOne(pod);
    }
  }

  private scheduleOne(pod: JsonObject): void {
    const spec = pod.spec as JsonObject;
    const want = podRequests(spec);
    const ports = hostPorts(spec);
    const selector = isObject(spec.nodeSelector) ? spec.nodeSelector : {};
    const nodes = this.store.list(this.nodesType, undefined);
    const bound = this.store.list(this.pods, undefined, (p) => {
      const phase = isObject(p.status) ? p.status.phase : undefined;
      return isObject(p.spec) && Boolean(p.spec.nodeName) && phase !== 'Succeeded' && phase !== 'Failed';
    });
    const reasons = new Map<string, number>();
    const fits: { name: string; freeMemory: number }[] = [];
    for (const node of nodes) {
      const name = String(metaOf(node).name);
      const alloc = (isObject(node.status) && isObject(node.status.allocatable) ? node.status.allocatable : {}) as JsonObject;
      const here = bound.filter((p) => (p.spec as JsonObject).nodeName === name);
      const used = here.map((p) => podRequests(p.spec as JsonObject)).reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 });
      const why: string[] = [];
      const labels = labelsOf(node);
      // The default profile filters by taints and node affinity before ports and resources, and stops at a refusal.
      if (untolerated(node, list(spec.tolerations))) why.push('node(s) had untolerated taint(s)');
      else if (Object.entries(selector).some(([k, v]) => labels[k] !== v)) why.push("node(s) didn't match Pod's node affinity/selector");
      else {
        if (here.length + 1 > Number(alloc.pods ?? 110)) why.push('Too many pods');
        if (want.cpu > 0 && used.cpu + want.cpu > (milliCpu(alloc.cpu) ?? 0)) why.push('Insufficient cpu');
        if (want.memory > 0 && used.memory + want.memory > (memoryBytes(alloc.memory) ?? 0)) why.push('Insufficient memory');
        const taken = new Set(here.flatMap((p) => hostPorts(p.spec as JsonObject)));
        if (ports.some((p) => taken.has(p))) why.push("node(s) didn't have free ports for the requested pod ports");
      }
      if (why.length === 0) fits.push({ name, freeMemory: (memoryBytes(alloc.memory) ?? 0) - used.memory });
      for (const w of why) reasons.set(w, (reasons.get(w) ?? 0) + 1);
    }
    const status = isObject(pod.status) ? pod.status : {};
    const conditions = list(status.conditions).filter((c) => c.type !== 'PodScheduled');
    if (fits.length > 0) {
      const node = fits.sort((a, b) => b.freeMemory - a.freeMemory)[0]!.name;
      this.store.put(this.pods, {
        ...pod,
        spec: { ...spec, nodeName: node },
        status: { ...status, conditions: [...conditions, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now() }] },
      });
      return;
    }
    const message = schedulerMessage(nodes.length, reasons);
    const old = list(status.conditions).find((c) => c.type === 'PodScheduled');
    if (old && old.message === message) return;
    this.store.put(this.pods, {
      ...pod,
      status: {
        ...status,
        phase: 'Pending',
        conditions: [...conditions, { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: now(), reason: 'Unschedulable', message }],
      },
    });
  }

  // ------------------------------------------------------------------ kubelet

  private runKubelets(): void {
    for (const pod of this.store.list(this.pods, undefined, (p) => isObject(p.spec) && Boolean(p.spec.nodeName))) {
      const meta = metaOf(pod);
      const key = `${String(meta.namespace)}/${String(meta.name)}`;
      const run = this.runs.get(key);
      if (run && run.uid !== meta.uid) {
        // A Pod of the same name was made again: the old run is gone.
        for (const t of run.timers) clearTimeout(t);
        this.runs.delete(key);
      }
      if (!this.runs.has(key) && !meta.deletionTimestamp) this.startPod(pod);
    }
    for (const [key, run] of this.runs) {
      const [namespace, name] = key.split('/') as [string, string];
      if (!this.store.get(this.pods, namespace, name)) {
        for (const t of run.timers) clearTimeout(t);
        this.runs.delete(key);
      }
    }
  }

  private later(run: PodRun, ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      run.timers.delete(timer);
      if (!this.stopped) fn();
    }, ms);
    run.timers.add(timer);
  }

  private startPod(pod: JsonObject): void {
    const meta = metaOf(pod);
    const spec = pod.spec as JsonObject;
    const nodeIndex = Math.max(0, this.options.nodes.findIndex((n) => n.name === spec.nodeName));
    const envOf = (c: JsonObject): Record<string, string> =>
      Object.fromEntries(list(c.env).filter((e) => typeof e.value === 'string').map((e) => [String(e.name), String(e.value)]));
    const container = (c: JsonObject, kind: ContainerRun['kind']): ContainerRun => ({
      name: String(c.name),
      kind,
      init: kind === 'init',
      image: String(c.image ?? ''),
      env: envOf(c),
      ports: list(c.ports).map((p) => Number(p.containerPort)),
      ...programOf(c),
      restartCount: 0,
      attempts: [],
      state: { waiting: { reason: kind === 'app' ? 'ContainerCreating' : 'PodInitializing' } },
      backoff: this.timing.backoffMs,
    });
    const sidecar = (c: JsonObject): boolean => c.restartPolicy === 'Always';
    const run: PodRun = {
      namespace: String(meta.namespace),
      name: String(meta.name),
      uid: String(meta.uid),
      node: String(spec.nodeName),
      podIP: `10.244.${nodeIndex}.${this.nextIP++ % 250}`,
      hostIP: `192.0.2.${nodeIndex + 10}`,
      startTime: now(),
      restartPolicy: String(spec.restartPolicy ?? 'Always'),
      containers: [
        ...list(spec.initContainers).map((c) => container(c, sidecar(c) ? 'sidecar' : 'init')),
        ...list(spec.containers).map((c) => container(c, 'app')),
      ],
      timers: new Set(),
      deleting: false,
    };
    this.runs.set(`${run.namespace}/${run.name}`, run);
    this.publish(run);
    this.later(run, this.timing.createMs, () => this.next(run));
  }

  /** Starts what comes next: the next init container, else every app container not yet started. */
  private next(run: PodRun): void {
    if (run.deleting) return;
    for (const c of run.containers.filter((x) => x.kind !== 'app')) {
      if (c.kind === 'sidecar') {
        // A sidecar starts in its place among the init containers and the next one does not wait for it to end.
        if (c.attempts.length === 0) this.pullAndStart(run, c);
        if (c.attempts.length === 0) return;
        continue;
      }
      if ('terminated' in c.state && c.state.terminated.exitCode === 0) continue;
      if (!('running' in c.state) && !isBackingOff(c)) this.pullAndStart(run, c);
      return;
    }
    for (const c of run.containers) if (c.kind === 'app' && c.attempts.length === 0 && !('running' in c.state)) this.pullAndStart(run, c);
  }

  private unpullable(image: string): boolean {
    return image.startsWith('registry.invalid/') || this.options.unpullable.includes(image);
  }

  private pullAndStart(run: PodRun, c: ContainerRun): void {
    if (run.deleting) return;
    if (this.unpullable(c.image)) {
      const failed = 'waiting' in c.state && c.state.waiting.reason === 'ErrImagePull';
      c.state = failed
        ? { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` } }
        : {
            waiting: {
              reason: 'ErrImagePull',
              message: `Failed to pull image "${c.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${c.image}": failed to resolve reference "${c.image}": not found`,
            },
          };
      this.publish(run);
      this.later(run, this.timing.pullRetryMs, () => this.pullAndStart(run, c));
      return;
    }
    this.startAttempt(run, c);
  }

  private startAttempt(run: PodRun, c: ContainerRun): void {
    if (run.deleting) return;
    const t = Date.now();
    const attempt: Attempt = {
      containerID: `simulated://${run.uid.slice(0, 8)}-${c.name}-${c.attempts.length + 1}`,
      startedAt: new Date(t).toISOString().replace(/\.\d+Z$/, 'Z'),
      lines: [],
      listeners: new Set(),
    };
    c.attempts.push(attempt);
    c.state = { running: { startedAt: attempt.startedAt } };
    this.publish(run);
    const tick = (): void => {
      if (c.attempts[c.attempts.length - 1] !== attempt || attempt.finishedAt || run.deleting) return;
      if (c.text) this.log(attempt, 'stdout', c.text);
      this.later(run, this.timing.logIntervalMs, tick);
    };
    if (c.text) tick();
    const ends = c.init ? (c.exitCode ?? 0) : c.exitCode;
    if (ends !== undefined) this.later(run, c.init ? this.timing.initRunMs : this.timing.crashAfterMs, () => this.exit(run, c, attempt, ends));
  }

  private log(attempt: Attempt, stream: 'stdout' | 'stderr', text: string): void {
    const t = Date.now();
    const line: LogLine = { time: nanoTime(t), t, stream, text };
    attempt.lines.push(line);
    if (attempt.lines.length > 5000) attempt.lines.splice(0, attempt.lines.length - 5000);
    for (const l of attempt.listeners) l({ line });
  }

  private endAttempt(attempt: Attempt, exitCode: number, reason: string): void {
    attempt.finishedAt = now();
    attempt.exitCode = exitCode;
    attempt.reason = reason;
    for (const l of attempt.listeners) l({ end: true });
    attempt.listeners.clear();
  }

  private exit(run: PodRun, c: ContainerRun, attempt: Attempt, exitCode: number): void {
    if (run.deleting || attempt.finishedAt) return;
    const reason = exitCode === 0 ? 'Completed' : 'Error';
    this.endAttempt(attempt, exitCode, reason);
    const terminated = {
      terminated: { exitCode, reason, startedAt: attempt.startedAt, finishedAt: attempt.finishedAt!, containerID: attempt.containerID },
    };
    c.state = terminated;
    if (c.init && exitCode === 0) {
      this.publish(run);
      this.next(run);
      return;
    }
    // A failed init container is retried (restartPolicy Always or OnFailure) before anything after it starts.
    const restart = run.restartPolicy === 'Always' || (run.restartPolicy === 'OnFailure' && exitCode !== 0);
    if (!restart) {
      this.publish(run);
      return;
    }
    c.lastTerminated = terminated;
    const delay = c.backoff;
    c.backoff = Math.min(c.backoff * 2, this.timing.maxBackoffMs);
    c.state = {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off ${Math.round(delay / 100) / 10}s restarting failed container=${c.name} pod=${run.name}_${run.namespace}(${run.uid})`,
      },
    };
    this.publish(run);
    this.later(run, delay, () => {
      c.restartCount++;
      this.startAttempt(run, c);
    });
  }

  private terminate(run: PodRun, graceSeconds: number): void {
    run.deleting = true;
    for (const t of run.timers) clearTimeout(t);
    run.timers.clear();
    for (const c of run.containers) {
      const attempt = c.attempts[c.attempts.length - 1];
      if ('running' in c.state && attempt) {
        this.endAttempt(attempt, 0, 'Completed');
        c.state = { terminated: { exitCode: 0, reason: 'Completed', startedAt: attempt.startedAt, finishedAt: attempt.finishedAt!, containerID: attempt.containerID } };
      }
    }
    this.publish(run);
    const ms = Math.min(graceSeconds * 1000, this.timing.terminateMs);
    const timer = setTimeout(() => {
      if (this.stopped) return;
      this.runs.delete(`${run.namespace}/${run.name}`);
      const pod = this.store.get(this.pods, run.namespace, run.name);
      if (pod && metaOf(pod).uid === run.uid) this.store.remove(this.pods, run.namespace, run.name);
    }, ms);
    run.timers.add(timer);
  }

  /** Writes the Pod's status from its containers, as the kubelet's status manager does. */
  private publish(run: PodRun): void {
    const pod = this.store.get(this.pods, run.namespace, run.name);
    if (!pod || metaOf(pod).uid !== run.uid) return;
    const statusOf = (c: ContainerRun): JsonObject => ({
      name: c.name,
      state: c.state as unknown as JsonObject,
      lastState: (c.lastTerminated ?? {}) as unknown as JsonObject,
      ready: c.kind !== 'init' && 'running' in c.state && !run.deleting,
      restartCount: c.restartCount,
      image: c.image,
      imageID: c.attempts.length > 0 ? `simulated://${c.image}` : '',
      ...(c.attempts.length > 0 ? { containerID: c.attempts[c.attempts.length - 1]!.containerID } : {}),
      started: 'running' in c.state,
    });
    const inits = run.containers.filter((c) => c.kind !== 'app');
    const apps = run.containers.filter((c) => c.kind === 'app');
    const initialized = inits.every((c) => (c.kind === 'sidecar' ? c.attempts.length > 0 : 'terminated' in c.state && c.state.terminated.exitCode === 0));
    const ready = initialized && [...apps, ...inits.filter((c) => c.kind === 'sidecar')].every((c) => 'running' in c.state) && !run.deleting;
    const allDone = apps.length > 0 && apps.every((c) => 'terminated' in c.state);
    const anyFailed = apps.some((c) => 'terminated' in c.state && c.state.terminated.exitCode !== 0);
    const started = initialized && apps.every((c) => c.attempts.length > 0);
    // An init container that failed and is not restarted (restartPolicy Never) fails the Pod.
    const initFailed = inits.some((c) => c.kind === 'init' && 'terminated' in c.state && c.state.terminated.exitCode !== 0);
    const phase = initFailed || (allDone && anyFailed) ? 'Failed' : allDone ? 'Succeeded' : started ? 'Running' : 'Pending';
    const before = isObject(pod.status) ? pod.status : {};
    const old = list(before.conditions);
    const condition = (type: string, ok: boolean, reason?: string): JsonObject => {
      const prev = old.find((c) => c.type === type);
      const status = ok ? 'True' : 'False';
      return {
        type,
        status,
        lastProbeTime: null,
        lastTransitionTime: prev && prev.status === status ? String(prev.lastTransitionTime) : now(),
        ...(reason && !ok ? { reason } : {}),
      };
    };
    const unready = apps.filter((c) => !('running' in c.state)).map((c) => c.name);
    const readyReason = unready.length > 0 ? 'ContainersNotReady' : undefined;
    const conditions: JsonObject[] = [
      condition('PodReadyToStartContainers', true),
      condition('Initialized', initialized, 'ContainersNotInitialized'),
      { ...condition('Ready', ready, readyReason), ...(!ready && unready.length ? { message: `containers with unready status: [${unready.join(' ')}]` } : {}) },
      { ...condition('ContainersReady', ready, readyReason), ...(!ready && unready.length ? { message: `containers with unready status: [${unready.join(' ')}]` } : {}) },
      old.find((c) => c.type === 'PodScheduled') ?? condition('PodScheduled', true),
    ];
    const status: JsonObject = {
      ...before,
      phase,
      conditions,
      hostIP: run.hostIP,
      hostIPs: [{ ip: run.hostIP }],
      podIP: run.podIP,
      podIPs: [{ ip: run.podIP }],
      startTime: run.startTime,
      ...(inits.length > 0 ? { initContainerStatuses: inits.map(statusOf) } : {}),
      containerStatuses: apps.map(statusOf),
    };
    if (canonical(before) === canonical(status)) return;
    this.store.put(this.pods, { ...pod, status });
  }
}

function isBackingOff(c: ContainerRun): boolean {
  return 'waiting' in c.state && c.state.waiting.reason === 'CrashLoopBackOff';
}

function isReady(p: JsonObject): boolean {
  const status = isObject(p.status) ? p.status : {};
  return list(status.conditions).some((c) => c.type === 'Ready' && c.status === 'True');
}

function strip(obj: JsonObject): JsonObject {
  const copy = structuredClone(obj);
  const meta = metaOf(copy);
  delete meta.resourceVersion;
  delete meta.managedFields;
  return copy;
}

function withoutTimes(status: JsonObject): Json {
  const copy = structuredClone(status);
  for (const c of list(copy.conditions)) {
    delete c.lastUpdateTime;
    delete c.lastTransitionTime;
  }
  return copy;
}

/**
 * Whether a node has a NoSchedule or NoExecute taint the Pod does not tolerate (the TaintToleration filter; a
 * PreferNoSchedule taint only scores).
 */
function untolerated(node: JsonObject, tolerations: JsonObject[]): boolean {
  const taints = isObject(node.spec) ? list(node.spec.taints) : [];
  const tolerates = (taint: JsonObject, t: JsonObject): boolean =>
    (t.effect === undefined || t.effect === '' || t.effect === taint.effect) &&
    (t.operator === 'Exists' ? t.key === undefined || t.key === '' || t.key === taint.key : t.key === taint.key && (t.value ?? '') === (taint.value ?? ''));
  return taints.some((taint) => taint.effect !== 'PreferNoSchedule' && !tolerations.some((t) => tolerates(taint, t)));
}

/** Filters whose refusal no preemption can change (the scheduler's UnschedulableAndUnresolvable). */
const unresolvable = (reason: string): boolean => reason.startsWith("node(s) didn't match") || reason === 'node(s) had untolerated taint(s)';

/**
 * `0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.`
 * For untolerated taints, the words of the real 1.34.2 scheduler (REAL-SERVER.md, "scheduling"): its dynamic-resources
 * post-filter speaks before preemption there (`no new claims to deallocate, preemption: ...`). The memory message is
 * the stand-in's older one, not checked against a real scheduler.
 */
export function schedulerMessage(nodes: number, reasons: Map<string, number>): string {
  if (nodes === 0) return 'no nodes available to schedule pods';
  const parts = [...reasons.entries()].map(([reason, count]) => `${count} ${reason}`).sort();
  const helpless = [...reasons.keys()].every(unresolvable);
  const claims = reasons.has('node(s) had untolerated taint(s)') ? 'no new claims to deallocate, ' : '';
  const preemption = helpless
    ? `preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling.`
    : `preemption: 0/${nodes} nodes are available: ${nodes} No preemption victims found for incoming pod.`;
  return `0/${nodes} nodes are available: ${parts.join(', ')}. ${claims}${preemption}`;
}
