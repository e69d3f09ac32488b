// `podwright serve`: the browser host, for machines without Electron, workshops and tests.
import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { deferredHandlers } from '../../api/deferred';
import { startBrowserHost } from '../../host/host';
import { ensureRendererBuilt } from '../build-if-needed';
import { rendererDist } from '../paths';
import type { RegisterCommand } from './index';

export interface ServeOptions {
  port: number;
  open: boolean;
  build: boolean;
}

/** The engine the user picked (engine.select), else DOCKER_HOST / docker context / default socket, and the handlers. */
async function loadBackend() {
  const [{ createHandlers }, { createSelectedEngine }] = await Promise.all([
    import('../../api/handlers'),
    import('../../engines/choice/engines'),
  ]);
  const engine = createSelectedEngine();
  return { engine, handlers: createHandlers({ host: 'browser', engine }) };
}

/**
 * Starts the host and keeps it running until SIGINT/SIGTERM. The URL is printed as soon as the socket listens: the
 * engine client loads after it (a call that comes first waits for it), and the engine is probed after that.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  if (options.build) await ensureRendererBuilt(log);
  let listening: () => void = () => {};
  const backend = new Promise<void>((resolve) => (listening = resolve)).then(loadBackend);
  const host = await startBrowserHost({
    handlers: deferredHandlers(backend.then((b) => b.handlers)),
    staticDir: rendererDist,
    port: options.port,
    log: process.env.PODWRIGHT_DEBUG ? log : undefined,
  });
  process.stdout.write(`Podwright is running at ${host.url}\n`);
  listening();
  const { engine } = await backend.catch(async (err: unknown) => {
    await host.close();
    throw err;
  });
  const status = await engine.info();
  log(
    status.reachable
      ? `Engine: ${status.name} ${status.version} (API ${status.apiVersion}) at ${status.endpoint.host}`
      : `Engine not reachable: ${status.reason} ${status.hint}`,
  );
  if (options.open) openInBrowser(host.url);
  await new Promise<void>((done) => {
    const stop = (): void => {
      void host.close().then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  // Arguments are passed as a list, never through a shell.
  const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`Could not open a browser; open ${url} yourself.\n`));
  child.unref();
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
    .option('--open', 'open the URL in the default browser', false)
    .option('--no-build', 'do not rebuild the renderer when its sources changed')
    .action(async (opts: ServeOptions) => serve(opts));
};
