// Which cluster a CLI command talks to: --context (else the kubeconfig's current context) and --namespace (else the
// design's, else the context's), in words when the kubeconfig has no such context.
import { ClusterEngine, loadKubeconfig, type LoadedKubeconfig } from '../../engines/kube';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ClusterFlags {
  context?: string;
  namespace?: string;
}

const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function clusterEngine(flags: ClusterFlags, designNamespace?: string, loaded: LoadedKubeconfig = loadKubeconfig()): ClusterEngine {
  const context = flags.context ?? loaded.current;
  if (!context) {
    const where = loaded.files.length > 0 ? loaded.files.join(', ') : 'no kubeconfig file (KUBECONFIG or ~/.kube/config)';
    throw new UsageError(`No Kubernetes context to use: pass --context NAME (kubeconfig: ${where}).`);
  }
  const found = loaded.contexts.find((c) => c.name === context);
  if (!found) {
    const names = loaded.contexts.map((c) => c.name).join(', ') || 'none';
    throw new UsageError(`The kubeconfig has no context "${context}" (it has: ${names}).`);
  }
  const namespace = flags.namespace ?? designNamespace ?? found.namespace;
  if (!NAMESPACE.test(namespace) || namespace.length > 63) throw new UsageError(`"${namespace}" is not a namespace name.`);
  return new ClusterEngine(loaded, context, namespace);
}

/** "context stand-in (https://127.0.0.1:6443), namespace team-a" */
export function describeCluster(engine: ClusterEngine): string {
  const ctx = engine.cluster.context;
  return `context ${ctx.name} (${ctx.server}${ctx.insecure ? ', insecure-skip-tls-verify' : ''}), namespace ${engine.namespace}`;
}
