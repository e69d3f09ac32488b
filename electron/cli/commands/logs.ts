// `podwright logs NAME`: a Pod's logs merged across its containers, each line prefixed `[container] `, like kubectl.
import type { Command } from 'commander';
import { readyEngine } from '../ready-engine';
import type { PodLogEvent } from '../../../shared/api/contract';
import { streamPodLogs, parseSince } from '../../engines/docker';
import { containerOutput, ContainerColours, LineWriter, logLine } from '../log-writer';
import { paint, printable, warn } from '../terminal';
import { withUsage } from './cluster';
import type { RegisterCommand } from './index';

export interface LogsOptions {
  container: string[];
  namespace?: string;
  /** A kubeconfig context: the logs of a run deployed to that cluster (every replica). */
  context?: string;
  /** Only the previous (crashed) run of each container (a cluster's kubelet keeps it). */
  previous?: boolean;
  follow: boolean;
  since?: string;
  tail?: number;
  timestamps: boolean;
}

export async function showLogs(pod: string, options: LogsOptions): Promise<number> {
  const kube = options.context ? await import('../cluster/engine-load') : undefined;
  if (options.since) (kube ? kube.sinceQuery : parseSince)(options.since); // a bad value: say so before connecting
  const cluster = kube?.clusterEngine(options);
  const engine = cluster ? undefined : await readyEngine();
  if (!cluster && !engine) return 1;
  const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const colours = new ContainerColours();
  // The prefix and notes are ours and printable; the line itself is the container's own output: passed on as it is
  // to a pipe (like docker and kubectl logs do), shown with only its colours acted on by a terminal.
  const own = containerOutput(process.stdout);
  const prefix = (container: string, replica?: string): string => {
    // On a cluster each replica is told apart by its name's last part, as `kubectl logs --prefix` does with the whole.
    const who = replica ? `${replica.split('-').pop()}/${container}` : container;
    return `${paint(colours.of(container), `[${printable(who)}]`, colour)} `;
  };
  const note = (text: string): string => paint(2, text, colour);
  const writer = new LineWriter(process.stdout);
  const abort = new AbortController();
  const stop = (): void => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.on('error', () => {
    // The reader went away (`podwright logs x | head`): stop quietly.
    writer.closed = true;
    abort.abort();
  });
  const render = (event: PodLogEvent): string =>
    logLine(
      event,
      prefix(event.container, event.replica),
      note,
      options.timestamps && event.time ? `${event.time} ` : '',
      own,
    );
  try {
    if (cluster && kube) {
      await kube.streamClusterLogs(
        cluster.cluster,
        {
          namespace: cluster.namespace,
          name: pod,
          containers: options.container,
          follow: options.follow,
          since: options.since,
          tail: options.tail,
          previous: options.previous,
        },
        (event) => writer.push(render(event)),
        abort.signal,
      );
      writer.flush();
      return 0;
    }
    await streamPodLogs(
      engine!.docker,
      {
        pod,
        namespace: options.namespace,
        containers: options.container,
        follow: options.follow,
        since: options.since,
        tail: options.tail,
      },
      (event) => writer.push(render(event)),
      abort.signal,
      writer,
    );
    writer.flush();
    return 0;
  } catch (err) {
    writer.flush();
    warn(`podwright: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    cluster?.close();
  }
}

function parseTail(value: string): number {
  if (value === 'all' || value === '-1') return -1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--tail must be a whole number of lines, not ${value}`);
  return n;
}

export const registerLogs: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('logs')
    .description("Print a Pod's logs, merged across its containers in time order.")
    .argument('<pod>', 'the Pod name')
    .option(
      '-c, --container <name>',
      'only this container (repeat for more)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('-n, --namespace <namespace>', 'the Pod namespace')
    .option('-f, --follow', 'keep streaming new lines (across restarts) until interrupted', false)
    .option('--since <when>', 'only lines newer than a duration (5m, 1h) or an RFC 3339 time')
    .option('--tail <lines>', 'lines from the end of each container log to show first', parseTail)
    .option('--timestamps', "show each line's timestamp", false)
    .option('--context <name>', 'a kubeconfig context: the logs of a run deployed there, every replica merged')
    .option('-p, --previous', "with --context: only each container's previous (crashed) run", false)
    .action(async (pod: string, opts: Omit<LogsOptions, 'tail'> & { tail?: number }) =>
      setExitCode(await withUsage(() => showLogs(pod, { ...opts, tail: opts.tail === -1 ? undefined : opts.tail }))),
    );
};
