// Runs a stand-in API server as its own process (for journeys, benchmarks and kubectl by hand): prints one JSON line
// {url, kubeconfig, dir} and serves until stdin closes or a signal arrives. Options come as JSON in the first argument.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeKubeconfig, type KubeconfigSpec } from './kubeconfig';
import { StandIn, type StandInOptions } from './server';

interface MainOptions extends StandInOptions {
  kubeconfig?: KubeconfigSpec;
}

const options = JSON.parse(process.argv[2] ?? '{}') as MainOptions;
const standIn = await StandIn.start(options);
const dir = mkdtempSync(join(tmpdir(), 'podwright-kubeconfig-'));
const spec: KubeconfigSpec = options.kubeconfig ?? { contexts: [{ context: 'stand-in', user: 'admin', auth: 'token' }] };
const kubeconfig = writeKubeconfig(standIn, spec, dir, 'config');
process.stdout.write(`${JSON.stringify({ url: standIn.url, kubeconfig, dir, pid: process.pid })}\n`);
const stop = (): void => void standIn.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
