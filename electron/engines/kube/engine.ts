// A kubeconfig context and namespace as Podwright's engine: what the cluster is (reachable, version, may-create-Pods),
// running a design there (dry run, apply, stop, down), its runs' live status from one shared watch (with port-forwards
// for running replicas), and the leftovers it finds by label.
import type { EngineStatus, PodSnapshot, PodStatusEvent } from '../../../shared/api/contract';
import { memoryBytes, milliCpu } from '../../../shared/model/quantity';
import { clusterDesign, clusterPlan, type ClusterPlan, type ClusterWorkload } from '../../../shared/plan/kube';
import { Cluster, resourcePath } from './connection/cluster';
import { ClusterError } from './connection/errors';
import { ClusterDeployer } from './deploy/deploy';
import { PortForwards } from './exec/port-forward';
import { loadKubeconfig, type LoadedKubeconfig } from './kubeconfig/kubeconfig';
import { listRuns, watchRuns, type RunTable } from './watch/runs';

type Json = Record<string, unknown>;

export interface ClusterChoice {
  context: string;
  namespace: string;
}

export interface ClusterRunRequest {
  documents: unknown[];
  design: string;
  as?: ClusterWorkload;
  replicas?: number;
}

type Listener = (event: PodStatusEvent) => void;

export class ClusterEngine {
  readonly cluster: Cluster;
  readonly deployer: ClusterDeployer;
  readonly forwards: PortForwards;
  readonly namespace: string;
  private readonly listeners = new Set<Listener>();
  private readonly enders = new Set<() => void>();
  private feed: AbortController | undefined;
  private table: RunTable | undefined;

  constructor(
    readonly loaded: LoadedKubeconfig,
    readonly context: string,
    namespace?: string,
  ) {
    this.cluster = new Cluster(loaded, context);
    this.namespace = namespace ?? this.cluster.context.namespace;
    this.deployer = new ClusterDeployer(this.cluster);
    this.forwards = new PortForwards(this.cluster, this.namespace);
    this.forwards.setTarget(async (run) => {
      const snapshot = this.table?.snapshot(run);
      return snapshot?.replicas?.find((r) => r.phase === 'Running' && !r.terminating)?.name;
    });
  }

  /** The engine for a context from the user's kubeconfig (KUBECONFIG, else ~/.kube/config). */
  static fromKubeconfig(choice: ClusterChoice, loaded: LoadedKubeconfig = loadKubeconfig()): ClusterEngine {
    return new ClusterEngine(loaded, choice.context, choice.namespace);
  }

  /** The cluster in the engine status's shape: reachable with version and capacity, or why not, in words. */
  async info(timeoutMs = 5000): Promise<EngineStatus> {
    const ctx = this.cluster.context;
    const endpoint = { source: 'kubeconfig' as const, context: ctx.name, host: ctx.server, tls: ctx.server.startsWith('https:') };
    const cluster = {
      context: ctx.name,
      cluster: ctx.cluster,
      user: ctx.user,
      server: ctx.server,
      namespace: this.namespace,
      insecure: ctx.insecure,
      auth: ctx.auth,
    };
    try {
      const version = await this.cluster.version(timeoutMs);
      const [access, exists, capacity] = await Promise.all([
        this.cluster.mayCreatePods(this.namespace).catch(() => undefined),
        this.cluster.namespaceExists(this.namespace).catch(() => undefined),
        this.capacity().catch(() => ({ cpus: 0, memoryBytes: 0 })),
      ]);
      const [os, arch] = (version.platform ?? 'linux/amd64').split('/');
      return {
        reachable: true,
        name: 'Kubernetes',
        version: version.gitVersion,
        apiVersion: `${version.major ?? ''}.${version.minor ?? ''}`,
        os: os ?? 'linux',
        osType: os ?? 'linux',
        arch: arch ?? '',
        cpus: capacity.cpus,
        memoryBytes: capacity.memoryBytes,
        endpoint,
        cluster: { ...cluster, ...(access ? { mayCreatePods: access.allowed } : {}), ...(exists !== undefined ? { namespaceExists: exists } : {}) },
      };
    } catch (err) {
      const e = err instanceof ClusterError ? err : undefined;
      const code = e?.code === 'UNAUTHORIZED' || e?.code === 'CREDENTIALS' ? 'ENGINE_PERMISSION_DENIED' : e?.code === 'UNREACHABLE' ? 'ENGINE_REFUSED' : 'ENGINE_ERROR';
      return {
        reachable: false,
        code,
        reason: e?.message ?? String(err),
        hint:
          e?.code === 'CERTIFICATE'
            ? 'Check the certificate-authority of the cluster in your kubeconfig.'
            : e?.code === 'UNAUTHORIZED' || e?.code === 'CREDENTIALS'
              ? 'Sign in again (your credential plugin or token), then retry.'
              : `Check that the cluster at ${ctx.server} is running and reachable, or pick another context.`,
        endpoint,
        cluster,
      };
    }
  }

  /** The nodes' allocatable CPU and memory (zero when the user may not list nodes). */
  private async capacity(): Promise<{ cpus: number; memoryBytes: number }> {
    const nodes = await this.cluster.request<{ items?: Json[] }>('GET', '/api/v1/nodes', { timeoutMs: 5000 });
    let cpus = 0;
    let memory = 0;
    for (const n of nodes.items ?? []) {
      const alloc = (((n.status as Json | undefined)?.allocatable as Json | undefined) ?? {}) as Json;
      cpus += (milliCpu(alloc.cpu) ?? 0) / 1000;
      memory += memoryBytes(alloc.memory) ?? 0;
    }
    return { cpus: Math.round(cpus), memoryBytes: memory };
  }

  plan(request: ClusterRunRequest): ClusterPlan {
    return clusterPlan(clusterDesign(request.documents), {
      namespace: this.namespace,
      design: request.design,
      ...(request.as ? { as: request.as } : {}),
      ...(request.replicas !== undefined ? { replicas: request.replicas } : {}),
    });
  }

  /** The run's snapshot right now (after an apply, before the watch has caught up). */
  async snapshot(name: string): Promise<PodSnapshot | undefined> {
    return (await listRuns(this.cluster, this.namespace)).find((s) => s.name === name);
  }

  list(): Promise<PodSnapshot[]> {
    return listRuns(this.cluster, this.namespace);
  }

  /** Status events of every run in the namespace, from one shared watch, until `signal` aborts. */
  watch(params: { name?: string; namespace?: string }, emit: Listener, signal: AbortSignal): Promise<void> {
    if (params.namespace && params.namespace !== this.namespace) return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    const listener: Listener = (event) => {
      if (params.name && event.kind !== 'progress' && (event.kind === 'status' ? event.pod.name : event.name) !== params.name) return;
      emit(event);
    };
    this.listeners.add(listener);
    this.startFeed();
    return new Promise((resolve) => {
      const end = (): void => {
        this.listeners.delete(listener);
        this.enders.delete(end);
        if (this.listeners.size === 0) this.stopFeed();
        resolve();
      };
      // Closing the engine (another context chosen) ends its subscriptions, so subscribers open new ones.
      this.enders.add(end);
      signal.addEventListener('abort', end, { once: true });
    });
  }

  /** Sends an event to every status subscriber (run progress from an apply). */
  publish(event: PodStatusEvent): void {
    for (const l of this.listeners) l(event);
  }

  private startFeed(): void {
    if (this.feed) return;
    const feed = new AbortController();
    this.feed = feed;
    void watchRuns(
      this.cluster,
      this.namespace,
      (event) => {
        if (event.kind === 'removed') {
          this.forwards.stop(event.name);
          this.publish(event);
          return;
        }
        const snapshot = event.pod;
        const table = this.table;
        const deployment = table ? [...table.deployments.values()].find((d) => table.runOf(d) === snapshot.name) : undefined;
        const pod = table ? [...table.pods.values()].find((p) => table.runOf(p) === snapshot.name) : undefined;
        const spec = ((deployment?.spec as Json | undefined)?.template as Json | undefined)?.spec ?? pod?.spec;
        void this.forwards.sync(snapshot, spec as Json | undefined).then(
          (forwards) => this.publish({ kind: 'status', pod: forwards.length > 0 ? { ...snapshot, forwards } : snapshot }),
          () => this.publish(event),
        );
      },
      feed.signal,
      { onChange: (table) => (this.table = table) },
    ).catch(() => undefined);
  }

  private stopFeed(): void {
    this.feed?.abort();
    this.feed = undefined;
  }

  close(): void {
    for (const end of [...this.enders]) end();
    this.stopFeed();
    this.forwards.stopAll();
  }

  /** The Deployment's or Pod's spec the run applied, read back (for logs and forwards before the watch knows it). */
  async runSpec(name: string): Promise<Json | undefined> {
    const d = await this.cluster
      .request<Json>('GET', resourcePath({ apiVersion: 'apps/v1', resource: 'deployments', namespace: this.namespace, name }))
      .catch(() => undefined);
    return (((d?.spec as Json | undefined)?.template as Json | undefined)?.spec as Json | undefined) ?? undefined;
  }
}
