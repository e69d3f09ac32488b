// `podwright run FILE`: runs the Pod in FILE on the local engine the way Kubernetes would, shows progress and status.
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { ApiError } from '../../../shared/api';
import type { Diagnostic } from '../../../shared/model/diagnostic';
import { choosePod, designCompanions } from '../../../shared/manifest/pod-choice';
import { readDesign, type DesignPod, type DesignRead } from '../../../shared/manifest/read';
import { checkRun, engineTime, type Plan, type PlanEngine, type PlanOptions } from '../../../shared/plan';
import { inObject, isHostAccess } from '../../../shared/rules';
import {
  downCommand,
  Engine,
  infraImageSetting,
  newRunId,
  PodError,
  PodRuntime,
  streamPodLogs,
  type PodLogEvent,
  type PodSnapshot,
  type RunProgress,
} from '../../engines/docker';
import { containerOutput, ContainerColours, LineWriter, logLine } from '../log-writer';
import { PodEnds } from '../pod-ends';
import { formatPod } from '../pod-lines';
import { colorFor, palette, problemLines } from '../problem-lines';
import { designSource, readInput } from '../read-input';
import { removePod, stopReporter, type Removal } from '../stop-progress';
import { paint, printable, say, warn, warnPainted } from '../terminal';
import type { RegisterCommand } from './index';
import { signalExitCode } from '../exit-code';

export interface RunOptions {
  detach: boolean;
  /** Run despite the problems the app asks about ("Run anyway"), without asking. */
  force?: boolean;
  /** Which Pod to run when the file holds several. */
  pod?: string;
  infraImage?: string;
  design?: string;
}

const out = say;
const err = warn;

function progressLine(p: RunProgress): string | undefined {
  // Per-layer pull chatter is for a UI progress bar; the terminal shows finished layers only.
  if (p.layer && !/complete|already exists/i.test(p.layer.status)) return undefined;
  return `  ${p.message}`;
}

/** Where the infra image of a run came from: `--infra-image`, PODWRIGHT_INFRA_IMAGE, or Podwright's default. */
export interface InfraChoice {
  image: string;
  from: 'option' | 'env' | 'default';
}

/** What to do when the infra image is not there and cannot be pulled (offline, say): where it came from, how to choose. */
export function infraImageHint(e: PodError, infra: InfraChoice): string | undefined {
  if (e.details.container !== 'POD' || (e.code !== 'IMAGE_PULL_FAILED' && e.code !== 'IMAGE_MISSING')) return undefined;
  switch (infra.from) {
    case 'default':
      return `The infra ("pause") image is ${infra.image} unless you choose another: load a pause image into the engine (docker load) and run with --infra-image IMAGE, or set PODWRIGHT_INFRA_IMAGE=IMAGE for every run.`;
    case 'env':
      return `The infra ("pause") image ${infra.image} comes from PODWRIGHT_INFRA_IMAGE: set it (or pass --infra-image) to a pause image this engine has ("docker images" lists them).`;
    case 'option':
      return `The infra ("pause") image ${infra.image} comes from --infra-image: pass a pause image this engine has ("docker images" lists them).`;
  }
}

/** Explains a failed run; init container logs help the user see why. */
export function reportFailure(e: unknown, infra?: InfraChoice): void {
  if (e instanceof PodError) {
    err(`podwright: ${e.message}`);
    const hint = infra && infraImageHint(e, infra);
    if (hint) err(hint);
    if (e.details.problems) for (const p of e.details.problems) err(`  ${p.path ? `${p.path}: ` : ''}${p.message}`);
    if (e.details.logs) {
      err(`Last lines of "${e.details.container}":`);
      for (const line of e.details.logs.split('\n')) err(`  | ${line}`);
    }
    return;
  }
  err(`podwright: ${e instanceof Error ? e.message : String(e)}`);
}

/** Reads the file through the one reader and picks its Pod; problems that stop reading exit 2 with their places. */
async function readPodFile(
  file: string,
  name: string | undefined,
): Promise<{ read: DesignRead; chosen: DesignPod } | number> {
  let read: DesignRead;
  try {
    const text = await readInput(file);
    read = readDesign(text, await designSource(file, text));
  } catch (e) {
    err(`podwright: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const unreadable = read.problems.filter((d) => d.severity === 'error' && !d.path);
  if (unreadable.length > 0 && read.pods.length === 0) {
    printProblems(file, unreadable);
    return 2;
  }
  try {
    return { read, chosen: choosePod(read, name) };
  } catch (e) {
    err(`podwright: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

function printProblems(file: string, problems: readonly Diagnostic[]): void {
  const c = palette(colorFor(process.stderr));
  for (const d of problems) warnPainted(problemLines(d, c, { indent: '  ', file }).join('\n'));
}

/** Asks on a terminal whether to run anyway; anywhere else the answer is no (use --force). */
async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/**
 * The gate, as the app's Run applies it: what refuses the run exits 1 with the problems (the same codes and paths
 * `podwright validate` prints); what the app asks about is asked here (or passed with --force), once, with what hands
 * this computer to a container (the host-access family) named first.
 */
async function gate(
  file: string,
  read: DesignRead,
  chosen: DesignPod,
  info: PlanEngine,
  planOptions: PlanOptions,
  force: boolean,
): Promise<Plan | number> {
  const check = checkRun(chosen.pod, info, { companions: designCompanions(read), planOptions });
  const placed = (list: readonly Diagnostic[]) => list.map((d) => inObject(read, d, chosen));
  const name = chosen.pod.metadata?.name ?? '';
  if (check.blockers.length > 0) {
    err(
      `podwright: Pod ${name} cannot run: ${check.blockers.length} problem${check.blockers.length === 1 ? '' : 's'} Kubernetes or the engine would refuse:`,
    );
    printProblems(file, placed(check.blockers));
    return 1;
  }
  if (check.questions.length === 0) return check.plan!;
  const hostAccess = check.questions.filter(isHostAccess);
  const others = check.questions.filter((d) => !isHostAccess(d));
  if (hostAccess.length > 0) {
    err(`Pod ${name} gets access to this computer, not only to its containers:`);
    printProblems(file, placed(hostAccess));
  }
  if (others.length > 0) {
    err(hostAccess.length > 0 ? 'It also has these warnings:' : `Pod ${name} runs, but:`);
    printProblems(file, placed(others));
  }
  const question = hostAccess.length > 0 ? 'Give it that access and run it?' : 'Run anyway?';
  if (!force && !(await confirm(question))) {
    err(
      hostAccess.length > 0
        ? 'Not started. Run it with --force to give it that access.'
        : 'Not started. Run it anyway with --force.',
    );
    return 1;
  }
  return check.plan!;
}

export async function runPod(file: string, options: RunOptions): Promise<number> {
  // The engine is asked for its facts while the file is read and checked: two round trips to the engine that the
  // reading no longer waits for. A file that cannot be read still says so first (info() never throws).
  const engine = new Engine();
  const engineInfo = engine.info();
  const loaded = await readPodFile(file, options.pod);
  if (typeof loaded === 'number') {
    engine.close();
    return loaded;
  }
  const { read, chosen } = loaded;
  const info = await engineInfo;
  if (!info.reachable) {
    err(`podwright: ${info.reason} ${info.hint}`);
    return 1;
  }
  const planOptions: PlanOptions = { runId: newRunId() };
  const infraImage = infraImageSetting(options.infraImage);
  if (infraImage) planOptions.infraImage = infraImage;
  if (options.design) planOptions.design = options.design;
  const p = await gate(file, read, chosen, info, planOptions, options.force === true);
  if (typeof p === 'number') return p;
  const runtime = new PodRuntime(engine);
  const ref = { name: p.pod.name, namespace: p.pod.namespace };
  const cancel = new AbortController();
  let signalled: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    signalled ??= signal;
    cancel.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let snapshot: PodSnapshot;
  try {
    err(`Starting Pod ${p.pod.name} on ${info.name} ${info.version}`);
    snapshot = await runtime.run(p, {
      signal: cancel.signal,
      onProgress: (progress) => {
        const line = progressLine(progress);
        if (line) err(line);
      },
    });
  } catch (e) {
    reportFailure(e, {
      image: p.infra.body.Image,
      from: options.infraImage ? 'option' : infraImage ? 'env' : 'default',
    });
    // Stopped by the user while starting (the run removed what it had made): the signal's code, as for a stop later.
    return signalled && e instanceof PodError && e.code === 'RUN_CANCELLED' ? signalExitCode(signalled) : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  for (const line of formatPod(snapshot)) out(line);
  if (options.detach) {
    out(`Running in the background; stop it with: ${downCommand(ref.name, ref.namespace)}`);
    return 0;
  }
  return attach(engine, runtime, ref, snapshot);
}

/** How long a finished Pod's last lines may take to arrive before it is removed, at most. */
const LAST_LINES_MS = 5000;

/** Whether the log stream has shown each container's last exit (and so all it wrote) in the finished Pod `pod`. */
function logsCaughtUp(pod: PodSnapshot, exits: ReadonlyMap<string, number>): boolean {
  return pod.containers.every((c) => {
    if (c.role === 'infra' || c.state.state !== 'terminated') return true;
    const finished = engineTime(c.state.finishedAt);
    return finished === undefined || (exits.get(c.name) ?? -Infinity) >= finished;
  });
}

/**
 * A foreground run, as `docker compose up` is: the Pod's logs (every container but the infra, merged in time order by
 * the one log stream `podwright logs` reads, each line after its container's name, across restarts) until the Pod
 * ends or the user presses Ctrl+C; then the Pod is removed, after its grace period, or at once on a second Ctrl+C.
 */
async function attach(
  engine: Engine,
  runtime: PodRuntime,
  ref: { name: string; namespace: string },
  first: PodSnapshot,
): Promise<number> {
  const containers = first.containers.filter((c) => c.role !== 'infra').map((c) => c.name);
  const names = containers.map(printable);
  const width = Math.max(0, ...names.map((n) => n.length));
  const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  // Colours in the Pod's order, whichever container speaks first.
  const colours = new ContainerColours();
  for (const c of containers) colours.of(c);
  const prefix = (container: string): string =>
    `${paint(colours.of(container), `${printable(container).padEnd(width)} |`, colour)} `;
  const note = (text: string): string => paint(2, text, colour);
  // The containers' own text: unchanged to a pipe, only its colours acted on by a terminal.
  const own = containerOutput(process.stdout);
  const writer = new LineWriter(process.stdout);
  // Our own messages wait for the log lines before them.
  const tell = (text: string): void => {
    writer.flush();
    err(text);
  };
  tell(`Attaching to ${names.join(', ')}; press Ctrl+C to stop the Pod.`);

  const watch = new AbortController();
  const logs = new AbortController();
  /** Each container's latest exit the log stream has shown (epoch ms). */
  const exits = new Map<string, number>();
  let finished: PodSnapshot | undefined;
  let removedElsewhere = false;
  let lost: ApiError | undefined;
  let interrupted = 0;
  let signalled: NodeJS.Signals | undefined;
  let removal: Removal | undefined;
  let settle: (() => void) | undefined;
  const ends = new PodEnds();
  /** Set once the stream's last lines are in (or given up on): whatever it still reads is not printed. */
  let logsOver = false;

  const onSignal = (signal: NodeJS.Signals): void => {
    interrupted++;
    signalled ??= signal;
    if (interrupted === 1) {
      watch.abort();
      settle?.();
    } else if (interrupted === 2) {
      tell(`Stopping Pod ${ref.name} now (grace 0)…`);
      removal?.now();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const isLost = (e: unknown): e is ApiError => e instanceof ApiError && e.code === 'ENGINE_UNREACHABLE';
  const streaming = streamPodLogs(
    engine.docker,
    // No restart to wait for once a container with no restart policy stopped, nor once the Pod is removed.
    { pod: ref.name, namespace: ref.namespace, follow: true, restartGraceMs: 0 },
    (event: PodLogEvent) => {
      if (logsOver) return;
      writer.push(logLine(event, prefix(event.container), note, '', own));
      if (event.kind !== 'stopped') return;
      ends.streamShowed(event.container);
      exits.set(event.container, Math.max(exits.get(event.container) ?? -Infinity, event.t));
      if (finished && logsCaughtUp(finished, exits)) settle?.();
    },
    logs.signal,
    writer,
  ).then(
    () => undefined,
    (e: unknown) => {
      if (isLost(e)) {
        lost ??= e;
        watch.abort();
      } else tell(`podwright: the logs stopped: ${e instanceof Error ? e.message : String(e)}`);
    },
  );
  const logsEnded = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      settle = () => {
        clearTimeout(timer);
        resolve();
      };
      void streaming.then(settle);
    }).finally(() => (settle = undefined));

  try {
    try {
      await runtime.watch(
        ref,
        (event) => {
          if (event.kind === 'removed') {
            removedElsewhere = true;
            watch.abort();
          } else if (event.kind === 'status' && (event.pod.phase === 'Succeeded' || event.pod.phase === 'Failed')) {
            finished = event.pod;
            watch.abort();
          }
        },
        watch.signal,
      );
    } catch (e) {
      if (!isLost(e)) throw e;
      lost ??= e;
    }
    if (lost) {
      logs.abort();
      // The Pod cannot be removed from an engine that is gone: say that it is left, and how to remove it later.
      tell(`podwright: ${lost.message}`);
      tell(
        `Pod ${ref.name} is left on the engine; once it is back, remove it with "${downCommand(ref.name, ref.namespace)}".`,
      );
      return 1;
    }
    if (removedElsewhere) {
      await logsEnded(LAST_LINES_MS);
      tell(`Pod ${ref.name} was removed.`);
      return 0;
    }
    if (finished && !interrupted) {
      // Everything the containers wrote comes first, up to each one's last exit, then how the Pod ended.
      if (!logsCaughtUp(finished, exits)) await logsEnded(LAST_LINES_MS);
      writer.flush();
      for (const line of formatPod(finished)) out(line);
    }
    // The logs go on while the Pod stops: what its containers say on SIGTERM shows.
    const progress = stopReporter(ref.name, {
      eachContainer: false,
      hint: interrupted === 1 ? 'Ctrl+C again to stop it now' : undefined,
    });
    ends.removalStarted();
    removal = removePod(runtime, ref, {
      graceSeconds: interrupted > 1 ? 0 : undefined,
      onProgress: (p) => {
        ends.report(p, interrupted > 1);
        writer.flush();
        progress.onProgress(p);
      },
    });
    let result: { containers: number; volumes: number };
    try {
      result = await removal.done;
    } finally {
      progress.done();
    }
    // Its containers are gone: the stream ends with their last lines, then each end it could not read (the forced
    // removal deleted the container first) comes from the removal's report.
    await logsEnded(LAST_LINES_MS);
    logsOver = true;
    for (const end of ends.missing())
      writer.push(logLine({ kind: 'stopped', exitCode: end.exitCode }, prefix(end.container), note));
    tell(
      `Removed Pod ${ref.name}: ${result.containers} container${result.containers === 1 ? '' : 's'}, ${result.volumes} volume${result.volumes === 1 ? '' : 's'}.`,
    );
  } finally {
    logs.abort();
    writer.flush();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (finished?.phase === 'Failed') return 1;
  return signalled ? signalExitCode(signalled) : 0;
}

export const registerRun: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('run')
    .description(
      "Run the Pod in FILE on the local engine: infra container, init containers, then the apps. Without --detach, show the Pod's logs as docker compose up does (each line after its container's name, across restarts) until the Pod ends or Ctrl+C stops it (within its grace period; a second Ctrl+C: at once), then remove it. Exit code: 0 when the Pod succeeded, 1 when it failed, 130 when Ctrl+C stopped it (143 for SIGTERM), as docker compose up.",
    )
    .argument('<file>', 'a Pod manifest (YAML or JSON; ConfigMaps and Secrets it reads may sit in the same file)')
    .option('-d, --detach', 'start the Pod and return, leaving it running', false)
    .option('--pod <name>', 'which Pod to run when the file holds several')
    .option(
      '-f, --force',
      'run despite the warnings and runtime errors the app asks about, access to this computer included (hostPath into the host, privileged...); never despite errors that refuse it',
      false,
    )
    .option(
      '--infra-image <image>',
      'image of the infra ("pause") container (default: $PODWRIGHT_INFRA_IMAGE or registry.k8s.io/pause:3.10)',
    )
    .option('--design <id>', 'design id to label the Pod with')
    .action(async (file: string, opts: RunOptions) => setExitCode(await runPod(file, opts)));
};
