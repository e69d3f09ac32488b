// Run on a cluster takes what the design draws: the Deployment the Pod is wrapped in (its replicas, labels and selector
// from the document, the one place the count lives) and the Services that select the Pod, the same objects Export as
// Deployment + Service writes; a bare Pod runs as a Pod; the Deployment's errors refuse the run; and the "Docker runs
// one copy" notice is Docker's alone.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { ClusterPreview, EngineStatus, PodSnapshot } from '../../../shared/api/contract';
import { newService, replicaCount, setReplicas, wrapInDeployment, type CanvasDocument } from '../../../shared/design';
import type { KubeObject } from '../../../shared/manifest';
import type { Pod } from '../../../shared/model/pod';

// The notice and the export speak English here (i18n reads the saved language and the browser's).
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined, removeItem: () => undefined });
vi.stubGlobal('navigator', { language: 'en' });

const calls: { method: string; input: unknown }[] = [];
/** The dry run the server gives instead of `preview`, when a test sets one. */
let answered: ClusterPreview | undefined;

vi.mock('../api', () => ({
  api: () => ({
    call: async (method: string, input: unknown) => {
      calls.push({ method, input });
      if (method === 'kube.preview') return answered ?? preview;
      if (method === 'kube.apply') return snapshot;
      if (method === 'kube.scale') return {};
      throw new Error(`unexpected call ${method}`);
    },
    subscribe: () => () => undefined,
  }),
}));

const { useRun } = await import('../run/store');
const { useDocument, undo, redo } = await import('../store/document');
const { useEngine } = await import('../store/engine');
const { useNotice } = await import('../store/notice');
const { exportActivePod } = await import('../export/export');
const { clusterDocuments, useCluster } = await import('./store');
const { SCALE_PAUSE_MS } = await import('./live-scale');

/** A dry run the user is not asked about: accepted, nothing to change. */
const preview: ClusterPreview = {
  context: 'lab',
  server: 'https://127.0.0.1:6443',
  namespace: 'team-a',
  name: 'hello',
  as: 'deployment',
  replicas: 3,
  accepted: true,
  objects: [],
  problems: [],
  conflicts: [],
  notes: [],
};

const snapshot: PodSnapshot = {
  name: 'hello',
  namespace: 'team-a',
  design: 'shop',
  phase: 'Pending',
  restartPolicy: 'Always',
  containers: [],
};

const docker: EngineStatus = {
  reachable: true,
  name: 'Docker',
  version: '27.0',
  apiVersion: '1.46',
  os: 'linux',
  osType: 'linux',
  arch: 'x86_64',
  cpus: 2,
  memoryBytes: 4 * 1024 ** 3,
  endpoint: { source: 'default', host: 'unix:///var/run/docker.sock', tls: false },
};

const cluster: EngineStatus = {
  ...docker,
  name: 'Kubernetes',
  version: 'v1.34.1',
  cluster: { context: 'lab', server: 'https://127.0.0.1:6443', namespace: 'team-a', insecure: false },
};

function hello(): CanvasDocument {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'hello' },
    spec: {
      containers: [
        {
          name: 'api',
          image: 'busybox:1.36',
          command: ['sh', '-c', 'sleep 3600'],
          ports: [{ name: 'http', containerPort: 80 }],
        },
      ],
    },
  } as unknown as Pod;
  return { pod, layout: {}, pidJoins: null };
}

/** A Service named `name` selecting `selector`, targeting the port named http. */
function service(name: string, selector: Record<string, string>): KubeObject {
  const drawn = newService([], { x: -300, y: 0 });
  return {
    ...drawn,
    metadata: { ...(drawn.metadata as Record<string, unknown>), name },
    spec: { selector, ports: [{ port: 80, targetPort: 'http' }] },
  };
}

/** The documents the last kube.preview call sent. */
function sent(): Record<string, unknown>[] {
  const call = calls.filter((c) => c.method === 'kube.preview').at(-1);
  expect(call).toBeDefined();
  return (call!.input as { documents: Record<string, unknown>[] }).documents;
}

beforeEach(() => {
  calls.length = 0;
  answered = undefined;
  useNotice.getState().clear();
  useEngine.setState({ status: cluster });
  useRun.setState({
    pods: {},
    pinned: undefined,
    busy: undefined,
    question: undefined,
    confirmed: new Set(),
    error: undefined,
  });
  useDocument.getState().load(hello(), 'shop.pod.yaml');
});

describe('run on a cluster', () => {
  it('applies the Deployment the Pod is wrapped in, with the replicas typed into the design, and the Services that select it', async () => {
    const state = useDocument.getState();
    state.change((doc) => wrapInDeployment(doc, 1));
    // What the cluster bar's field and the Pod group's field both do: one count, in the document.
    useDocument.getState().change((doc) => setReplicas(doc, 3), { group: 'deployment.replicas' });
    undo();
    expect(replicaCount(useDocument.getState().doc)).toBe(1);
    redo();
    expect(replicaCount(useDocument.getState().doc)).toBe(3);
    useDocument.getState().changeDesign((d) => ({
      ...d,
      companions: [service('web', { app: 'hello' }), service('elsewhere', { app: 'other' })],
    }));
    await useRun.getState().run();
    expect(useRun.getState().question).toBeUndefined();
    const input = calls.find((c) => c.method === 'kube.preview')!.input as Record<string, unknown>;
    // No second count beside the design's: the documents say how it runs.
    expect(input).not.toHaveProperty('as');
    expect(input).not.toHaveProperty('replicas');
    const documents = sent();
    expect(documents.map((d) => `${String(d.kind)}/${String((d.metadata as { name: string }).name)}`)).toEqual([
      'Deployment/hello',
      'Service/web',
    ]);
    const deployment = documents[0] as { spec: Record<string, unknown> };
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.selector).toEqual({ matchLabels: { app: 'hello' } });
    expect((deployment.spec.template as { metadata: unknown }).metadata).toEqual({ labels: { app: 'hello' } });
    // The same objects Export Deployment + Service writes.
    const exported = exportActivePod('deployment', true);
    if (!exported.ok) throw new Error(`the export was refused: ${exported.reason}`);
    expect(documents).toEqual(parseAllDocuments(exported.files[0]!.text).map((d) => d.toJS()));
    expect(calls.map((c) => c.method)).toEqual(['kube.preview', 'kube.apply']);
  });

  it('runs a bare Pod as a Pod, with the Services that select it', async () => {
    useDocument.getState().changeDesign((d) => ({ ...d, companions: [service('web', { app: 'hello' })] }));
    expect(
      (await clusterDocuments(useDocument.getState().doc, useDocument.getState().companions)).objects.map(
        (d) => d.kind,
      ),
    ).toEqual(['Pod']);
    useDocument.getState().change((doc) => ({
      ...doc,
      pod: { ...doc.pod, metadata: { ...doc.pod.metadata, labels: { app: 'hello' } } },
    }));
    await useRun.getState().run();
    expect(sent().map((d) => d.kind)).toEqual(['Pod', 'Service']);
  });

  it('says in the dry run that a drawn Service which does not select the Pod is left out, as podwright deploy does', async () => {
    answered = {
      ...preview,
      as: 'pod',
      replicas: 1,
      objects: [{ kind: 'Pod', name: 'hello', namespace: 'team-a', action: 'create', diff: [] }],
      notes: ['The design names namespace "x"; it runs in "team-a".'],
    };
    useDocument.getState().changeDesign((d) => ({ ...d, companions: [service('elsewhere', { app: 'other' })] }));
    const running = useRun.getState().run();
    await vi.waitFor(() => expect(useCluster.getState().preview).toBeDefined());
    expect(useCluster.getState().preview?.notes).toEqual([
      'Service "elsewhere" does not select this Pod, so it was not applied with it.',
      'The design names namespace "x"; it runs in "team-a".',
    ]);
    useCluster.getState().respond({ apply: false });
    await running;
    expect(calls.map((c) => c.method)).toEqual(['kube.preview']);
  });

  it('refuses a run whose Deployment Kubernetes would refuse, before the dry run', async () => {
    useDocument.getState().change((doc) => setReplicas(wrapInDeployment(doc, 1), 'three'));
    await useRun.getState().run();
    const question = useRun.getState().question;
    expect(question?.kind).toBe('refused');
    expect(question?.kind === 'refused' && question.diagnostics.map((d) => d.path)).toContain('spec.replicas');
    expect(calls).toEqual([]);
  });
});

describe('the replica count typed while the design runs on a cluster', () => {
  const running: PodSnapshot = {
    ...snapshot,
    phase: 'Running',
    workload: { kind: 'Deployment', name: 'hello', replicas: 1, ready: 1, available: 1, updated: 1 },
  };
  const type = (value: number): void =>
    useDocument.getState().change((doc) => setReplicas(doc, value), { group: 'deployment.replicas' });

  it('scales the running Deployment once the typing pauses, as kubectl scale would', async () => {
    vi.useFakeTimers();
    try {
      useDocument.getState().change((doc) => wrapInDeployment(doc, 1));
      useRun.setState({ snapshot: running });
      // "1" then "12": one call, for 12.
      type(1);
      type(12);
      await vi.advanceTimersByTimeAsync(SCALE_PAUSE_MS + 10);
      expect(calls).toEqual([{ method: 'kube.scale', input: { name: 'hello', replicas: 12 } }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves a design that is not running, or runs on Docker, to the next Run', async () => {
    vi.useFakeTimers();
    try {
      useDocument.getState().change((doc) => wrapInDeployment(doc, 1));
      type(4);
      useRun.setState({ snapshot: running });
      useEngine.setState({ status: docker });
      type(5);
      await vi.advanceTimersByTimeAsync(SCALE_PAUSE_MS + 10);
      expect(calls).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the one-copy notice', () => {
  it('says Docker runs one copy of a Deployment of several replicas, and says nothing on a cluster', async () => {
    await import('../workloads/run-notice');
    useDocument.getState().change((doc) => setReplicas(wrapInDeployment(doc, 1), 3));
    useEngine.setState({ status: cluster });
    useRun.setState({ busy: 'run' });
    useRun.setState({ busy: undefined });
    expect(useNotice.getState().text).toBeUndefined();
    useEngine.setState({ status: docker });
    useRun.setState({ busy: 'run' });
    useRun.setState({ busy: undefined });
    expect(useNotice.getState().text).toContain('3');
  });
});
