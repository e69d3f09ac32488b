// `podwright down NAME|FILE`: stops and removes a Pod Podwright started, with its own volumes. Idempotent.
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { Engine } from '../../engine/engine';
import { loadPodFile } from '../../engine/pod-load';
import { PodRuntime } from '../../engine/pod-runtime';
import type { RegisterCommand } from './index';

export interface DownOptions {
  namespace?: string;
  grace?: string;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

export async function downPod(target: string, options: DownOptions): Promise<number> {
  let name = target;
  let namespace = options.namespace;
  if (await isFile(target)) {
    const { pod } = await loadPodFile(target);
    name = pod.metadata?.name ?? '';
    namespace ??= pod.metadata?.namespace;
    if (!name) throw new Error(`${target}: the Pod has no metadata.name.`);
  }
  let graceSeconds: number | undefined;
  if (options.grace !== undefined) {
    graceSeconds = Number(options.grace);
    if (!Number.isInteger(graceSeconds) || graceSeconds < 0)
      throw new Error(`--grace must be a whole number of seconds, not ${options.grace}`);
  }
  const engine = new Engine();
  const info = await engine.info();
  if (!info.reachable) {
    process.stderr.write(`podwright: ${info.reason} ${info.hint}\n`);
    return 1;
  }
  const result = await new PodRuntime(engine).down({ name, namespace }, { graceSeconds });
  process.stdout.write(
    result.containers === 0 && result.volumes === 0
      ? `Pod ${name} does not exist; nothing to remove.\n`
      : `Removed Pod ${name}: ${result.containers} container${result.containers === 1 ? '' : 's'}, ${result.volumes} volume${result.volumes === 1 ? '' : 's'}.\n`,
  );
  return 0;
}

export const registerDown: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('down')
    .description('Stop and remove a Pod started by podwright (by name, or by the file it was run from).')
    .argument('<pod>', 'the Pod name, or its manifest file')
    .option('-n, --namespace <namespace>', 'the Pod namespace (default: from the file, else "default")')
    .option(
      '--grace <seconds>',
      "seconds between SIGTERM and SIGKILL (default: the Pod's terminationGracePeriodSeconds)",
    )
    .action(async (target: string, opts: DownOptions) => setExitCode(await downPod(target, opts)));
};
