// Executes a Pod plan on the engine (dockerode) and manages what it created: run with progress and rollback,
// status from the engine's events, graceful stop, and a `down` that finds everything by label, even after a crash.
import type Docker from 'dockerode';
import {
  HOST_IP_PLACEHOLDER,
  isRunnable,
  Labels,
  POD_IP_PLACEHOLDER,
  podSelector,
  type ContainerPlan,
  type Plan,
} from '../../../../shared/plan';
import type { Engine } from '../connection/engine';
import { lastLines } from './container-output';
import { checkHostPaths, hostAddress } from './host-paths';
import { tarball, type ArchiveEntry } from './pod-archive';
import { explainEngineError, PodError } from './pod-errors';
import { doing, phrases, podMessages, type Phrase } from './pod-messages';
import { ensureImages } from './pod-pull';
import { runCancelled, RunsInProgress } from './pod-runs';
import { RunLedger } from './run-ledger';
import {
  PodStatusReader,
  snapshotOf,
  withExpected,
  type PodRef,
  type PodSnapshot,
  type PodStatusEvent,
  type RunProgress,
} from './pod-status';
import { abortable, isGone, isNotFound, labelFilters, settleAll } from './settle';

export type { PodRef, PodSnapshot, PodStatusEvent, RunProgress } from './pod-status';

/**
 * What a Pod's removal waits for, as it happens: `stopping` once the apps that still run were sent SIGTERM (they get
 * up to `graceSeconds` before SIGKILL), then `stopped` as each of them exits.
 */
export type DownProgress =
  | { step: 'stopping'; containers: string[]; graceSeconds: number }
  | { step: 'stopped'; container: string; exitCode?: number };

export interface RunOptions {
  onProgress?: (progress: RunProgress) => void;
  /** Aborting cancels the run at its next safe point and rolls back what it created (PodError RUN_CANCELLED). */
  signal?: AbortSignal;
  /** How long a run that lost the engine waits for it to come back to remove what it created (ms, default 10 s). */
  reconnectMs?: number;
}

export class PodRuntime {
  private readonly listeners = new Set<(event: PodStatusEvent) => void>();
  /** Runs in progress, by Pod: cancel() stops one from another call. */
  readonly runs = new RunsInProgress();
  private readonly status: PodStatusReader;

  constructor(readonly engine: Engine) {
    this.status = new PodStatusReader(engine, (listener) => this.subscribe(listener), this.runs);
  }

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
    // What the run is doing, for a report if the engine goes away: the step of its last progress.
    let step: Phrase = doing.check();
    const progress = (p: RunProgress): void => {
      step = stepOf(p) ?? step;
      options.onProgress?.(p);
      this.publish({ kind: 'progress', name, namespace, ...p });
    };
    const created = new RunLedger();
    // The infra says which containers the Pod has, so its status can show one that was removed later.
    const infraPlan = { ...plan.infra, body: { ...plan.infra.body, Labels: withExpected(plan) } };
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
        : created
            .asking(plan.infra.name, () =>
              this.docker.createContainer({
                name: plan.infra.name,
                ...infraPlan.body,
                Labels: created.labelled(infraPlan.body.Labels),
              } as Docker.ContainerCreateOptions),
            )
            .then(
              (container) => {
                created.containers.push({ id: container.id, container: plan.infra.container, name: plan.infra.name });
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
          ensureImages(this.engine, plan, progress, signal),
          checkHostPaths(this.engine, plan.hostPaths),
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
      const infra = first.container ?? (await this.create(infraPlan, created, progress));
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
      let error = signal.aborted ? runCancelled(name) : explainEngineError(err, 'run', undefined);
      // An init container killed or a container not found because the Pod was removed meanwhile (podwright down from
      // another process): that is what to say, not the exit code the removal caused.
      if (!signal.aborted && error.code !== 'ENGINE_LOST' && (await this.infraRemoved(created)))
        error = new PodError('RUN_CANCELLED', podMessages.REMOVED_DURING_RUN({ name }), { cause: error.message });
      if (error.code === 'ENGINE_LOST') throw await this.afterLostEngine(plan, created, step, error, progress, options);
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

  /**
   * The engine went away during the run: waits a while for it to come back, removes what the run created if it does,
   * and says what it was doing and what is left on the engine, by name.
   */
  private async afterLostEngine(
    plan: Plan,
    created: RunLedger,
    step: Phrase,
    lost: PodError,
    progress: (p: RunProgress) => void,
    options: RunOptions & { signal: AbortSignal },
  ): Promise<PodError> {
    const engine = this.engine.resolved.endpoint.host;
    let back = false;
    let left = created.names();
    if (left.length > 0) {
      const waitMs = options.reconnectMs ?? 10_000;
      progress({
        stage: 'rollback',
        message: `Lost the connection to the Docker Engine at ${engine} while ${step.text}; waiting up to ${Math.round(waitMs / 1000)} s for it to come back to remove what the run created`,
      });
      back = await this.engine.back(waitMs, options.signal);
      if (back) left = await this.rollback(created, plan.pod, { sweep: true });
    }
    const error = new PodError(
      'ENGINE_LOST',
      podMessages.ENGINE_LOST({ engine, doing: step, name: plan.pod.name, namespace: plan.pod.namespace, left, back }),
      { cause: lost.details.cause, left },
    );
    progress({ stage: 'rollback', message: error.message });
    return error;
  }

  /** The Pod's volumes, filled; a claim's volume is created only when missing and never rolled back. */
  private async createVolumes(plan: Plan, created: RunLedger, progress: (p: RunProgress) => void): Promise<void> {
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
        if (v.persistent) return void (await this.docker.createVolume(v.body));
        await created.asking(v.body.Name, () =>
          this.docker.createVolume({ ...v.body, Labels: created.labelled(v.body.Labels) }),
        );
        created.volumes.push(v.body.Name);
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
    created: RunLedger,
    progress: (p: RunProgress) => void,
  ): Promise<Docker.Container> {
    progress({ stage: 'create', container: c.container, message: `Creating ${c.role} container "${c.container}"` });
    try {
      const container = await created.asking(c.name, () =>
        this.docker.createContainer({
          name: c.name,
          ...c.body,
          Labels: created.labelled(c.body.Labels),
        } as Docker.ContainerCreateOptions),
      );
      created.containers.push({ id: container.id, container: c.container, name: c.name });
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
      const logs = await lastLines(container);
      const then = restartPolicy === 'Never' ? phrases.podFailed() : phrases.podStopped();
      const oom = info.State.OOMKilled ? phrases.outOfMemory() : '';
      throw new PodError('INIT_FAILED', podMessages.INIT_FAILED({ container: c.container, exitCode, oom, then }), {
        container: c.container,
        exitCode,
        logs,
      });
    }
  }

  /** Whether the run's infra, once created, is gone or being removed: the Pod was removed under the run. */
  private async infraRemoved(created: RunLedger): Promise<boolean> {
    const infra = created.containers.find((c) => c.container === 'POD');
    if (!infra) return false;
    return this.docker
      .getContainer(infra.id)
      .inspect()
      .then(
        (info) => info.State.Status === 'removing' || info.State.Dead,
        (err: unknown) => isNotFound(err),
      );
  }

  /**
   * Removes what the run created; returns the Docker names of what could not be removed (already gone counts as
   * removed). With `sweep` (after the engine came back), also whatever carries the run's token: a create whose answer
   * was lost.
   */
  private async rollback(created: RunLedger, pod: PodRef, options: { sweep?: boolean } = {}): Promise<string[]> {
    const containers = [...created.containers];
    const volumes = [...created.volumes];
    if (options.sweep) {
      const label = [`${Labels.run}=${created.token}`];
      const [found, { Volumes }] = await Promise.all([
        this.docker.listContainers({ all: true, filters: { label } }).catch(() => []),
        this.docker.listVolumes({ filters: { label } }).catch(() => ({ Volumes: [] })),
      ]);
      for (const c of found)
        if (!containers.some((k) => k.id === c.Id))
          containers.push({ id: c.Id, container: '', name: c.Names[0]?.replace(/^\//, '') ?? c.Id });
      for (const v of Volumes ?? []) if (!volumes.includes(v.Name)) volumes.push(v.Name);
    }
    const removedContainers = await Promise.allSettled(
      containers.map((c) => this.engine.streams.getContainer(c.id).remove({ force: true, v: false })),
    );
    const removedVolumes = await Promise.allSettled(volumes.map((v) => this.engine.streams.getVolume(v).remove()));
    const failed = (r: PromiseSettledResult<unknown>): boolean => r.status === 'rejected' && !isGone(r.reason);
    const left = [
      ...containers.filter((_, i) => failed(removedContainers[i]!)).map((c) => c.name),
      ...volumes.filter((_, i) => failed(removedVolumes[i]!)),
    ];
    // A network this run created goes too, unless another run here may be about to join it or another Pod's
    // container joined it meanwhile. The engine refuses only while such a container runs: it removes the network
    // from under a created or stopped one, which then cannot start.
    if (created.network && !this.runs.othersThan(pod) && !(await this.networkInUse(created.network)))
      await this.engine.streams
        .getNetwork(created.network)
        .remove()
        .catch(() => undefined);
    return left;
  }

  /** Whether any container, running or not, is attached to the network (or the engine cannot say). */
  private async networkInUse(network: string): Promise<boolean> {
    return this.docker.listContainers({ all: true, filters: { network: [network] } }).then(
      (containers) => containers.length > 0,
      () => true,
    );
  }

  private async ensureNetwork(plan: Plan, created: RunLedger, progress: (p: RunProgress) => void): Promise<void> {
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

  /** Makes emptyDirs world-writable and writes configMap / secret / downwardAPI files through a never-started helper. */
  private async prepareVolumes(plan: Plan, created: RunLedger): Promise<void> {
    const helper = plan.volumeHelper!;
    let container: Docker.Container;
    try {
      container = await created.asking(helper.name, () =>
        this.docker.createContainer({
          name: helper.name,
          ...helper.body,
          Labels: created.labelled(helper.body.Labels),
        } as Docker.ContainerCreateOptions),
      );
    } catch (err) {
      throw explainEngineError(err, 'prepare the volumes of', undefined, helper.body.Image);
    }
    created.containers.push({ id: container.id, container: 'volumes', name: helper.name });
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
  snapshot(ref: PodRef): Promise<PodSnapshot | undefined> {
    return this.status.snapshot(ref);
  }

  /** Every Pod Podwright created on this engine, found by label (also those of an earlier run of the app). */
  list(): Promise<PodSnapshot[]> {
    return this.status.list();
  }

  /** Status changes from the engine's events and this runtime's run progress, until `signal` aborts. */
  watch(filter: Partial<PodRef>, emit: (event: PodStatusEvent) => void, signal: AbortSignal): Promise<void> {
    return this.status.watch(filter, emit, signal);
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
  async down(
    ref: PodRef,
    options: { graceSeconds?: number; onProgress?: (p: DownProgress) => void } = {},
  ): Promise<{ containers: number; volumes: number }> {
    const namespace = ref.namespace ?? 'default';
    const selector = labelFilters(podSelector(ref.name, namespace));
    // The volumes are listed together with the containers to save a round trip (a Pod being downed is not mid-run:
    // its volumes all exist), and removed after them.
    const [list, { Volumes }] = await Promise.all([
      this.docker.listContainers({ all: true, filters: { label: selector } }),
      this.docker.listVolumes({ filters: { label: selector } }),
    ]);
    const running = (c: Docker.ContainerInfo): boolean => c.State === 'running' || c.State === 'restarting';
    const graceOf = (c: Docker.ContainerInfo): number =>
      running(c) ? (options.graceSeconds ?? Number(c.Labels[Labels.grace] ?? 10)) : 0;
    const report = options.onProgress;
    const nameOf = (c: Docker.ContainerInfo): string =>
      c.Labels[Labels.container] ?? c.Names[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12);
    const removeOne = async (c: Docker.ContainerInfo, reported = false): Promise<void> => {
      const container = this.engine.streams.getContainer(c.Id);
      const t = graceOf(c);
      // Someone listening hears how each running app ended, with grace 0 too (stopped at once, then removed): a
      // removal by force alone deletes it before its exit can be read.
      if (t > 0 || (reported && report && running(c))) {
        await container.stop({ t }).catch(() => undefined);
        if (reported && report) {
          const exitCode = await container.inspect().then(
            (i) => i.State.ExitCode,
            () => undefined,
          );
          report({ step: 'stopped', container: nameOf(c), exitCode });
        }
      }
      // A removal already under way (a run rolling back, another down) is this one's work done.
      await container.remove({ force: true }).catch((err: unknown) => (isGone(err) ? undefined : Promise.reject(err)));
    };
    const apps = list.filter((c) => c.Labels[Labels.role] !== 'infra');
    const waited = apps.filter((c) => graceOf(c) > 0);
    if (waited.length > 0 || (report && apps.some(running))) {
      // The apps get their grace period with the network and IPC still in place; the infra goes last.
      if (waited.length > 0)
        report?.({ step: 'stopping', containers: waited.map(nameOf), graceSeconds: Math.max(...waited.map(graceOf)) });
      await settleAll(apps.map((c) => removeOne(c, true)));
      await settleAll(list.filter((c) => c.Labels[Labels.role] === 'infra').map((c) => removeOne(c)));
    } else {
      // Nothing to wait for, nobody to tell: kill and remove everything at once.
      await settleAll(list.map((c) => removeOne(c)));
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

/** The step a progress report names, as a phrase for "while ...". */
function stepOf(p: RunProgress): Phrase | undefined {
  switch (p.stage) {
    case 'check':
      return doing.check();
    case 'network':
      return doing.network();
    case 'pull':
      return doing.pull(p.container);
    case 'volume':
      return doing.volume();
    case 'create':
      return doing.create(p.container);
    case 'start':
      return p.container ? doing.start(p.container) : doing.startApps();
    case 'init':
      return p.container ? doing.init(p.container) : undefined;
    case 'rollback':
      return doing.rollback();
    default:
      return undefined;
  }
}
