// `podwright deploy FILE`, its work (loaded only when the command runs, with the Kubernetes engine): runs the design on a Kubernetes cluster, kubectl-like: the server's dry run (its verdict and
// the diff against what is live), then server-side apply, then the status until every replica is ready. Exit 0 when
// it runs, 1 when the server refused it or it failed, 2 for usage or unreadable input.
import type { ClusterPreview, PodSnapshot } from '../../../shared/api/contract';
import { drawnRun } from '../../../shared/design/workloads/drawn-export';
import { choosePod } from '../../../shared/manifest/pod-choice';
import { readDesign, type DesignPod, type DesignRead } from '../../../shared/manifest/read';
import { ClusterError, DeployRefused, watchRuns, type ClusterEngine } from '../../engines/kube';
import { clusterEngine, describeCluster, UsageError } from './cluster-choice';
import { failure, formatRun, isReady, stillWaiting } from './format';
import { signalExitCode } from '../exit-code';
import { readInput } from '../read-input';
import { say, warn } from '../terminal';

export interface DeployOptions {
  context?: string;
  namespace?: string;
  as?: string;
  replicas?: string;
  dryRun: boolean;
  forceConflicts: boolean;
  pod?: string;
  design?: string;
  timeout?: string;
}

const out = (line: string): void => say(line);
const err = (line: string): void => warn(line);

/**
 * The design's objects a cluster run takes: the Deployment the chosen Pod is drawn in (else the Pod), the Services that
 * select it, and the ConfigMaps and Secrets: the objects `export --as deployment` writes and the app's Run applies, by
 * the same code (drawnRun).
 */
export function clusterDocuments(
  read: DesignRead,
  chosen: DesignPod,
  as?: 'pod' | 'deployment',
): { documents: Record<string, unknown>[]; notes: string[] } {
  const notes: string[] = [];
  const wrapper = read.objects.find(
    (o) =>
      o.document === chosen.origin.document &&
      JSON.stringify(o.path) === JSON.stringify(chosen.origin.objectPath) &&
      o.object.kind === chosen.origin.kind,
  );
  const deployment = chosen.origin.kind === 'Deployment' && wrapper ? wrapper.object : undefined;
  if (!deployment && chosen.origin.kind !== 'Pod')
    notes.push(`The ${chosen.origin.kind}'s Pod template runs as a Pod (or a Deployment with --as deployment).`);
  const drawn = drawnRun(
    chosen.pod,
    deployment,
    read.objects.map((o) => o.object),
    { asDeployment: as === 'deployment' },
  );
  return { documents: drawn.objects, notes: [...notes, ...drawn.notes] };
}

/** The design id of a file: its name without the .yaml, as a label value. */
export function designIdOf(file: string): string {
  const base = (file.split(/[\\/]/).pop() ?? '').replace(/\.(pod\.)?(ya?ml|json)$/i, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .slice(0, 63)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return slug || 'untitled';
}

function printPreview(preview: ClusterPreview): void {
  out(`Dry run on the server (dryRun=All): ${preview.accepted ? 'accepted' : 'refused'}`);
  for (const o of preview.objects) {
    out(`  ${o.kind.toLowerCase()}/${o.name}: ${o.action}`);
    if (o.action === 'update' || o.action === 'replace') for (const l of o.diff) out(`    ${l.op} ${l.text}`);
  }
  for (const note of preview.notes) out(`  note: ${note}`);
  for (const p of preview.problems.filter((x) => x.code !== 'KUBE_FIELD_CONFLICT'))
    err(`  ${p.severity}: ${p.object}${p.path ? ` ${p.path}` : ''}: ${p.message}`);
  for (const c of preview.conflicts) err(`  conflict: ${c.object} ${c.field} is managed by "${c.manager}"`);
}

function parseWorkload(value: string | undefined): 'pod' | 'deployment' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'pod' && value !== 'deployment') throw new UsageError(`--as must be pod or deployment, not ${value}`);
  return value;
}

function parseCount(value: string | undefined, flag: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new UsageError(`${flag} must be a whole number from 0 to ${max}, not ${value}`);
  return n;
}

/**
 * How the design runs: as `--as` says; else as the file says (a Deployment as drawn, a bare Pod as a Pod), except that
 * `--replicas` alone asks for a Deployment (made up around a bare Pod, as `export --as deployment` makes it). A replica
 * count for a bare Pod (`--as pod --replicas N`) is a contradiction, refused.
 */
export function runAs(
  as: 'pod' | 'deployment' | undefined,
  replicas: number | undefined,
): 'pod' | 'deployment' | undefined {
  if (as === 'pod' && replicas !== undefined)
    throw new UsageError("--replicas counts the Deployment's Pods; --as pod runs one bare Pod (leave out one of them)");
  return as ?? (replicas !== undefined ? 'deployment' : undefined);
}

/**
 * Waits for the run to be ready (0), to fail (1) or for the timeout (1), printing the status as it changes (a replica
 * the scheduler cannot place yet is progress, its words printed once per change; named again if the time runs out).
 */
export async function waitForRun(
  engine: ClusterEngine,
  name: string,
  timeoutMs: number,
  print = true,
): Promise<{ code: number; last?: PodSnapshot }> {
  const abort = new AbortController();
  let last: PodSnapshot | undefined;
  let shown = '';
  let code = 1;
  let failed: string | undefined;
  let interrupted = false;
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const stop = (): void => {
    interrupted = true;
    abort.abort();
  };
  process.once('SIGINT', stop);
  try {
    await watchRuns(
      engine.cluster,
      engine.namespace,
      (event) => {
        if (event.kind !== 'status') return;
        last = event.pod;
        // Told from one fixed instant, the text changes with the run's state only, not with the clock.
        const text = formatRun(event.pod, 0).join('\n');
        if (print && text !== shown) {
          shown = text;
          out(formatRun(event.pod).join('\n'));
        }
        if (isReady(event.pod)) {
          code = 0;
          abort.abort();
          return;
        }
        failed = failure(event.pod);
        if (failed) abort.abort();
      },
      abort.signal,
      { name },
    );
  } finally {
    clearTimeout(timer);
    process.off('SIGINT', stop);
  }
  if (interrupted && code !== 0) {
    // Only the wait ends, as with kubectl rollout status: what was applied goes on running on the cluster.
    err(`podwright: stopped waiting at Ctrl+C; ${name} stays applied (podwright undeploy ${name} removes it)`);
    return { code: signalExitCode('SIGINT'), last };
  }
  if (code !== 0) {
    const waiting = last && stillWaiting(last);
    err(`podwright: ${failed ?? `Not ready after ${Math.round(timeoutMs / 1000)} s${waiting ? `: ${waiting}` : '.'}`}`);
  }
  return { code, last };
}

export async function deploy(file: string, options: DeployOptions): Promise<number> {
  let read: DesignRead;
  let chosen: DesignPod;
  const replicas = parseCount(options.replicas, '--replicas', 1000);
  const as = runAs(parseWorkload(options.as), replicas);
  const timeoutSeconds = parseCount(options.timeout, '--timeout', 86_400) ?? 300;
  try {
    read = readDesign(await readInput(file), { name: file });
  } catch (e) {
    err(`podwright: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const unreadable = read.problems.filter((d) => d.severity === 'error' && !d.path);
  if (unreadable.length > 0 && read.pods.length === 0) {
    for (const d of unreadable) err(`${file}: ${d.message}`);
    return 2;
  }
  try {
    chosen = choosePod(read, options.pod);
  } catch (e) {
    err(`podwright: ${(e as Error).message}`);
    return 2;
  }
  const engine = clusterEngine(options, chosen.pod.metadata?.namespace || undefined);
  try {
    const { documents, notes } = clusterDocuments(read, chosen, as);
    const plan = engine.plan({
      documents,
      design: options.design ?? designIdOf(file),
      ...(as ? { as } : {}),
      ...(replicas !== undefined ? { replicas } : {}),
    });
    plan.notes.unshift(...notes);
    err(
      `Deploying ${plan.as === 'deployment' ? `Deployment ${plan.name} (${plan.replicas} replica${plan.replicas === 1 ? '' : 's'})` : `Pod ${plan.name}`} to ${describeCluster(engine)}`,
    );
    const preview = await engine.deployer.preview(plan);
    printPreview(preview);
    if (!preview.accepted) {
      err('podwright: the server refused the design in its dry run; nothing was applied.');
      return 1;
    }
    if (preview.conflicts.length > 0 && !options.forceConflicts) {
      err(
        'podwright: other field managers own fields this design sets; nothing was applied. Re-run with --force-conflicts to take them over.',
      );
      return 1;
    }
    if (options.dryRun) return 0;
    const { applied } = await engine.deployer.apply(plan, { force: options.forceConflicts, preview });
    for (const a of applied) {
      const group = a.object.apiVersion.includes('/') ? `.${a.object.apiVersion.split('/')[0]}` : '';
      const verb = { create: 'created', update: 'configured', unchanged: 'unchanged', replace: 'replaced' }[a.action];
      out(
        `${a.object.kind.toLowerCase()}${group}/${a.object.name} ${verb} (server-side apply, field manager podwright)`,
      );
    }
    return (await waitForRun(engine, plan.name, timeoutSeconds * 1000)).code;
  } catch (e) {
    if (e instanceof DeployRefused) {
      printPreview(e.preview);
      err(`podwright: ${e.message}`);
      return 1;
    }
    if (e instanceof ClusterError) {
      err(`podwright: ${e.message}`);
      return 1;
    }
    if (e instanceof Error && /Pod has no metadata.name|holds no Pod/.test(e.message)) {
      err(`podwright: ${e.message}`);
      return 2;
    }
    throw e;
  } finally {
    engine.close();
  }
}
