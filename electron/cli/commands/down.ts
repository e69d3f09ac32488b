// `podwright down NAME|FILE`: stops and removes a Pod Podwright started, with its own volumes. Idempotent.
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { choosePod } from '../../../shared/manifest/pod-choice';
import { readDesign } from '../../../shared/manifest/read';
import { Engine, PodRuntime } from '../../engines/docker';
import { designSource, readInput } from '../read-input';
import { removePod, stopReporter } from '../stop-progress';
import { say, StatusLine, warn } from '../terminal';
import type { RegisterCommand } from './index';

export interface DownOptions {
  namespace?: string;
  grace?: string;
  /** Which Pod of the file to remove (default: every Pod in it). */
  pod?: string;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The Pods `target` names: itself, or the Pods of the file it is (every one, or the one `--pod` names). */
async function podsOf(target: string, options: DownOptions): Promise<{ name: string; namespace?: string }[]> {
  if (!(await isFile(target))) return [{ name: target, namespace: options.namespace }];
  const text = await readInput(target);
  const read = readDesign(text, await designSource(target, text));
  const pods = options.pod ? [choosePod(read, options.pod).pod] : read.pods.map((p) => p.pod);
  if (pods.length === 0) choosePod(read);
  return pods.map((pod) => {
    const name = pod.metadata?.name ?? '';
    if (!name) throw new Error(`${target}: the Pod has no metadata.name.`);
    return { name, namespace: options.namespace ?? pod.metadata?.namespace };
  });
}

export async function downPod(target: string, options: DownOptions): Promise<number> {
  const pods = await podsOf(target, options);
  let graceSeconds: number | undefined;
  if (options.grace !== undefined) {
    graceSeconds = Number(options.grace);
    if (!Number.isInteger(graceSeconds) || graceSeconds < 0)
      throw new Error(`--grace must be a whole number of seconds, not ${options.grace}`);
  }
  const engine = new Engine();
  const info = await engine.info();
  if (!info.reachable) {
    warn(`podwright: ${info.reason} ${info.hint}`);
    return 1;
  }
  const runtime = new PodRuntime(engine);
  const line = new StatusLine();
  for (const { name, namespace } of pods) {
    // While the containers get their grace period: what it waits for, and a countdown on a terminal, where Ctrl+C
    // stops waiting and kills what is left (a second one leaves at once).
    const progress = stopReporter(name, { eachContainer: true, line, hint: line.live ? 'Ctrl+C: now' : undefined });
    const removal = removePod(runtime, { name, namespace }, { graceSeconds, onProgress: progress.onProgress });
    let interrupted = 0;
    const onSignal = (): void => {
      if (++interrupted > 1) process.exit(130);
      progress.done();
      warn(`Stopping Pod ${name} now (grace 0)…`);
      removal.now();
    };
    process.on('SIGINT', onSignal);
    let result: { containers: number; volumes: number };
    try {
      result = await removal.done;
    } finally {
      process.off('SIGINT', onSignal);
      progress.done();
    }
    say(
      result.containers === 0 && result.volumes === 0
        ? `Pod ${name} does not exist; nothing to remove.`
        : `Removed Pod ${name}: ${result.containers} container${result.containers === 1 ? '' : 's'}, ${result.volumes} volume${result.volumes === 1 ? '' : 's'}.`,
    );
  }
  return 0;
}

export const registerDown: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('down')
    .description(
      'Stop and remove a Pod started by podwright (by name, or by the file it was run from: every Pod in that file), saying what it waits for during the grace period; Ctrl+C then stops the Pod at once.',
    )
    .argument('<pod>', 'the Pod name, or its manifest file')
    .option('--pod <name>', 'with a file of several Pods: remove only this one')
    .option('-n, --namespace <namespace>', 'the Pod namespace (default: from the file, else "default")')
    .option(
      '--grace <seconds>',
      "seconds between SIGTERM and SIGKILL (default: the Pod's terminationGracePeriodSeconds)",
    )
    .action(async (target: string, opts: DownOptions) => setExitCode(await downPod(target, opts)));
};
