// Beside the engine picker when a Kubernetes context is the engine: the cluster's version, the namespace (pick one,
// type one, or create a missing one), may-create-Pods and an insecure marker, what of the design runs (its Deployment
// of N replicas, or its Pod), and while it runs the ready count and the scheduler's words.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { replicasOf, setReplicas, wrapInDeployment } from '../../../shared/design';
import { replicaFailure, unschedulable } from '../../../shared/plan/kube-status';
import { useRun } from '../run/store';
import { useDocument } from '../store/document';
import { useEngine } from '../store/engine';
import { replicasFromText } from '../workloads/DeploymentTag';
import { clusterOf, useCluster } from './store';
import './kube.css';
// Typing the count while it runs scales the Deployment at once.
import './live-scale';

/** A namespace typed by hand (the user may not list them, or wants a new one); starts from the current one. */
function TypedNamespace({
  namespace,
  namespaces,
  choose,
}: {
  namespace: string;
  namespaces: string[] | undefined;
  choose: (ns: string) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(namespace);
  return (
    <form
      className="kube-field"
      onSubmit={(e) => {
        e.preventDefault();
        choose(typed.trim());
      }}
    >
      <label>
        <span>{t('kube.namespace')}</span>
        <input
          data-testid="kube-namespace"
          aria-label={t('kube.namespaceTyped')}
          list="kube-namespaces"
          value={typed}
          spellCheck={false}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={() => choose(typed.trim())}
        />
      </label>
      <datalist id="kube-namespaces">
        {namespaces?.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
    </form>
  );
}

function NamespaceField({ context, namespace }: { context: string; namespace: string }) {
  const { t } = useTranslation();
  const namespaces = useCluster((s) => s.namespaces);
  const select = useCluster((s) => s.select);
  const loadNamespaces = useCluster((s) => s.loadNamespaces);
  useEffect(() => {
    void loadNamespaces(context);
  }, [context, loadNamespaces]);
  const choose = (ns: string): void => {
    if (ns && ns !== namespace) void select(context, ns);
  };
  if (namespaces && namespaces.includes(namespace))
    return (
      <label className="kube-field">
        <span>{t('kube.namespace')}</span>
        <select
          data-testid="kube-namespace"
          aria-label={t('kube.namespace')}
          value={namespace}
          onChange={(e) => choose(e.target.value)}
        >
          {namespaces.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    );
  // Keyed by the namespace in use, so the field starts over when another one is chosen.
  return <TypedNamespace key={namespace} namespace={namespace} namespaces={namespaces} choose={choose} />;
}

/**
 * What runs on the cluster, as the design says it: the Deployment the Pod is wrapped in, with its replica count typed
 * here or on the Pod's group (the one count, in the document, undoable), or the bare Pod with an offer to wrap it.
 */
function RunAs() {
  const { t } = useTranslation();
  const replicas = useDocument((s) => (s.doc.workload ? replicasOf(s.doc) : undefined));
  if (replicas === undefined)
    return (
      <span className="kube-field" data-testid="kube-run-as" data-as="pod">
        <span>{t('kube.runsAsPod')}</span>
        <button
          type="button"
          className="link"
          data-testid="kube-wrap"
          title={t('kube.wrapTitle')}
          onClick={() => useDocument.getState().change((doc) => wrapInDeployment(doc, 1))}
        >
          {t('kube.wrap')}
        </button>
      </span>
    );
  const shown = typeof replicas === 'string' || typeof replicas === 'number' ? String(replicas) : '';
  return (
    <span className="kube-field" data-testid="kube-run-as" data-as="deployment">
      <label>
        <span>{t('kube.runsAsDeployment')}</span>
        <span className="kube-times">×</span>
        <input
          className="kube-replicas"
          data-testid="kube-replicas"
          aria-label={t('kube.replicas')}
          type="text"
          inputMode="numeric"
          size={3}
          spellCheck={false}
          value={shown}
          onChange={(e) => {
            const value = replicasFromText(e.target.value);
            // The same edit (and undo group) as the count on the Pod's group.
            useDocument.getState().change((doc) => setReplicas(doc, value), { group: 'deployment.replicas' });
          }}
        />
      </label>
    </span>
  );
}

/** "2/3 ready" of a Deployment run, and why a replica waits when the scheduler cannot place it. */
export function ClusterRunState() {
  const { t } = useTranslation();
  const workload = useRun((s) => s.snapshot?.workload);
  const pending = useRun((s) => {
    const replicas = s.snapshot?.replicas ?? [];
    for (const r of replicas) {
      const c = unschedulable(r.conditions ?? []);
      if (c?.message) return c.message;
    }
    return undefined;
  });
  const refused = useRun((s) => (s.snapshot ? replicaFailure(s.snapshot)?.message : undefined));
  return (
    <>
      {workload && (
        <span
          className="kube-ready"
          data-testid="kube-ready"
          data-ready={workload.ready}
          data-replicas={workload.replicas}
          title={t('kube.readyTitle', { replicas: workload.replicas })}
        >
          {t('kube.ready', { ready: workload.ready, replicas: workload.replicas })}
        </span>
      )}
      {pending && (
        <span className="kube-unschedulable" role="status" data-testid="kube-unschedulable" title={pending}>
          {t('kube.unschedulable', { message: pending })}
        </span>
      )}
      {refused && (
        <span className="kube-unschedulable" role="status" data-testid="kube-replica-failure" title={refused}>
          {t('kube.replicaFailure', { message: refused })}
        </span>
      )}
    </>
  );
}

export function ClusterBar() {
  const { t } = useTranslation();
  const status = useEngine((s) => s.status);
  const cluster = clusterOf(status);
  const createNamespace = useCluster((s) => s.createNamespace);
  const error = useCluster((s) => s.error);
  if (!cluster) return null;
  return (
    <div className="kube-bar" data-testid="kube-bar">
      {status?.reachable && <span className="kube-version">{t('kube.version', { version: status.version })}</span>}
      <NamespaceField context={cluster.context} namespace={cluster.namespace} />
      {cluster.namespaceExists === false && (
        <span className="kube-missing" data-testid="kube-namespace-missing">
          {t('kube.namespaceMissing', { namespace: cluster.namespace })}{' '}
          <button
            type="button"
            className="link"
            onClick={() => void createNamespace(cluster.context, cluster.namespace)}
            data-testid="kube-create-namespace"
          >
            {t('kube.createNamespace')}
          </button>
        </span>
      )}
      {cluster.mayCreatePods !== undefined && (
        <span
          className={`kube-access ${cluster.mayCreatePods ? 'yes' : 'no'}`}
          data-testid="kube-may-create"
          data-allowed={cluster.mayCreatePods}
          title={t('kube.mayCreateTitle', { namespace: cluster.namespace })}
        >
          {cluster.mayCreatePods ? t('kube.mayCreate') : t('kube.mayNotCreate')}
        </span>
      )}
      {cluster.insecure && (
        <span className="kube-insecure" data-testid="kube-insecure" title={t('kube.insecureTitle')}>
          ⚠ {t('kube.insecure')}
        </span>
      )}
      <RunAs />
      {error && (
        <span className="kube-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
