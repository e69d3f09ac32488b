// `podwright run FILE`: runs the Pod in FILE on the local engine the way Kubernetes would, shows progress and status.
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { ApiError } from '../../../shared/api';
import type { Diagnostic } from '../../../shared/model/diagnostic';
import { choosePod, designCompanions } from '../../../shared/manifest/pod-choice';
import { readDesign, type DesignPod, type DesignRead } from '../../../shared/manifest/read';
import { checkRun, describeState, type Plan, type PlanEngine, type PlanOptions } from '../../../shared/plan';
import { inObject, isHostAccess } from '../../../shared/rules';
import {
  downCommand,
  Engine,
  infraImageSetting,
  newRunId,
  PodError,
  PodRuntime,
  type PodSnapshot,
  type RunProgress,
} from '../../engines/docker';
import { colorFor, palette, problemLines } from '../problem-lines';
import { designSource, readInput } from '../read-input';
import { say, warn, warnPainted } from '../terminal';
import type { RegisterCommand } from './index';

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

/** The Pod and its containers as a small table. */
export function formatPod(pod: PodSnapshot): string[] {
  const lines = [
    `Pod ${pod.namespace === 'default' ? '' : `${pod.namespace}/`}${pod.name}: ${pod.phase}${pod.podIP ? ` (IP ${pod.podIP})` : ''}`,
  ];
  const width = Math.max(...pod.containers.map((c) => c.name.length), 4);
  for (const c of pod.containers) {
    const restarts = c.restartCount > 0 ? `, ${c.restartCount} restart${c.restartCount === 1 ? '' : 's'}` : '';
    lines.push(`  ${c.name.padEnd(width)}  ${c.role.padEnd(7)}  ${describeState(c.state)}${restarts}`);
  }
  if (pod.message) lines.push(`  ${pod.message}`);
  return lines;
}

function progressLine(p: RunProgress): string | undefined {
  // Per-layer pull chatter is for a UI progress bar; the terminal shows finished layers only.
  if (p.layer && !/complete|already exists/i.test(p.layer.status)) return undefined;
  return `  ${p.message}`;
}

/** Explains a failed run; init container logs help the user see why. */
export function reportFailure(e: unknown): void {
  if (e instanceof PodError) {
    err(`podwright: ${e.message}`);
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
  const loaded = await readPodFile(file, options.pod);
  if (typeof loaded === 'number') return loaded;
  const { read, chosen } = loaded;
  const engine = new Engine();
  const info = await engine.info();
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
  const onSignal = (): void => cancel.abort();
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
    reportFailure(e);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  for (const line of formatPod(snapshot)) out(line);
  if (options.detach) {
    out(`Running in the background; stop it with: ${downCommand(ref.name, ref.namespace)}`);
    return 0;
  }
  return follow(runtime, ref, snapshot);
}

/** Prints status changes until the Pod finishes or the user presses Ctrl-C; then removes the Pod. */
async function follow(
  runtime: PodRuntime,
  ref: { name: string; namespace: string },
  first: PodSnapshot,
): Promise<number> {
  out('Press Ctrl-C to stop the Pod.');
  const watch = new AbortController();
  let last = JSON.stringify(formatPod(first));
  let finished: PodSnapshot | undefined;
  let interrupted = 0;
  const onSignal = (): void => {
    interrupted++;
    if (interrupted === 1) err(`Stopping Pod ${ref.name} (Ctrl-C again to kill it now)...`);
    watch.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    try {
      await runtime.watch(
        ref,
        (event) => {
          if (event.kind === 'removed') {
            watch.abort();
            return;
          }
          if (event.kind !== 'status') return;
          const lines = formatPod(event.pod);
          const text = JSON.stringify(lines);
          if (text !== last) {
            last = text;
            for (const line of lines) out(line);
          }
          if (event.pod.phase === 'Succeeded' || event.pod.phase === 'Failed') {
            finished = event.pod;
            watch.abort();
          }
        },
        watch.signal,
      );
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'ENGINE_UNREACHABLE')) throw e;
      // The Pod cannot be removed from an engine that is gone: say that it is left, and how to remove it later.
      err(`podwright: ${e.message}`);
      err(
        `Pod ${ref.name} is left on the engine; once it is back, remove it with "${downCommand(ref.name, ref.namespace)}".`,
      );
      return 1;
    }
    const result = await runtime.down(ref, interrupted > 1 ? { graceSeconds: 0 } : {});
    err(`Removed Pod ${ref.name} (${result.containers} containers, ${result.volumes} volumes).`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return finished?.phase === 'Failed' ? 1 : 0;
}

export const registerRun: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('run')
    .description('Run the Pod in FILE on the local engine: infra container, init containers, then the apps.')
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
