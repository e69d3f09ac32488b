// `podwright ps`: the Pods Podwright started on this engine, found by label, with their containers.
import type { Command } from 'commander';
import { Engine, PodRuntime } from '../../engines/docker';
import { say, warn, writeData } from '../terminal';
import { withUsage } from './cluster';
import { formatPod } from '../pod-lines';
import type { RegisterCommand } from './index';

export interface PsOptions {
  json: boolean;
  /** A kubeconfig context: list the runs podwright deployed there instead. */
  context?: string;
  namespace?: string;
}

/** The runs Podwright deployed in a cluster's namespace, found by label. */
async function listClusterRuns(options: PsOptions): Promise<number> {
  const { ClusterError, clusterEngine, describeCluster, formatRun } = await import('../cluster/engine-load');
  const engine = clusterEngine(options);
  try {
    const runs = await engine.list();
    if (options.json) writeData(`${JSON.stringify(runs, null, 2)}\n`);
    else if (runs.length === 0)
      say(`Nothing of podwright's in ${describeCluster(engine)}. Deploy with: podwright deploy FILE`);
    else for (const run of runs) say(formatRun(run).join('\n'));
    return 0;
  } catch (e) {
    if (!(e instanceof ClusterError)) throw e;
    warn(`podwright: ${e.message}`);
    return 1;
  } finally {
    engine.close();
  }
}

export async function listPods(options: PsOptions): Promise<number> {
  if (options.context) return listClusterRuns(options);
  const engine = new Engine();
  const info = await engine.info();
  if (!info.reachable) {
    warn(`podwright: ${info.reason} ${info.hint}`);
    return 1;
  }
  const pods = await new PodRuntime(engine).list();
  if (options.json) {
    writeData(`${JSON.stringify(pods, null, 2)}\n`);
    return 0;
  }
  if (pods.length === 0) {
    say('No Pods. Start one with: podwright run FILE');
    return 0;
  }
  for (const pod of pods) say(formatPod(pod).join('\n'));
  return 0;
}

export const registerPs: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('ps')
    .description(
      'List the Pods podwright started on this engine (or, with --context, deployed to a cluster), with their containers.',
    )
    .option('--json', 'print JSON', false)
    .option('--context <name>', 'a kubeconfig context: list what podwright deployed to that cluster')
    .option('-n, --namespace <namespace>', "with --context: the namespace (default: the context's)")
    .action(async (opts: PsOptions) => setExitCode(await withUsage(() => listPods(opts))));
};
