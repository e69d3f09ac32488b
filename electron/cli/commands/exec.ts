// `podwright exec NAME -c CONTAINER -- CMD...`: runs a command in one of a Pod's containers, with a TTY on -t.
import type { Command } from 'commander';
import { readyEngine } from '../ready-engine';
import { ExecSession } from '../../engines/docker';
import { warn, writeData } from '../terminal';
import { withUsage } from './cluster';
import type { RegisterCommand } from './index';

export interface ExecCliOptions {
  container: string;
  namespace?: string;
  /** A kubeconfig context: run it in a replica of a run deployed there. */
  context?: string;
  stdin: boolean;
  tty: boolean;
}

/** What both engines' sessions offer the CLI. */
interface Session {
  readonly exited: Promise<number | null>;
  write(data: Buffer): void;
  endInput(): void;
  resize(cols: number, rows: number): Promise<void>;
  /** Ends the command in the container (the terminal went away). */
  close(): unknown;
}

export async function execInPod(pod: string, command: string[], options: ExecCliOptions): Promise<number> {
  const kube = options.context ? await import('../cluster/engine-load') : undefined;
  const cluster = kube?.clusterEngine(options);
  const engine = cluster ? undefined : await readyEngine();
  if (!cluster && !engine) return 1;
  const input = process.stdin;
  const terminal = options.tty && input.isTTY;
  let session: Session;
  // A command's own output passes through as it is (a shell's prompt and colours must work).
  const write = (output: { stream: string; data: string }): void =>
    writeData(output.data, output.stream === 'stderr' ? 'stderr' : 'stdout');
  try {
    session =
      cluster && kube
        ? await kube.ClusterExecSession.start(
            cluster.cluster,
            { namespace: cluster.namespace, pod, container: options.container },
            command,
            { tty: options.tty, stdin: options.stdin, cols: process.stdout.columns, rows: process.stdout.rows },
            write,
          )
        : await ExecSession.start(
            engine!.docker,
            { pod, namespace: options.namespace, container: options.container },
            command,
            { tty: options.tty, stdin: options.stdin, cols: process.stdout.columns, rows: process.stdout.rows },
            write,
          );
  } catch (err) {
    cluster?.close();
    warn(`podwright: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const onResize = (): void => void session.resize(process.stdout.columns, process.stdout.rows).catch(() => undefined);
  const onData = (chunk: Buffer): void => session.write(chunk);
  const onEnd = (): void => session.endInput();
  if (options.stdin) {
    if (terminal) input.setRawMode(true);
    input.on('data', onData);
    input.once('end', onEnd);
    input.resume();
  }
  if (terminal) process.stdout.on('resize', onResize);
  // The terminal going away (or a kill) ends the command in the container too, not only this process.
  const onHangUp = (): void => void session.close();
  process.once('SIGHUP', onHangUp);
  process.once('SIGTERM', onHangUp);
  try {
    const code = await session.exited;
    return code ?? 1;
  } catch (err) {
    warn(`podwright: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    process.off('SIGHUP', onHangUp);
    process.off('SIGTERM', onHangUp);
    if (terminal) {
      input.setRawMode(false);
      process.stdout.off('resize', onResize);
    }
    input.off('data', onData);
    input.off('end', onEnd);
    input.pause();
    cluster?.close();
  }
}

export const registerExec: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('exec')
    .description("Run a command in one of a Pod's containers; exits with the command's exit code.")
    .argument('<pod>', 'the Pod name')
    .argument('<command...>', 'the command and its arguments (after --)')
    .requiredOption('-c, --container <name>', 'the container to run it in')
    .option('-n, --namespace <namespace>', 'the Pod namespace')
    .option('-i, --stdin', 'pass stdin to the command', false)
    .option('-t, --tty', 'allocate a terminal (for a shell: -it)', false)
    .option(
      '--context <name>',
      'a kubeconfig context: run it in a replica of a run deployed there (or name the replica Pod)',
    )
    .action(async (pod: string, command: string[], opts: ExecCliOptions) =>
      setExitCode(await withUsage(() => execInPod(pod, command, opts))),
    );
};
