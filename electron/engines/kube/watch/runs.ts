// Podwright's runs in a namespace, live: two list+watches (its Pods and its Deployments, found by the managed-by
// label), folded into one snapshot per run in pod.status's shape, published as each event arrives.
import { MANAGED_BY, MANAGER } from '../../../../shared/plan/kube';
import { runSnapshot } from '../../../../shared/plan/kube-status';
import { Labels } from '../../../../shared/model/labels';
import type { PodSnapshot } from '../../../../shared/api/contract';
import { resourcePath, type Cluster } from '../connection/cluster';
import { listWatch, type WatchCounters } from './list-watch';

type Json = Record<string, unknown>;

export type RunEvent = { kind: 'status'; pod: PodSnapshot } | { kind: 'removed'; name: string; namespace: string };

const meta = (o: Json): Json => (o.metadata as Json | undefined) ?? {};
const labelsOf = (o: Json): Record<string, string> => (meta(o).labels as Record<string, string> | undefined) ?? {};
const selector = `${MANAGED_BY}=${MANAGER}`;

/** Pods and Deployments of Podwright's runs, grouped by run name, each turned into a snapshot. */
export class RunTable {
  readonly pods = new Map<string, Json>();
  readonly deployments = new Map<string, Json>();

  constructor(readonly namespace: string) {}

  runOf(o: Json): string | undefined {
    return labelsOf(o)[Labels.pod];
  }

  names(): Set<string> {
    const names = new Set<string>();
    for (const o of [...this.pods.values(), ...this.deployments.values()]) {
      const n = this.runOf(o);
      if (n) names.add(n);
    }
    return names;
  }

  snapshot(name: string): PodSnapshot | undefined {
    const pods = [...this.pods.values()].filter((p) => this.runOf(p) === name);
    const deployment = [...this.deployments.values()].find((d) => this.runOf(d) === name && !meta(d).deletionTimestamp);
    if (pods.length === 0 && !deployment) return undefined;
    const design = labelsOf(deployment ?? pods[0]!)[Labels.design];
    return runSnapshot({ name, namespace: this.namespace, ...(design ? { design } : {}), ...(deployment ? { deployment } : {}), pods });
  }

  snapshots(): PodSnapshot[] {
    return [...this.names()].sort().map((n) => this.snapshot(n)!).filter(Boolean);
  }
}

/** A one-time read of the namespace's runs (pod.list, `podwright ps`). */
export async function listRuns(cluster: Cluster, namespace: string): Promise<PodSnapshot[]> {
  const table = new RunTable(namespace);
  const [pods, deployments] = await Promise.all([
    cluster.request<{ items?: Json[] }>('GET', resourcePath({ apiVersion: 'v1', resource: 'pods', namespace }), { query: { labelSelector: selector } }),
    cluster.request<{ items?: Json[] }>('GET', resourcePath({ apiVersion: 'apps/v1', resource: 'deployments', namespace }), { query: { labelSelector: selector } }),
  ]);
  for (const p of pods.items ?? []) table.pods.set(String(meta(p).name), p);
  for (const d of deployments.items ?? []) table.deployments.set(String(meta(d).name), d);
  return table.snapshots();
}

export interface WatchRunsOptions {
  /** Only this run. */
  name?: string;
  onError?: (err: unknown) => void;
  counters?: { pods: WatchCounters; deployments: WatchCounters };
  /** Sees the table after every change (port-forwards follow the replicas from here). */
  onChange?: (table: RunTable, name: string) => void;
}

/** Publishes each run's snapshot as its Pods and Deployment change, until `signal` aborts. */
export async function watchRuns(cluster: Cluster, namespace: string, emit: (event: RunEvent) => void, signal: AbortSignal, options: WatchRunsOptions = {}): Promise<void> {
  const table = new RunTable(namespace);
  const published = new Map<string, string>();
  const publish = (name: string): void => {
    if (options.name && name !== options.name) return;
    options.onChange?.(table, name);
    const snapshot = table.snapshot(name);
    if (!snapshot) {
      if (published.delete(name)) emit({ kind: 'removed', name, namespace });
      return;
    }
    const text = JSON.stringify(snapshot);
    if (published.get(name) === text) return;
    published.set(name, text);
    emit({ kind: 'status', pod: snapshot });
  };
  const follow = (store: Map<string, Json>, resource: string, apiVersion: string, counters?: WatchCounters): Promise<WatchCounters> =>
    listWatch(
      cluster,
      {
        path: resourcePath({ apiVersion, resource, namespace }),
        labelSelector: selector,
        signal,
        onError: options.onError,
        onList: (items) => {
          const before = new Set([...store.values()].map((o) => table.runOf(o)).filter((n): n is string => Boolean(n)));
          store.clear();
          for (const o of items) store.set(String(meta(o).name), o);
          // After a relist, every run is published again: one may have gone while the watch was away.
          for (const n of new Set([...before, ...table.names()])) publish(n);
        },
        onEvent: (type, o) => {
          const name = String(meta(o).name);
          if (type === 'DELETED') store.delete(name);
          else store.set(name, o);
          const run = table.runOf(o);
          if (run) publish(run);
        },
      },
      counters,
    );
  await Promise.all([
    follow(table.pods, 'pods', 'v1', options.counters?.pods),
    follow(table.deployments, 'deployments', 'apps/v1', options.counters?.deployments),
  ]);
}
