// The Deployment on a Pod group's header: "Deployment", the replica count (typed in place on the active Pod), its
// problems, and for more than one replica the group is drawn as a stack of copies.
import { useTranslation } from 'react-i18next';
import { replicasOf, setReplicas } from '../../../shared/design';
import { Badge } from '../canvas/Badge';
import { podAt, useDocument } from '../store/document';
import { useDeploymentDiagnostics } from './derived';
import './workloads.css';

/** What the user typed: a whole number as a number, anything else as it is (the rules then say what is wrong). */
export function replicasFromText(text: string): number | string {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
}

export function DeploymentTag({ pod }: { pod: number | undefined }) {
  const { t } = useTranslation();
  const replicas = useDocument((s) => {
    const doc = podAt(s, pod);
    return doc?.workload ? replicasOf(doc) : undefined;
  });
  if (replicas === undefined) return null;
  const shown = typeof replicas === 'string' || typeof replicas === 'number' ? String(replicas) : '';
  if (pod !== undefined)
    return (
      <span className="deployment-tag" data-testid="deployment-tag">
        {t('workloads.deployment.tag', { replicas: shown })}
      </span>
    );
  return <ActiveDeploymentTag shown={shown} />;
}

function ActiveDeploymentTag({ shown }: { shown: string }) {
  const { t } = useTranslation();
  const diagnostics = useDeploymentDiagnostics();
  return (
    <span className="deployment-tag" data-testid="deployment-tag">
      <span>{t('workloads.deployment.name')}</span>
      <label className="replicas nodrag nopan">
        ×
        <input
          className="nodrag nopan"
          type="text"
          inputMode="numeric"
          size={3}
          value={shown}
          data-testid="replicas-on-group"
          aria-label={t('workloads.deployment.replicas')}
          onChange={(e) => {
            const value = replicasFromText(e.target.value);
            useDocument.getState().change((doc) => setReplicas(doc, value), { group: 'deployment.replicas' });
          }}
        />
      </label>
      <Badge diagnostics={diagnostics} />
    </span>
  );
}
