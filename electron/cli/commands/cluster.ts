// The CLI's cluster commands: `deploy` and `undeploy`, kubectl-like. Their work, and the Kubernetes engine with it,
// loads only when one of them runs, so other commands start without it.
import { type Command, CommanderError } from 'commander';
import type { DeployOptions } from '../cluster/deploy-run';
import type { UndeployOptions } from '../cluster/undeploy-run';
import type { RegisterCommand } from './index';
import { warn } from '../terminal';

/** Usage errors of these commands exit 2, as kubectl's do. */
export function usageExitsTwo(command: Command): Command {
  return command.exitOverride((e) => {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') throw e;
    throw new CommanderError(2, e.code, e.message);
  });
}

/** Runs a command's action, turning a usage mistake (UsageError) into exit code 2 with its words. */
export async function withUsage(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof Error && e.name === 'UsageError') {
      warn(`podwright: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

export const registerDeploy: RegisterCommand = (program: Command, setExitCode) => {
  usageExitsTwo(
    program
      .command('deploy')
      .description(
        'Run the design in FILE on a Kubernetes cluster: server dry run and diff, server-side apply, then its status until ready.',
      )
      .argument('<file>', 'a Pod or Deployment manifest (with its Services, ConfigMaps and Secrets), or "-" for stdin')
      .option('--context <name>', "the kubeconfig context (default: the kubeconfig's current context)")
      .option('-n, --namespace <namespace>', "the namespace (default: the design's, else the context's)")
      .option(
        '--as <kind>',
        'run as a bare "pod" or as a "deployment" (default: the Deployment and Services the file draws, else its Pod)',
      )
      .option(
        '--replicas <n>',
        "the Deployment's replicas (default: the file's count; alone, it means --as deployment)",
      )
      .option('--dry-run', 'only ask the server (dryRun=All) and show its verdict and the diff', false)
      .option('--force-conflicts', 'take over fields another field manager owns', false)
      .option('--pod <name>', 'which Pod to deploy when the file holds several')
      .option('--design <id>', 'the design id to label the objects with (default: the file name)')
      .option('--timeout <seconds>', 'how long to wait for every replica to be ready (default 300)'),
  ).action(async (file: string, opts: DeployOptions) =>
    setExitCode(await withUsage(async () => (await import('../cluster/deploy-run')).deploy(file, opts))),
  );
};

export const registerUndeploy: RegisterCommand = (program: Command, setExitCode) => {
  usageExitsTwo(
    program
      .command('undeploy')
      .description(
        'Delete what podwright deployed for a design on a Kubernetes cluster (by name, or by the file it came from).',
      )
      .argument('<target>', 'the run name (the Pod or Deployment), or its manifest file')
      .option('--context <name>', "the kubeconfig context (default: the kubeconfig's current context)")
      .option('-n, --namespace <namespace>', "the namespace (default: the design's, else the context's)")
      .option('--pod <name>', 'with a file of several Pods: the one to delete')
      .option('--grace <seconds>', 'seconds the Pods get to stop (default: their terminationGracePeriodSeconds)'),
  ).action(async (target: string, opts: UndeployOptions) =>
    setExitCode(await withUsage(async () => (await import('../cluster/undeploy-run')).undeploy(target, opts))),
  );
};
