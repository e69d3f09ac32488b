// The Pod form's Deployment section: wrap the Pod in a Deployment, or, when it is wrapped, its replicas, rollout
// strategy and selector (with their problems and fixes), and unwrap.
import { useTranslation } from 'react-i18next';
import {
  replicasOf,
  setReplicas,
  unwrapDeployment,
  wrapInDeployment,
  type CanvasDocument,
} from '../../../../shared/design';
import { isRecord } from '../../../../shared/model/record';
import { labelText } from '../../../../shared/rules/workloads/label-text';
import { useDocument } from '../../store/document';
import { useDeploymentDiagnostics } from '../../workloads/derived';
import { replicasFromText } from '../../workloads/DeploymentTag';
import { applyDeploymentFix } from '../../workloads/problems';
import { Section } from './form';
import { ObjectField, ObjectProblems } from './object-form';

const strategies = ['RollingUpdate', 'Recreate'];

function change(group: string, recipe: (doc: CanvasDocument) => CanvasDocument): void {
  useDocument.getState().change(recipe, { group: `deployment.${group}` });
}

export function DeploymentSection({ doc }: { doc: CanvasDocument }) {
  const { t } = useTranslation();
  const diagnostics = useDeploymentDiagnostics();
  if (!doc.workload)
    return (
      <Section title={t('workloads.deployment.section')}>
        <p className="hint">{t('workloads.deployment.bareHint')}</p>
        <button type="button" className="small" onClick={() => change('wrap', (d) => wrapInDeployment(d, 1))}>
          {t('workloads.action.wrap')}
        </button>
      </Section>
    );
  const spec = isRecord(doc.workload.spec) ? doc.workload.spec : {};
  const strategy =
    isRecord(spec.strategy) && typeof spec.strategy.type === 'string' ? spec.strategy.type : 'RollingUpdate';
  const selector =
    isRecord(spec.selector) && isRecord(spec.selector.matchLabels)
      ? labelText(spec.selector.matchLabels as Record<string, string>)
      : '';
  const replicas = replicasOf(doc);
  // The count's problems show under its field; the rest (selector, template, strategy) below the selector.
  const otherProblems = diagnostics.filter((d) => !d.path.startsWith('spec.replicas'));
  return (
    <Section title={t('workloads.deployment.section')}>
      <ObjectField
        label={t('workloads.deployment.replicas')}
        path="spec.replicas"
        value={typeof replicas === 'number' || typeof replicas === 'string' ? String(replicas) : ''}
        diagnostics={diagnostics}
        testId="replicas-field"
        onChange={(v) => change('replicas', (d) => setReplicas(d, replicasFromText(v)))}
      />
      <div className="form-field">
        <label>
          {t('workloads.deployment.strategy')}
          <select
            value={strategy}
            data-path="spec.strategy.type"
            onChange={(e) =>
              change('strategy', (d) => {
                if (!d.workload) return d;
                const ws = isRecord(d.workload.spec) ? d.workload.spec : {};
                const next =
                  e.target.value === 'RollingUpdate'
                    ? { ...ws, strategy: undefined }
                    : { ...ws, strategy: { type: e.target.value } };
                if (next.strategy === undefined) delete next.strategy;
                return { ...d, workload: { ...d.workload, spec: next } };
              })
            }
          >
            {strategies.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint" data-path="spec.selector" data-testid="deployment-selector">
        {selector
          ? t('workloads.deployment.selects', { labels: selector })
          : t('workloads.deployment.selectsExpressions')}
      </p>
      <ObjectProblems diagnostics={otherProblems} onFix={applyDeploymentFix} />
      <button type="button" className="small" onClick={() => change('unwrap', unwrapDeployment)}>
        {t('workloads.action.unwrap')}
      </button>
    </Section>
  );
}
