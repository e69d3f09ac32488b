// `podwright serve`: the browser host, for machines without Electron, workshops and tests.
import type { Command } from 'commander';
import { deferredHandlers } from '../../api/deferred';
import { startBrowserHost } from '../../host/host';
import { ensureRendererBuilt } from '../build-if-needed';
import { openInBrowser } from '../open-browser';
import { rendererDist } from '../paths';
import { say, warn } from '../terminal';
import type { RegisterCommand } from './index';

export interface ServeOptions {
  port: number;
  open: boolean;
  build: boolean;
  /** Stops the host as SIGINT/SIGTERM do when it settles (`start`: the launcher ended). */
  until?: Promise<void>;
}

/** The engine the user picked (engine.select), else DOCKER_HOST / docker context / default socket, and the handlers. */
async function loadBackend() {
  const [{ createHandlers }, { createSelectedEngine }, { createSelectedCluster, rememberCluster }] = await Promise.all([
    import('../../api/handlers'),
    import('../../engines/choice/engines'),
    import('../../engines/choice/clusters'),
  ]);
  const engine = createSelectedEngine();
  // A Kubernetes context chosen earlier (kube.select) is the engine in use again.
  const cluster = await createSelectedCluster();
  return {
    engine,
    cluster,
    handlers: createHandlers({ host: 'browser', engine, cluster, remember: (choice) => rememberCluster(choice) }),
  };
}

/**
 * Starts the host and keeps it running until SIGINT/SIGTERM (or `options.until`). The URL is printed as soon as the socket listens: the
 * engine client loads after it (a call that comes first waits for it), and the engine is probed after that.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const log = warn;
  if (options.build) await ensureRendererBuilt(log);
  let listening: () => void = () => {};
  const backend = new Promise<void>((resolve) => (listening = resolve)).then(loadBackend);
  const host = await startBrowserHost({
    handlers: deferredHandlers(backend.then((b) => b.handlers)),
    staticDir: rendererDist,
    port: options.port,
    log: process.env.PODWRIGHT_DEBUG ? log : undefined,
  });
  say(`Podwright is running at ${host.url}`);
  listening();
  const { engine, cluster } = await backend.catch(async (err: unknown) => {
    await host.close();
    throw err;
  });
  const status = await (cluster ?? engine).info();
  log(
    status.reachable
      ? `Engine: ${status.name} ${status.version} (API ${status.apiVersion}) at ${status.endpoint.host}`
      : `Engine not reachable: ${status.reason} ${status.hint}`,
  );
  if (options.open) openInBrowser(host);
  await new Promise<void>((done) => {
    const stop = (): void => {
      void host.close().then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void options.until?.then(stop);
  });
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${value}`);
  return port;
}

export const registerServe: RegisterCommand = (program: Command) => {
  program
    .command('serve')
    .description('Serve the app to a browser on 127.0.0.1 (prints the URL with its access token).')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', parsePort, 0)
    .option('--open', 'open the app in the default browser ($PODWRIGHT_OPEN_WITH to choose the program)', false)
    .option('--no-build', 'do not rebuild the renderer when its sources changed')
    .action(async (opts: ServeOptions) => serve(opts));
};
