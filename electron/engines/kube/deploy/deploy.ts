// Runs a cluster plan: the server's dry run (dryRun=All) of every object first, with its verdict and a diff against
// what is live; then, only if the dry run passed, server-side apply (application/apply-patch+yaml, field manager
// podwright), forcing conflicting fields only when asked. Down deletes exactly what the plan names, found by label and
// name, with the grace period, and waits until it is gone.
import {
  DOWN_ORDER,
  FIELD_MANAGER,
  MANAGED_BY,
  MANAGER,
  resources,
  runSelector,
  type ClusterPlan,
  type PlannedObject,
} from '../../../../shared/plan/kube';
import {
  conflictProblems,
  conflictsOf,
  objectChange,
  objectLabel,
  refusalProblems,
} from '../../../../shared/plan/kube-verdict';
import type { ClusterPreview } from '../../../../shared/api/contract';
import { Labels } from '../../../../shared/model/labels';
import { resourcePath, type Cluster } from '../connection/cluster';
import { ClusterError } from '../connection/errors';
import { appliedConfiguration } from './applied';
import { notGoneMessage } from './not-gone';

type Json = Record<string, unknown>;

export interface ApplyResult {
  /** The objects as the server stored them, in plan order. */
  applied: { object: PlannedObject; result: Json; action: 'create' | 'update' | 'unchanged' | 'replace' }[];
}

function pathOf(o: Pick<PlannedObject, 'apiVersion' | 'resource' | 'namespace' | 'name'>): string {
  return resourcePath({ apiVersion: o.apiVersion, resource: o.resource, namespace: o.namespace, name: o.name });
}

/** A Pod whose spec changed cannot be updated in place: the server says so with this cause. */
function isPodReplacement(err: unknown, object: PlannedObject): boolean {
  return (
    object.kind === 'Pod' &&
    err instanceof ClusterError &&
    err.code === 'INVALID' &&
    (err.status?.details?.causes ?? []).some(
      (c) => c.field === 'spec' && /pod updates may not change fields/.test(c.message ?? ''),
    )
  );
}

export class ClusterDeployer {
  constructor(private readonly cluster: Cluster) {}

  private async live(object: PlannedObject): Promise<Json | undefined> {
    try {
      return await this.cluster.request<Json>('GET', pathOf(object));
    } catch (err) {
      if (err instanceof ClusterError && err.code === 'NOT_FOUND') return undefined;
      throw err;
    }
  }

  private applyOne(
    object: PlannedObject,
    options: { dryRun?: boolean; force?: boolean; signal?: AbortSignal },
  ): Promise<Json> {
    return this.cluster.request<Json>('PATCH', pathOf(object), {
      query: {
        fieldManager: FIELD_MANAGER,
        ...(options.dryRun ? { dryRun: 'All' } : {}),
        ...(options.force ? { force: 'true' } : {}),
      },
      contentType: 'application/apply-patch+yaml',
      // JSON is YAML: the server reads it as the apply configuration.
      body: JSON.stringify(object.body),
      signal: options.signal,
    });
  }

  /** The server's verdict on the plan without changing anything, and what would change. */
  async preview(plan: ClusterPlan): Promise<ClusterPreview> {
    const preview: ClusterPreview = {
      context: this.cluster.context.name,
      server: this.cluster.context.server,
      namespace: plan.namespace,
      name: plan.name,
      as: plan.as,
      replicas: plan.replicas,
      accepted: true,
      objects: [],
      problems: [],
      conflicts: [],
      notes: [...plan.notes],
    };
    const prefixes: Record<string, string | undefined> = {};
    for (const object of plan.objects) {
      prefixes[objectLabel(object)] = object.podPrefix;
      const live = await this.live(object);
      let result: Json | undefined;
      try {
        result = await this.applyOne(object, { dryRun: true });
      } catch (err) {
        if (!(err instanceof ClusterError) || !err.status) throw err;
        if (err.code === 'CONFLICT') {
          preview.conflicts.push(...conflictsOf(err.status, object));
          // What else the server would say once the conflicts are forced.
          try {
            result = await this.applyOne(object, { dryRun: true, force: true });
          } catch (forced) {
            if (!(forced instanceof ClusterError) || !forced.status) throw forced;
            preview.problems.push(...refusalProblems(forced.status, object));
          }
        } else if (isPodReplacement(err, object)) {
          preview.notes.push(`The Pod ${object.name} exists with another spec; it is deleted and made again.`);
          preview.objects.push({
            kind: object.kind,
            name: object.name,
            namespace: object.namespace,
            action: 'replace',
            diff: objectChange(live, object.body).diff,
          });
          continue;
        } else {
          preview.problems.push(...refusalProblems(err.status, object));
        }
      }
      if (result) {
        const change = objectChange(live, result);
        preview.objects.push({ kind: object.kind, name: object.name, namespace: object.namespace, ...change });
      } else
        preview.objects.push({
          kind: object.kind,
          name: object.name,
          namespace: object.namespace,
          action: 'refused',
          diff: [],
        });
    }
    preview.problems.push(...conflictProblems(preview.conflicts, prefixes));
    preview.accepted = !preview.problems.some((p) => p.severity === 'error');
    return preview;
  }

  /**
   * Applies the plan after its dry run: refused objects stop it before anything is written, conflicts stop it unless
   * `force`. Throws a ClusterError (code INVALID or CONFLICT) carrying the preview in `details`.
   */
  async apply(
    plan: ClusterPlan,
    options: { force?: boolean; signal?: AbortSignal; preview?: ClusterPreview } = {},
  ): Promise<ApplyResult & { preview: ClusterPreview }> {
    const preview = options.preview ?? (await this.preview(plan));
    if (!preview.accepted) throw new DeployRefused(preview, 'refused');
    if (preview.conflicts.length > 0 && !options.force) throw new DeployRefused(preview, 'conflicts');
    const applied: ApplyResult['applied'] = [];
    for (const object of plan.objects) {
      options.signal?.throwIfAborted();
      const shown = preview.objects.find((o) => o.kind === object.kind && o.name === object.name);
      if (shown?.action === 'replace') {
        await this.deleteAndWait([{ ...object }], undefined, options.signal);
        applied.push({
          object,
          result: await this.applyOne(object, { force: options.force, signal: options.signal }),
          action: 'replace',
        });
        continue;
      }
      const result = await this.applyOne(object, { force: options.force, signal: options.signal });
      applied.push({
        object,
        result,
        action: shown?.action === 'create' ? 'create' : shown?.action === 'unchanged' ? 'unchanged' : 'update',
      });
    }
    return { applied, preview };
  }

  /** Scales a Deployment run to no replicas (Stop), keeping the Deployment; a bare Pod is deleted. */
  async stop(namespace: string, name: string, design?: string): Promise<void> {
    const deployments = await this.find('Deployment', namespace, name, design);
    if (deployments.length > 0) {
      for (const d of deployments) await this.scale(namespace, d, 0);
      return;
    }
    const pods = await this.find('Pod', namespace, name, design);
    await this.deleteAndWait(
      pods.map((p) => ({ kind: 'Pod', ...resources.Pod!, namespace, name: p })),
      undefined,
    );
  }

  /**
   * Sets a Deployment's replicas, as `kubectl scale` does, by applying again what Podwright applied with the count
   * changed (taking the count back from another manager, a `kubectl scale` say). Applying the count alone would drop
   * every other field Podwright owned, and the server refuses a Deployment without its selector and template.
   */
  async scale(namespace: string, name: string, replicas: number): Promise<void> {
    const path = pathOf({ ...resources.Deployment!, namespace, name });
    const live = await this.cluster.request<Json>('GET', path);
    const applied = appliedConfiguration(live, FIELD_MANAGER);
    if (!applied)
      throw new ClusterError(
        'CONFLICT',
        `Deployment ${name} was not applied by ${FIELD_MANAGER}; it is not scaled here.`,
        this.cluster.where,
      );
    const spec = (applied.spec ?? {}) as Json;
    await this.cluster.request('PATCH', path, {
      query: { fieldManager: FIELD_MANAGER, force: 'true' },
      contentType: 'application/apply-patch+yaml',
      body: JSON.stringify({ ...applied, spec: { ...spec, replicas } }),
    });
  }

  /**
   * Names of the objects of a kind that Podwright applied for the run, found by label. `applied` leaves out the Pods a
   * workload made (they carry the run's labels too, but Podwright applied their Deployment, not them).
   */
  private async find(
    kind: string,
    namespace: string,
    name: string,
    design?: string,
    applied = false,
  ): Promise<string[]> {
    const r = resources[kind]!;
    const list = await this.cluster.request<{ items?: Json[] }>(
      'GET',
      resourcePath({ apiVersion: r.apiVersion, resource: r.resource, namespace }),
      {
        query: { labelSelector: runSelector(design, name) },
      },
    );
    return (list.items ?? [])
      .filter(
        (o) =>
          !applied ||
          !Array.isArray((o.metadata as Json | undefined)?.ownerReferences) ||
          ((o.metadata as Json).ownerReferences as unknown[]).length === 0,
      )
      .map((o) => String((o.metadata as Json | undefined)?.name ?? ''))
      .filter(Boolean);
  }

  /**
   * Deletes what Podwright applied for the run (by label and name, with the grace period) and waits until it and its
   * Pods are gone. Returns how many objects and Pods went.
   */
  async down(
    namespace: string,
    name: string,
    options: { design?: string; graceSeconds?: number; signal?: AbortSignal } = {},
  ): Promise<{ objects: number; pods: number }> {
    const targets: Pick<PlannedObject, 'kind' | 'apiVersion' | 'resource' | 'namespace' | 'name'>[] = [];
    for (const kind of DOWN_ORDER)
      for (const n of await this.find(kind, namespace, name, options.design, true))
        targets.push({ kind, ...resources[kind]!, namespace, name: n });
    const pods = (await this.find('Pod', namespace, name, options.design)).length;
    await this.deleteAndWait(targets, options.graceSeconds, options.signal, {
      namespace,
      name,
      design: options.design,
    });
    return { objects: targets.length, pods };
  }

  private async deleteAndWait(
    targets: Pick<PlannedObject, 'kind' | 'apiVersion' | 'resource' | 'namespace' | 'name'>[],
    graceSeconds: number | undefined,
    signal?: AbortSignal,
    run?: { namespace: string; name: string; design?: string },
  ): Promise<void> {
    for (const t of targets) {
      try {
        await this.cluster.request('DELETE', pathOf(t), {
          body: {
            apiVersion: 'v1',
            kind: 'DeleteOptions',
            propagationPolicy: 'Background',
            ...(graceSeconds !== undefined ? { gracePeriodSeconds: graceSeconds } : {}),
          },
          signal,
        });
      } catch (err) {
        if (!(err instanceof ClusterError && err.code === 'NOT_FOUND')) throw err;
      }
    }
    // Gone means gone: the objects, and the Pods the workload made (they carry the run's labels).
    const deadline = Date.now() + ((graceSeconds ?? 30) + 60) * 1000;
    let delay = 100;
    for (;;) {
      signal?.throwIfAborted();
      // A set: a Pod targeted by name is found again by the run's labels.
      const left = new Set<string>();
      for (const t of targets) if (await this.live({ ...t } as PlannedObject)) left.add(`${t.kind} ${t.name}`);
      if (run) for (const p of await this.find('Pod', run.namespace, run.name, run.design)) left.add(`Pod ${p}`);
      if (left.size === 0) return;
      if (Date.now() > deadline)
        throw new ClusterError('TIMEOUT', notGoneMessage(left), this.cluster.where, undefined, {
          objects: [...left].join(', '),
        });
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 1000);
    }
  }

  /** Every run Podwright left in the namespace, found by label: its name and design. */
  async leftovers(namespace: string): Promise<{ name: string; design?: string }[]> {
    const found = new Map<string, { name: string; design?: string }>();
    for (const kind of DOWN_ORDER) {
      const r = resources[kind]!;
      const list = await this.cluster.request<{ items?: Json[] }>(
        'GET',
        resourcePath({ apiVersion: r.apiVersion, resource: r.resource, namespace }),
        {
          query: { labelSelector: `${MANAGED_BY}=${MANAGER}` },
        },
      );
      for (const o of list.items ?? []) {
        const labels = ((o.metadata as Json | undefined)?.labels ?? {}) as Record<string, string>;
        const name = labels[Labels.pod];
        if (name && !found.has(name))
          found.set(name, { name, ...(labels[Labels.design] ? { design: labels[Labels.design] } : {}) });
      }
    }
    return [...found.values()];
  }
}

/** The dry run refused the plan (or found conflicts not forced): nothing was applied. */
export class DeployRefused extends Error {
  constructor(
    readonly preview: ClusterPreview,
    readonly why: 'refused' | 'conflicts',
  ) {
    super(
      why === 'refused'
        ? `The cluster refused the design in a dry run; nothing was applied: ${preview.problems
            .filter((p) => p.severity === 'error')
            .map((p) => `${p.object}: ${p.message}`)
            .join('; ')}`
        : `Another field manager owns fields this design sets; nothing was applied: ${preview.conflicts
            .map((c) => `${c.object} ${c.field} (managed by "${c.manager}")`)
            .join('; ')}. Apply with force to take them over.`,
    );
    this.name = 'DeployRefused';
  }
}
