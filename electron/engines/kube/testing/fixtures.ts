// Test fixtures inside the Kubernetes engine's room: a stand-in, a kubeconfig for it, and a ClusterEngine on it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { drawnRun } from '../../../../shared/design/workloads/drawn-export';
import type { Pod } from '../../../../shared/model';
import { ClusterEngine } from '../engine';
import { loadKubeconfig } from '../kubeconfig/kubeconfig';
import { writeKubeconfig, type ContextSpec } from './kubeconfig';
import type { StandIn } from './server';

export interface Fixture {
  engine: ClusterEngine;
  kubeconfig: string;
  dir: string;
}

export function clusterOn(standIn: StandIn, namespace = 'default', context: Partial<ContextSpec> = {}): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'podwright-kube-'));
  const kubeconfig = writeKubeconfig(standIn, { contexts: [{ context: 'test', user: 'admin', auth: 'token', namespace, ...context }] }, dir, 'config');
  const engine = new ClusterEngine(loadKubeconfig({ KUBECONFIG: kubeconfig }), context.context ?? 'test', namespace);
  return { engine, kubeconfig, dir };
}

/** The example design as documents (the helloworld Pod from assets/examples). */
export function exampleDocuments(file = 'helloworld.pod.yaml'): Record<string, unknown>[] {
  return [parse(readFileSync(join(import.meta.dirname, '../../../../assets/examples', file), 'utf8')) as Record<string, unknown>];
}

/**
 * What `deploy --as deployment` sends for the example: its Pod, with the Service a Deployment made up around it comes
 * with (drawnRun, as Export writes it).
 */
export function exampleRun(file = 'helloworld.pod.yaml'): Record<string, unknown>[] {
  const pod = exampleDocuments(file)[0]! as unknown as Pod;
  return drawnRun(pod, undefined, [], { asDeployment: true }).objects;
}

/** Resolves when `test` holds for the value `read` gives, polling briefly (tests only; the engine never polls). */
export async function eventually<T>(read: () => T | Promise<T>, test: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    if (Date.now() > until) throw new Error(`timed out; last value: ${JSON.stringify(value)?.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
