// Executes a Pod plan on the engine (dockerode) and manages what it created: run with progress and rollback,
// status from the engine's events, graceful stop, and a `down` that finds everything by label, even after a crash.
import { lstat, mkdir, open, stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { dirname } from 'node:path';
import type Docker from 'dockerode';
import {
  HOST_IP_PLACEHOLDER,
  isRunnable,
  Labels,
  POD_IP_PLACEHOLDER,
  podPhase,
  podSelector,
  terminatedReason,
  type ContainerPlan,
  type ContainerStatus,
  type HostPathCheck,
  type Plan,
  type PodPhase,
} from '../../../../shared/plan';
import type { Engine } from '../connection/engine';
import { lineSplitter } from '../connection/json-lines';
import { tarball, type ArchiveEntry } from './pod-archive';
import { explainEngineError, PodError } from './pod-errors';
import { hostPathReasons, phrases, podMessages, pullReasons, type Phrase } from './pod-messages';
import { runCancelled, RunsInProgress } from './pod-runs';

export interface PodRef {
  name: string;
  namespace?: string;
}

export interface PodSnapshot {
  name: string;
  namespace: string;
  design?: string;
  phase: PodPhase;
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  podIP?: string;
  /** The infra first, then init containers, then apps, in spec order. */
  containers: ContainerStatus[];
}

export interface RunProgress {
  stage: 'check' | 'network' | 'image' | 'pull' | 'volume' | 'create' | 'start' | 'init' | 'rollback' | 'running';
  message: string;
  container?: string;
  /** Pull progress of one layer. */
  layer?: { id: string; status: string; current?: number; total?: number };
}

export interface RunOptions {
  onProgress?: (progress: RunProgress) => void;
  /** Aborting cancels the run at its next safe point and rolls back what it created (PodError RUN_CANCELLED). */
  signal?: AbortSignal;
}

/** What a run created so far: the rollback removes exactly this. */
interface Created {
  containers: { id: string; container: string }[];
  volumes: string[];
  /** The network, when this run had to create it. */
  network?: string;
}

/** `promise`, or a rejection with `reason()` as soon as `signal` aborts; the abandoned promise's failure is ignored. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, reason: () => Error): Promise<T> {
  if (!signal) return promise;
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(reason());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export type PodStatusEvent =
  | { kind: 'status'; pod: PodSnapshot }
  | { kind: 'removed'; name: string; namespace: string }
  | ({ kind: 'progress'; name: string; namespace: string } & RunProgress);

type ContainerInfo = Docker.ContainerInspectInfo;

const ROLE_ORDER: Record<string, number> = { infra: 0, init: 1, sidecar: 1, app: 2 };

/** Runs every promise to the end (so rollback sees everything created), then throws the first failure. */
async function settleAll<T>(promises: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

function labelFilters(labels: Record<string, string>): string[] {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`);
}

function isNotFound(err: unknown): boolean {
  return (err as { statusCode?: number })?.statusCode === 404;
}

export class PodRuntime {
  private readonly listeners = new Set<(event: PodStatusEvent) => void>();
  /** Runs in progress, by Pod: cancel() stops one from another call. */
  readonly runs = new RunsInProgress();

  constructor(readonly engine: Engine) {}

  private get docker(): Docker {
    return this.engine.docker;
  }

  /** Receives every progress and status event this runtime produces (the API's pod.status topic). */
  subscribe(listener: (event: PodStatusEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(event: PodStatusEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  // ------------------------------------------------------------------ run

  /**
   * Runs the Pod; resolves once every app container is running. On failure, removes what it created and throws a
   * PodError; cancelled (options.signal, or cancel() by the Pod's name), it does the same with RUN_CANCELLED.
   */
  run(plan: Plan, options: RunOptions = {}): Promise<PodSnapshot> {
    return this.runs.track(plan.pod, options.signal, (signal) => this.start(plan, { ...options, signal }));
  }

  /**
   * Cancels the Pod's run in progress at its next safe point (an image pull is aborted, an init container is no longer
   * waited for) and resolves once what it created is removed. A Pod with no run in progress is left alone.
   */
  cancel(ref: PodRef): Promise<'cancelled' | 'finished' | 'not-running'> {
    return this.runs.cancel(ref);
  }

  private async start(plan: Plan, options: RunOptions & { signal: AbortSignal }): Promise<PodSnapshot> {
    const { name, namespace } = plan.pod;
    const { signal } = options;
    const progress = (p: RunProgress): void => {
      options.onProgress?.(p);
      this.publish({ kind: 'progress', name, namespace, ...p });
    };
    const created: Created = { containers: [], volumes: [] };
    const cancelled = (): void => {
      if (signal.aborted) throw runCancelled(name);
    };
    try {
      cancelled();
      if (!isRunnable(plan)) {
        const problems = plan.problems.filter((p) => p.severity === 'error');
        const all = problems.map((p) => p.message).join(' ');
        throw new PodError('PLAN_INVALID', podMessages.PLAN_INVALID({ name, problems: all }), { problems });
      }
      progress({ stage: 'check', message: 'Checking images, network and host paths' });
      // The infra is created while the checks run: its create is the one call between the checks and the infra's
      // start, the slowest step. Docker 20.10 resolves the network only at start; a create that fails (image missing,
      // an engine that wants the network to exist first) is made again after the checks, and a name conflict means the
      // Pod exists. A failed check removes it with the rest. An image pulled anyway (Always) waits for the pull, so the
      // infra never starts from the stale one.
      const pullFirst = plan.images.some((i) => i.image === plan.infra.body.Image && i.pullPolicy === 'Always');
      const infraCreate: Promise<{ container?: Docker.Container; error?: unknown }> = pullFirst
        ? Promise.resolve({})
        : this.docker
            .createContainer({ name: plan.infra.name, ...plan.infra.body } as Docker.ContainerCreateOptions)
            .then(
              (container) => {
                created.containers.push({ id: container.id, container: plan.infra.container });
                return { container };
              },
              (error: unknown) => ({ error }),
            );
      const [checks, speculative] = await Promise.allSettled([
        settleAll([
          // Not counting the infra being created right now (an earlier one makes that create fail with a conflict);
          // when its image is pulled first nothing is being created yet, so a leftover infra counts too.
          this.ensureAbsent(name, namespace, pullFirst ? undefined : plan.infra.name),
          this.ensureNetwork(plan, created, progress),
          this.ensureImages(plan, progress, signal),
          this.checkHostPaths(plan.hostPaths),
        ]),
        infraCreate,
      ]);
      if (checks.status === 'rejected') throw checks.reason;
      const first = speculative.status === 'fulfilled' ? speculative.value : {};
      if ((first.error as { statusCode?: number } | undefined)?.statusCode === 409)
        await this.ensureAbsent(name, namespace);
      cancelled();

      // Reported after the checks, as before, so that progress reads in the order a user expects.
      if (first.container)
        progress({ stage: 'create', container: plan.infra.container, message: 'Creating infra container "POD"' });
      const infra = first.container ?? (await this.create(plan.infra, created, progress));
      const early = [...plan.init, ...plan.apps].filter((c) => !c.needsPodIP);
      const late = [...plan.init, ...plan.apps].filter((c) => c.needsPodIP);
      // Creating only needs the infra to exist; starting needs it running (pod-start-anchors.md, finding 4). So the
      // volumes are made and the containers created while the infra starts, its network being the slow part.
      progress({ stage: 'start', container: 'POD', message: 'Starting the infra container' });
      const [, earlyIds] = await settleAll<unknown>([
        infra
          .start()
          .catch((err: unknown) => Promise.reject(explainEngineError(err, 'start', 'POD', plan.infra.body.Image))),
        (async () => {
          await this.createVolumes(plan, created, progress);
          cancelled();
          return settleAll(early.map((c) => this.create(c, created, progress)));
        })(),
      ]);
      const ids = new Map<string, Docker.Container>();
      early.forEach((c, i) => ids.set(c.name, (earlyIds as Docker.Container[])[i]!));
      if (late.length > 0) {
        const { podIP, hostIP } = await this.podAddresses(plan, infra.id);
        const resolved = late.map((c) => substituteAddresses(c, podIP, hostIP));
        const lateIds = await settleAll(resolved.map((c) => this.create(c, created, progress)));
        late.forEach((c, i) => ids.set(c.name, lateIds[i]!));
      }
      cancelled();

      for (const c of plan.init) {
        const container = ids.get(c.name)!;
        if (c.role === 'sidecar') {
          progress({ stage: 'start', container: c.container, message: `Starting sidecar "${c.container}"` });
          await container
            .start()
            .catch((err: unknown) => Promise.reject(explainEngineError(err, 'start', c.container, c.body.Image)));
          continue;
        }
        progress({ stage: 'init', container: c.container, message: `Running init container "${c.container}"` });
        await this.runToCompletion(container, c, plan.restartPolicy, signal, name);
        cancelled();
      }

      progress({
        stage: 'start',
        message: `Starting ${plan.apps.length} app container${plan.apps.length === 1 ? '' : 's'}`,
      });
      // Each container is inspected as soon as it runs: the infra and init containers while the apps start, an app
      // right after its own start, so the status costs no round trip after the last start.
      const before = Promise.all([infra, ...plan.init.map((c) => ids.get(c.name)!)].map((c) => c.inspect()));
      before.catch(() => undefined);
      const apps = await settleAll(
        plan.apps.map((c) => {
          const container = ids.get(c.name)!;
          return container
            .start()
            .catch((err: unknown) => Promise.reject(explainEngineError(err, 'start', c.container, c.body.Image)))
            .then(() => container.inspect());
        }),
      );
      const snapshot = snapshotOf(name, namespace, [...(await before), ...apps]);
      progress({ stage: 'running', message: `Pod "${name}" is ${snapshot.phase}` });
      return snapshot;
    } catch (err) {
      // Once cancelled, whatever broke on the way out (a destroyed pull stream, say) is the cancel, not a failure.
      const error = signal.aborted ? runCancelled(name) : explainEngineError(err, 'run', undefined);
      progress({
        stage: 'rollback',
        message: signal.aborted
          ? 'Cancelled: removing what was created'
          : `Removing what was created: ${error.message}`,
      });
      await this.rollback(created, plan.pod);
      throw error;
    }
  }

  /** The Pod's volumes, filled; a claim's volume is created only when missing and never rolled back. */
  private async createVolumes(plan: Plan, created: Created, progress: (p: RunProgress) => void): Promise<void> {
    await settleAll(
      plan.volumes.map(async (v) => {
        if (v.persistent) {
          const exists = await this.docker
            .getVolume(v.body.Name)
            .inspect()
            .then(() => true)
            .catch((err: unknown) => (isNotFound(err) ? false : Promise.reject(err)));
          if (exists) return;
        }
        progress({ stage: 'volume', message: `Creating volume "${v.volume}" (${v.kind})` });
        await this.docker.createVolume(v.body);
        if (!v.persistent) created.volumes.push(v.body.Name);
      }),
    );
    if (plan.volumeHelper) await this.prepareVolumes(plan, created);
  }

  private async ensureAbsent(name: string, namespace: string, except?: string): Promise<void> {
    const existing = (
      await this.docker.listContainers({
        all: true,
        filters: { label: labelFilters(podSelector(name, namespace)) },
      })
    ).filter((c) => !except || !c.Names?.includes(`/${except}`));
    if (existing.length > 0) {
      const count = existing.length;
      throw new PodError('POD_EXISTS', podMessages.POD_EXISTS({ name, count }));
    }
  }

  private async create(
    c: ContainerPlan,
    created: { containers: { id: string; container: string }[] },
    progress: (p: RunProgress) => void,
  ): Promise<Docker.Container> {
    progress({ stage: 'create', container: c.container, message: `Creating ${c.role} container "${c.container}"` });
    try {
      const container = await this.docker.createContainer({ name: c.name, ...c.body } as Docker.ContainerCreateOptions);
      created.containers.push({ id: container.id, container: c.container });
      return container;
    } catch (err) {
      throw explainEngineError(err, 'create', c.container, c.body.Image);
    }
  }

  private async runToCompletion(
    container: Docker.Container,
    c: ContainerPlan,
    restartPolicy: Plan['restartPolicy'],
    signal: AbortSignal,
    pod: string,
  ): Promise<void> {
    try {
      await container.start();
    } catch (err) {
      throw explainEngineError(err, 'start', c.container, c.body.Image);
    }
    // 'not-running' after start cannot miss a fast exit (next-exit registered late could wait forever).
    // A cancel stops waiting at once; the rollback's forced removal then ends the container and this wait.
    await abortable(this.engine.streams.getContainer(container.id).wait({ condition: 'not-running' }), signal, () =>
      runCancelled(pod),
    );
    // Podman's compat wait has returned early before; the inspected exit code is the truth (reference §7).
    const info = await container.inspect();
    const exitCode = info.State.ExitCode;
    if (info.State.Running || exitCode !== 0) {
      const logs = await this.tail(container);
      const then = restartPolicy === 'Never' ? phrases.podFailed() : phrases.podStopped();
      const oom = info.State.OOMKilled ? phrases.outOfMemory() : '';
      throw new PodError('INIT_FAILED', podMessages.INIT_FAILED({ container: c.container, exitCode, oom, then }), {
        container: c.container,
        exitCode,
        logs,
      });
    }
  }

  private async tail(container: Docker.Container, lines = 20): Promise<string> {
    try {
      const raw = (await container.logs({
        stdout: true,
        stderr: true,
        tail: lines,
        follow: false,
      })) as unknown as Buffer;
      return demux(raw).trimEnd();
    } catch {
      return '';
    }
  }

  private async rollback(created: Created, pod: PodRef): Promise<void> {
    await Promise.allSettled(
      created.containers.map((c) => this.engine.streams.getContainer(c.id).remove({ force: true, v: false })),
    );
    await Promise.allSettled(created.volumes.map((v) => this.engine.streams.getVolume(v).remove()));
    // A network this run created goes too, unless another run here may be about to join it or another Pod's
    // container joined it meanwhile. The engine refuses only while such a container runs: it removes the network
    // from under a created or stopped one, which then cannot start.
    if (created.network && !this.runs.othersThan(pod) && !(await this.networkInUse(created.network)))
      await this.engine.streams
        .getNetwork(created.network)
        .remove()
        .catch(() => undefined);
  }

  /** Whether any container, running or not, is attached to the network (or the engine cannot say). */
  private async networkInUse(network: string): Promise<boolean> {
    return this.docker
      .listContainers({ all: true, filters: { network: [network] } })
      .then(
        (containers) => containers.length > 0,
        () => true,
      );
  }

  private async ensureNetwork(plan: Plan, created: Created, progress: (p: RunProgress) => void): Promise<void> {
    if (!plan.network) return;
    try {
      await this.docker.getNetwork(plan.network.name).inspect();
      return;
    } catch (err) {
      if (!isNotFound(err)) throw explainEngineError(err, 'inspect the network of', undefined);
    }
    progress({ stage: 'network', message: `Creating the project network "${plan.network.name}"` });
    try {
      await this.docker.createNetwork(plan.network.body);
      created.network = plan.network.name;
    } catch (err) {
      // Another Pod of the project may have created it a moment ago.
      if ((err as { statusCode?: number }).statusCode !== 409)
        throw explainEngineError(err, 'create the network for', undefined);
    }
  }

  private async ensureImages(plan: Plan, progress: (p: RunProgress) => void, signal?: AbortSignal): Promise<void> {
    const containersByImage = new Map<string, ContainerPlan[]>();
    for (const c of [plan.infra, ...plan.init, ...plan.apps]) {
      containersByImage.set(c.body.Image, [...(containersByImage.get(c.body.Image) ?? []), c]);
    }
    await settleAll(
      plan.images.map(async (image) => {
        const first = containersByImage.get(image.image)?.[0]?.container;
        let info: Docker.ImageInspectInfo | undefined;
        if (image.pullPolicy !== 'Always') {
          info = await this.docker
            .getImage(image.image)
            .inspect()
            .catch((err: unknown) =>
              isNotFound(err) ? undefined : Promise.reject(explainEngineError(err, 'inspect the image of', first)),
            );
        }
        if (!info) {
          if (image.pullPolicy === 'Never') {
            throw new PodError(
              'IMAGE_MISSING',
              podMessages.IMAGE_NEVER_PULL({ image: image.image, container: String(first) }),
              { container: first },
            );
          }
          await this.pull(image.image, first, progress, signal);
          info = await this.docker.getImage(image.image).inspect();
        }
        for (const c of containersByImage.get(image.image) ?? []) {
          if (!c.requireNonRoot) continue;
          const user = (info.Config?.User ?? '').split(':')[0] ?? '';
          if (user === '' || user === '0' || user === 'root') {
            throw new PodError(
              'IMAGE_RUNS_AS_ROOT',
              podMessages.IMAGE_RUNS_AS_ROOT({ container: c.container, image: image.image, user: user || 'root' }),
              { container: c.container },
            );
          }
          if (!/^\d+$/.test(user)) {
            throw new PodError('IMAGE_RUNS_AS_ROOT', podMessages.IMAGE_USER_NAME({ container: c.container, user }), {
              container: c.container,
            });
          }
        }
      }),
    );
  }

  private async pull(
    image: string,
    container: string | undefined,
    progress: (p: RunProgress) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    progress({ stage: 'pull', container, message: `Pulling ${image}` });
    const request = this.engine.streams.pull(image) as Promise<NodeJS.ReadableStream & { destroy?: () => void }>;
    // A cancel closes the pull's connection, and the engine abandons the download (unless another client pulls it too).
    const onAbort = (): void =>
      void request.then(
        (stream) => stream.destroy?.(),
        () => undefined,
      );
    signal?.addEventListener('abort', onAbort, { once: true });
    // The run's own catch turns any failure after a cancel into RUN_CANCELLED.
    const stopped = (): Error => new Error('the pull was cancelled');
    try {
      const stream = await abortable(request, signal, stopped);
      const done = new Promise<void>((resolve, reject) => {
        this.engine.streams.modem.followProgress(
          stream,
          (err: Error | null, output: { error?: string }[]) => {
            const failed = output?.find((o) => o.error);
            if (err || failed) reject(err ?? new Error(failed?.error));
            else resolve();
          },
          (event: { id?: string; status?: string; progressDetail?: { current?: number; total?: number } }) => {
            // "Pulling from <repository>" carries the tag as its id: it is about the image, not a layer.
            if (!event.id || event.status?.startsWith('Pulling from ')) return;
            progress({
              stage: 'pull',
              container,
              message: `${image}: ${event.id} ${event.status ?? ''}`.trim(),
              layer: {
                id: event.id,
                status: event.status ?? '',
                current: event.progressDetail?.current,
                total: event.progressDetail?.total,
              },
            });
          },
        );
      });
      // A destroyed stream may never report its end: the cancel does not wait for it.
      await abortable(done, signal, stopped);
    } catch (err) {
      if (signal?.aborted) throw err;
      const cause = (
        (err as { json?: { message?: string } }).json?.message ??
        (err as Error).message ??
        String(err)
      ).trim();
      const reason = pullFailureReason(cause, registryOf(image));
      throw new PodError(
        'IMAGE_PULL_FAILED',
        podMessages.IMAGE_PULL_FAILED({ image, container: String(container), reason }),
        { container, cause },
      );
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** hostPath type checks, as the kubelet makes them; only possible when the engine runs on this machine. */
  private async checkHostPaths(checks: HostPathCheck[]): Promise<void> {
    if (checks.length === 0 || !this.engineIsLocal()) return;
    await settleAll(checks.map((c) => checkHostPath(c)));
  }

  private engineIsLocal(): boolean {
    return /^(unix|npipe):/.test(this.engine.resolved.endpoint.host);
  }

  /** Makes emptyDirs world-writable and writes configMap / secret / downwardAPI files through a never-started helper. */
  private async prepareVolumes(
    plan: Plan,
    created: { containers: { id: string; container: string }[] },
  ): Promise<void> {
    const helper = plan.volumeHelper!;
    let container: Docker.Container;
    try {
      container = await this.docker.createContainer({
        name: helper.name,
        ...helper.body,
      } as Docker.ContainerCreateOptions);
    } catch (err) {
      throw explainEngineError(err, 'prepare the volumes of', undefined, helper.body.Image);
    }
    created.containers.push({ id: container.id, container: 'volumes' });
    const entries: ArchiveEntry[] = [];
    const dirs = new Set<string>();
    for (const [volume, mountPoint] of Object.entries(helper.mountPoints)) {
      const root = mountPoint.replace(/^\//, '');
      entries.push({ path: `${root}/`, mode: helper.worldWritable.includes(volume) ? 0o777 : 0o755 });
      dirs.add(root);
    }
    for (const file of helper.files) {
      const root = helper.mountPoints[file.dockerVolume]!.replace(/^\//, '');
      const parts = file.path.split('/').filter(Boolean);
      for (let i = 1; i < parts.length; i++) {
        const dir = `${root}/${parts.slice(0, i).join('/')}`;
        if (!dirs.has(dir)) {
          dirs.add(dir);
          entries.push({ path: `${dir}/`, mode: 0o755 });
        }
      }
      entries.push({
        path: `${root}/${parts.join('/')}`,
        mode: file.mode,
        content: Buffer.from(file.content, file.encoding),
      });
    }
    try {
      await container.putArchive(tarball(entries), { path: '/' });
      await container.remove({ force: true });
      created.containers.pop();
    } catch (err) {
      throw explainEngineError(err, 'fill the volumes of', undefined);
    }
  }

  private async podAddresses(plan: Plan, infraId: string): Promise<{ podIP: string; hostIP: string }> {
    if (!plan.network) {
      const ip = hostAddress();
      return { podIP: ip, hostIP: ip };
    }
    const info = await this.docker.getContainer(infraId).inspect();
    const net = info.NetworkSettings.Networks[plan.network.name];
    return { podIP: net?.IPAddress ?? '', hostIP: net?.Gateway ?? '' };
  }

  // ------------------------------------------------------------------ status

  /** The Pod's status now, or undefined when none of its containers exists. */
  async snapshot(ref: PodRef): Promise<PodSnapshot | undefined> {
    const namespace = ref.namespace ?? 'default';
    const list = await this.docker.listContainers({
      all: true,
      filters: { label: labelFilters(podSelector(ref.name, namespace)) },
    });
    const infos = await Promise.all(
      list
        .filter((c) => c.Labels[Labels.role] !== 'volume')
        .map((c) =>
          this.docker
            .getContainer(c.Id)
            .inspect()
            .catch((err: unknown) => (isNotFound(err) ? undefined : Promise.reject(err))),
        ),
    );
    const present = infos.filter((i): i is ContainerInfo => i !== undefined);
    if (present.length === 0) return undefined;
    return snapshotOf(ref.name, namespace, present);
  }

  /** Every Pod Podwright created on this engine, found by label (also those of an earlier run of the app). */
  async list(): Promise<PodSnapshot[]> {
    const all = await this.docker.listContainers({ all: true, filters: { label: [`${Labels.managed}=true`] } });
    const pods = new Map<string, PodRef>();
    for (const c of all) {
      const name = c.Labels[Labels.pod];
      if (!name || c.Labels[Labels.role] === 'volume') continue;
      const namespace = c.Labels[Labels.namespace] ?? 'default';
      pods.set(`${namespace}/${name}`, { name, namespace });
    }
    const snapshots = await Promise.all([...pods.values()].map((ref) => this.snapshot(ref)));
    return snapshots
      .filter((s): s is PodSnapshot => s !== undefined)
      .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  }

  /**
   * Streams status changes from the engine's events (no polling) until `signal` aborts: first the current status of
   * the matching Pods, then a fresh snapshot of a Pod whenever one of its containers changes, and this runtime's
   * run progress.
   */
  async watch(filter: Partial<PodRef>, emit: (event: PodStatusEvent) => void, signal: AbortSignal): Promise<void> {
    const namespace = filter.namespace ?? (filter.name ? 'default' : undefined);
    const matches = (name: string, ns: string): boolean =>
      (filter.name === undefined || filter.name === name) && (namespace === undefined || namespace === ns);
    const unsubscribe = this.subscribe((event) => {
      const ns = event.kind === 'status' ? event.pod.namespace : event.namespace;
      const name = event.kind === 'status' ? event.pod.name : event.name;
      if (event.kind === 'progress' && matches(name, ns)) emit(event);
    });
    const labels = [`${Labels.managed}=true`];
    if (filter.name) labels.push(`${Labels.pod}=${filter.name}`);
    if (namespace) labels.push(`${Labels.namespace}=${namespace}`);
    const stream = (await this.engine.streams.getEvents({
      filters: { type: ['container'], label: labels },
    })) as NodeJS.ReadableStream & {
      destroy?: () => void;
    };
    const pending = new Map<string, NodeJS.Timeout>();
    const refresh = (ref: PodRef & { namespace: string }): void => {
      const key = `${ref.namespace}/${ref.name}`;
      if (pending.has(key)) return;
      // Coalesce a burst (create, start, attach...) into one snapshot.
      pending.set(
        key,
        setTimeout(() => {
          pending.delete(key);
          if (signal.aborted) return;
          this.snapshot(ref).then(
            (pod) => {
              if (signal.aborted) return;
              emit(pod ? { kind: 'status', pod } : { kind: 'removed', name: ref.name, namespace: ref.namespace });
            },
            () => {},
          );
        }, 15),
      );
    };
    try {
      const initial = filter.name
        ? [await this.snapshot({ name: filter.name, namespace })].filter(Boolean)
        : await this.list();
      for (const pod of initial as PodSnapshot[]) if (matches(pod.name, pod.namespace)) emit({ kind: 'status', pod });
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          stream.destroy?.();
          resolve();
        };
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        stream.on(
          'data',
          lineSplitter((line) => {
            try {
              const event = JSON.parse(line) as { Actor?: { Attributes?: Record<string, string> } };
              const attrs = event.Actor?.Attributes ?? {};
              const name = attrs[Labels.pod];
              const ns = attrs[Labels.namespace] ?? 'default';
              if (name && attrs[Labels.role] !== 'volume' && matches(name, ns)) refresh({ name, namespace: ns });
            } catch {
              // A line that is not JSON is not an event.
            }
          }),
        );
        stream.on('end', () => resolve());
        stream.on('error', (err) => (signal.aborted ? resolve() : reject(err)));
      });
    } finally {
      unsubscribe();
      for (const t of pending.values()) clearTimeout(t);
      stream.destroy?.();
    }
  }

  // ------------------------------------------------------------------ stop / down

  /** Stops every container gracefully (SIGTERM, the Pod's grace period, then SIGKILL): apps first, the infra last. */
  async stop(ref: PodRef, options: { graceSeconds?: number } = {}): Promise<PodSnapshot | undefined> {
    const namespace = ref.namespace ?? 'default';
    const list = await this.docker.listContainers({
      all: true,
      filters: { label: labelFilters(podSelector(ref.name, namespace)) },
    });
    const stopOne = async (c: Docker.ContainerInfo): Promise<void> => {
      if (c.State !== 'running' && c.State !== 'restarting' && c.State !== 'paused') return;
      const t = options.graceSeconds ?? Number(c.Labels[Labels.grace] ?? 10);
      await this.engine.streams
        .getContainer(c.Id)
        .stop({ t })
        .catch((err: unknown) =>
          (err as { statusCode?: number }).statusCode === 304 || isNotFound(err) ? undefined : Promise.reject(err),
        );
    };
    await settleAll(list.filter((c) => c.Labels[Labels.role] !== 'infra').map(stopOne));
    await settleAll(list.filter((c) => c.Labels[Labels.role] === 'infra').map(stopOne));
    this.publishSoon({ name: ref.name, namespace });
    return this.snapshot({ name: ref.name, namespace });
  }

  /**
   * Removes the Pod: stops its containers gracefully, removes them and its own volumes (emptyDir, configMap, secret;
   * never a claim's). Idempotent, and works after a crash: everything is found by label.
   */
  async down(ref: PodRef, options: { graceSeconds?: number } = {}): Promise<{ containers: number; volumes: number }> {
    const namespace = ref.namespace ?? 'default';
    const selector = labelFilters(podSelector(ref.name, namespace));
    // The volumes are listed together with the containers to save a round trip (a Pod being downed is not mid-run:
    // its volumes all exist), and removed after them.
    const [list, { Volumes }] = await Promise.all([
      this.docker.listContainers({ all: true, filters: { label: selector } }),
      this.docker.listVolumes({ filters: { label: selector } }),
    ]);
    const graceOf = (c: Docker.ContainerInfo): number =>
      c.State === 'running' || c.State === 'restarting'
        ? (options.graceSeconds ?? Number(c.Labels[Labels.grace] ?? 10))
        : 0;
    const removeOne = async (c: Docker.ContainerInfo): Promise<void> => {
      const container = this.engine.streams.getContainer(c.Id);
      const t = graceOf(c);
      if (t > 0) await container.stop({ t }).catch(() => undefined);
      await container
        .remove({ force: true })
        .catch((err: unknown) => (isNotFound(err) ? undefined : Promise.reject(err)));
    };
    if (list.some((c) => c.Labels[Labels.role] !== 'infra' && graceOf(c) > 0)) {
      // The apps get their grace period with the network and IPC still in place; the infra goes last.
      await settleAll(list.filter((c) => c.Labels[Labels.role] !== 'infra').map(removeOne));
      await settleAll(list.filter((c) => c.Labels[Labels.role] === 'infra').map(removeOne));
    } else {
      // Nothing to wait for: kill and remove everything at once.
      await settleAll(list.map(removeOne));
    }
    const own = (Volumes ?? []).filter((v) => v.Labels?.[Labels.persistent] !== 'true');
    await settleAll(
      own.map((v) =>
        this.engine.streams
          .getVolume(v.Name)
          .remove()
          .catch((err: unknown) => (isNotFound(err) ? undefined : Promise.reject(err))),
      ),
    );
    if (list.length > 0) this.publish({ kind: 'removed', name: ref.name, namespace });
    return { containers: list.length, volumes: own.length };
  }

  private publishSoon(ref: PodRef & { namespace: string }): void {
    void this.snapshot(ref).then(
      (pod) => this.publish(pod ? { kind: 'status', pod } : { kind: 'removed', ...ref }),
      () => {},
    );
  }
}

function substituteAddresses(c: ContainerPlan, podIP: string, hostIP: string): ContainerPlan {
  const fill = (s: string): string => s.split(POD_IP_PLACEHOLDER).join(podIP).split(HOST_IP_PLACEHOLDER).join(hostIP);
  const body = { ...c.body };
  if (body.Env) body.Env = body.Env.map(fill);
  if (body.Entrypoint) body.Entrypoint = body.Entrypoint.map(fill);
  if (body.Cmd) body.Cmd = body.Cmd.map(fill);
  return { ...c, body };
}

/** The registry an image reference names (its first component when that looks like a host), else Docker Hub. */
export function registryOf(image: string): string {
  const first = image.split('/')[0]!;
  return image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
    ? first
    : 'docker.io';
}

/** The engine's pull error in plain words (it comes as "(HTTP code 500) server error - Get \"http://...\": dial tcp ..."). */
export function pullFailure(cause: string, registry: string): string {
  const reason = pullFailureReason(cause, registry);
  return typeof reason === 'string' ? reason : reason.text;
}

/** pullFailure's reason as a catalogue phrase; the registry's own words otherwise. */
function pullFailureReason(cause: string, registry: string): Phrase | string {
  if (/manifest unknown|manifest for .* not found|not found: manifest/i.test(cause))
    return pullReasons.noManifest(registry);
  if (/pull access denied|unauthorized|authentication required|requested access to the resource is denied/i.test(cause))
    return pullReasons.denied(registry);
  const corrupt = /verification failed for digest (sha256:[0-9a-f]{12})/i.exec(cause);
  if (corrupt) return pullReasons.corrupt(registry, corrupt[1]!);
  if (/server gave HTTP response to HTTPS client/i.test(cause)) return pullReasons.plainHttp(registry);
  if (
    /connection refused|no such host|dial tcp|i\/o timeout|context deadline exceeded|network is unreachable|TLS handshake timeout|no route to host/i.test(
      cause,
    )
  )
    return pullReasons.unreachable(registry);
  return cause.replace(/^\(HTTP code \d+\) [a-z ]+ - /, '');
}

/** The host's first external IPv4 address: the Pod IP of a hostNetwork Pod. */
function hostAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

async function checkHostPath(c: HostPathCheck): Promise<void> {
  const fail = (why: keyof typeof hostPathReasons): never => {
    throw new PodError(
      'HOSTPATH_INVALID',
      podMessages.HOSTPATH_INVALID({ volume: c.volume, path: c.path, why: hostPathReasons[why]() }),
    );
  };
  const info = await lstat(c.path).catch(() => undefined);
  const target = info?.isSymbolicLink() ? await stat(c.path).catch(() => undefined) : info;
  switch (c.type) {
    case '':
      return;
    case 'DirectoryOrCreate':
      if (!target) await mkdir(c.path, { recursive: true, mode: 0o755 });
      else if (!target.isDirectory()) fail('existsNotDirectory');
      return;
    case 'Directory':
      if (!target) fail('missingDirectory');
      else if (!target.isDirectory()) fail('notDirectory');
      return;
    case 'FileOrCreate':
      if (!target) {
        await mkdir(dirname(c.path), { recursive: true, mode: 0o755 });
        await (await open(c.path, 'a', 0o644)).close();
      } else if (!target.isFile()) fail('existsNotFile');
      return;
    case 'File':
      if (!target) fail('missingFile');
      else if (!target.isFile()) fail('notFile');
      return;
    case 'Socket':
      if (!target?.isSocket()) fail(target ? 'notSocket' : 'missingSocket');
      return;
    case 'CharDevice':
      if (!target?.isCharacterDevice()) fail('notCharDevice');
      return;
    case 'BlockDevice':
      if (!target?.isBlockDevice()) fail('notBlockDevice');
  }
}

/** Splits Docker's multiplexed log stream (8-byte frame headers) into text; plain text passes through. */
export function demux(raw: Buffer): string {
  if (raw.length < 8 || raw[1] !== 0 || raw[2] !== 0 || raw[3] !== 0 || raw[0]! > 2) return raw.toString('utf8');
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= raw.length) {
    const size = raw.readUInt32BE(offset + 4);
    parts.push(raw.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}

function containerStatus(info: ContainerInfo, initPending: boolean): ContainerStatus {
  const labels = info.Config.Labels ?? {};
  const role = (labels[Labels.role] ?? 'app') as ContainerStatus['role'];
  const s = info.State;
  let state: ContainerStatus['state'];
  if (s.Running && !s.Restarting) state = { state: 'running', startedAt: s.StartedAt };
  else if (s.Restarting)
    state = { state: 'waiting', reason: 'CrashLoopBackOff', message: `restarting after exit code ${s.ExitCode}` };
  else if (s.Status === 'created')
    state = { state: 'waiting', reason: role === 'app' && initPending ? 'PodInitializing' : 'ContainerCreating' };
  else {
    state = {
      state: 'terminated',
      exitCode: s.ExitCode,
      reason: terminatedReason(s.ExitCode, s.OOMKilled),
      startedAt: s.StartedAt,
      finishedAt: s.FinishedAt,
    };
    if (s.Error) state.message = s.Error;
  }
  const status: ContainerStatus = {
    name: labels[Labels.container] ?? info.Name.replace(/^\//, ''),
    role,
    image: info.Config.Image,
    id: info.Id,
    state,
    restartCount: info.RestartCount ?? 0,
  };
  return status;
}

function snapshotOf(name: string, namespace: string, infos: ContainerInfo[]): PodSnapshot {
  const sorted = [...infos].sort((a, b) => {
    const la = a.Config.Labels ?? {};
    const lb = b.Config.Labels ?? {};
    return (
      (ROLE_ORDER[la[Labels.role] ?? 'app'] ?? 3) - (ROLE_ORDER[lb[Labels.role] ?? 'app'] ?? 3) ||
      Number(la[Labels.index] ?? 0) - Number(lb[Labels.index] ?? 0)
    );
  });
  const initPending = sorted.some(
    (i) => i.Config.Labels?.[Labels.role] === 'init' && !(i.State.Status === 'exited' && i.State.ExitCode === 0),
  );
  const containers = sorted.map((i) => containerStatus(i, initPending));
  const infra = sorted.find((i) => i.Config.Labels?.[Labels.role] === 'infra');
  const restartPolicy = (infra?.Config.Labels?.[Labels.restartPolicy] ?? 'Always') as PodSnapshot['restartPolicy'];
  const snapshot: PodSnapshot = {
    name,
    namespace,
    phase: podPhase(restartPolicy, containers),
    restartPolicy,
    containers,
  };
  const design = infra?.Config.Labels?.[Labels.design];
  if (design) snapshot.design = design;
  const ip = infra ? Object.values(infra.NetworkSettings.Networks ?? {})[0]?.IPAddress : undefined;
  if (ip) snapshot.podIP = ip;
  return snapshot;
}
