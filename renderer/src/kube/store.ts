// The UI's side of Kubernetes clusters as engines: the kubeconfig contexts (with reachability, version, namespace,
// may-create-Pods), choosing one and its namespace, what of the design runs there (the Deployment drawn around the Pod
// with its replicas, else the Pod, and the Services drawn: what Export as Deployment + Service writes), and the dry
// run's verdict waiting for the user's answer before the first apply.
import { create } from 'zustand';
import type { CallOutput, ClusterPreview, EngineStatus, PodSnapshot } from '../../../shared/api/contract';
import { deploymentOf, type CanvasDocument } from '../../../shared/design';
import type { DrawnExport } from '../../../shared/design/workloads/drawn-export';
import type { KubeObject } from '../../../shared/manifest';
import type { Diagnostic } from '../../../shared/rules';
import { api } from '../api';
import { later } from '../lazy';
import { useEngine } from '../store/engine';

export type ContextChoice = CallOutput<'kube.contexts'>[number];

/** The user's answer to a dry run: apply (taking conflicting fields over or not), or not. */
export type PreviewAnswer = { apply: false } | { apply: true; force: boolean };

interface ClusterState {
  contexts: ContextChoice[];
  /** Namespaces of the chosen context the user may list; undefined when listing is forbidden (type one). */
  namespaces: string[] | undefined;
  /** The dry run shown to the user, and the answer the run waits for. */
  preview: ClusterPreview | undefined;
  answer: ((answer: PreviewAnswer) => void) | undefined;
  /** The server's verdict of the last dry run, on the Pod's fields (the canvas shows it beside the rules'). */
  verdict: Diagnostic[];
  /** The Pod the verdict was given for: an edit since makes it stale, and the canvas stops showing it. */
  verdictFor: unknown;
  error: string | undefined;
  loadContexts: () => Promise<void>;
  loadNamespaces: (context: string) => Promise<void>;
  select: (context: string, namespace?: string) => Promise<void>;
  createNamespace: (context: string, namespace: string) => Promise<void>;
  /** Answers the dry run shown (the dialog's buttons). */
  respond: (answer: PreviewAnswer) => void;
}

export const useCluster = create<ClusterState>((set, get) => ({
  contexts: [],
  namespaces: undefined,
  preview: undefined,
  answer: undefined,
  verdict: [],
  verdictFor: undefined,
  error: undefined,
  loadContexts: async () => {
    try {
      set({ contexts: await api().call('kube.contexts') });
    } catch {
      // No kubeconfig, or the back end could not read it: the picker lists container engines only.
      set({ contexts: [] });
    }
  },
  loadNamespaces: async (context) => {
    try {
      const answer = await api().call('kube.namespaces', { context });
      set({ namespaces: answer.names });
    } catch {
      set({ namespaces: undefined });
    }
  },
  select: async (context, namespace) => {
    useEngine.setState({ loading: true });
    try {
      const status: EngineStatus = await api().call('kube.select', { context, ...(namespace ? { namespace } : {}) });
      useEngine.setState({ status, error: undefined, loading: false });
      set({ error: undefined, verdict: [] });
    } catch (err) {
      useEngine.setState({ loading: false });
      set({ error: err instanceof Error ? err.message : String(err) });
    }
    await Promise.all([get().loadContexts(), get().loadNamespaces(context), useEngine.getState().loadChoices()]);
  },
  createNamespace: async (context, namespace) => {
    try {
      await api().call('kube.namespace.create', { context, namespace });
      await get().select(context, namespace);
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    }
  },
  respond: (answer) => {
    const resolve = get().answer;
    set({ preview: undefined, answer: undefined });
    resolve?.(answer);
  },
}));

/** The cluster the engine in use is, when it is one. */
export function clusterOf(
  status: EngineStatus | undefined,
): NonNullable<Extract<EngineStatus, { reachable: true }>['cluster']> | undefined {
  return status?.cluster;
}

export function onCluster(): boolean {
  return clusterOf(useEngine.getState().status) !== undefined;
}

/**
 * What a cluster run takes of the design: the Deployment the Pod is wrapped in (its replicas, labels and selector as
 * drawn) or else the bare Pod, the Services drawn that select it (the objects Export as Deployment + Service writes, by
 * the same code), and the design's ConfigMaps and Secrets (the plan picks those the Pod reads). The document is the one
 * place the replica count lives: the cluster bar edits it there. With the notes of what it leaves out.
 */
export async function clusterDocuments(doc: CanvasDocument, companions: readonly KubeObject[]): Promise<DrawnExport> {
  const { drawnRun } = await drawnExport.load();
  return drawnRun(doc.pod, deploymentOf(doc), companions);
}

/** The export's code, which a cluster run shares: it loads later, with the YAML writer it comes with. */
const drawnExport = later(() => import('../../../shared/design/workloads/drawn-export'));

/** The verdict's problems as diagnostics of the Pod, so the canvas marks the container a problem is about. */
export function verdictDiagnostics(preview: ClusterPreview): Diagnostic[] {
  return preview.problems.map((p) => ({
    code: p.code,
    severity: p.severity,
    category: 'kubernetes',
    path: p.path,
    message: `${p.object}: ${p.message}`,
    explanation: '',
    fixes: [],
    related: [],
    ...(p.messageId ? { messageId: p.messageId } : {}),
    ...(p.params ? { params: p.params } : {}),
  }));
}

/**
 * Runs the design on the cluster in use: the server's dry run first, shown to the user when it changes anything or
 * the server has something to say, then server-side apply as they answer. Resolves with the run's snapshot, or
 * undefined when the user did not apply.
 */
export async function runOnCluster(
  doc: CanvasDocument,
  companions: readonly KubeObject[],
  design: string,
): Promise<PodSnapshot | undefined> {
  // No `as` or `replicas`: the documents say it (a Deployment runs as drawn, a bare Pod as a Pod).
  const drawn = await clusterDocuments(doc, companions);
  const input = { documents: drawn.objects, design };
  const verdict = await api().call('kube.preview', input);
  // What the run leaves out of what is drawn (a Service that does not select the Pod), as `podwright deploy` says it.
  const preview = { ...verdict, notes: [...drawn.notes, ...verdict.notes] };
  useCluster.setState({ verdict: verdictDiagnostics(preview), verdictFor: doc.pod });
  const quiet =
    preview.accepted && preview.conflicts.length === 0 && preview.objects.every((o) => o.action === 'unchanged');
  const answer: PreviewAnswer = quiet
    ? { apply: true, force: false }
    : await new Promise<PreviewAnswer>((resolve) => useCluster.setState({ preview, answer: resolve }));
  if (!answer.apply) return undefined;
  return api().call('kube.apply', { ...input, force: answer.force });
}
