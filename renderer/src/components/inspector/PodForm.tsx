// The inspector's Pod form (shown when nothing is selected): name, restart policy, process sharing, the Deployment
// around it, and labels.
import { useTranslation } from 'react-i18next';
import type { Pod } from '../../../../shared/model';
import type { CanvasDocument } from '../../../../shared/design';
import { useDocument } from '../../store/document';
import { PodSharingField } from '../../workshop/overlay/PodSharingField';
import { DeploymentSection } from './DeploymentSection';
import { Field, RowProblems, Section, setOrDelete } from './form';
import type { InspectorView } from './views';

function PodForm({ pod, doc }: { pod: Pod; doc: CanvasDocument }) {
  const { t } = useTranslation();
  const change = (field: string, update: (doc: CanvasDocument) => CanvasDocument) =>
    useDocument.getState().change(update, { group: `pod.${field}` });
  const labels = Object.entries(pod.metadata?.labels ?? {});
  const setLabels = (entries: [string, string][]) =>
    change('labels', (doc) => ({
      ...doc,
      pod: {
        ...doc.pod,
        metadata: setOrDelete(
          doc.pod.metadata ?? {},
          'labels',
          entries.length ? Object.fromEntries(entries) : undefined,
        ),
      },
    }));
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label={t('inspector.podForm')}>
      <Field
        label={t('field.podName')}
        path="metadata.name"
        exact
        value={pod.metadata?.name ?? ''}
        onChange={(v) =>
          change('name', (doc) => ({ ...doc, pod: { ...doc.pod, metadata: { ...doc.pod.metadata, name: v } } }))
        }
      />
      <div className="form-field">
        <label>
          {t('field.restartPolicy')}
          <select
            value={pod.spec.restartPolicy ?? 'Always'}
            data-path="spec.restartPolicy"
            onChange={(e) =>
              change('restartPolicy', (doc) => ({
                ...doc,
                pod: {
                  ...doc.pod,
                  spec: setOrDelete(
                    doc.pod.spec,
                    'restartPolicy',
                    e.target.value === 'Always' ? undefined : e.target.value,
                  ),
                },
              }))
            }
          >
            <option value="Always">Always</option>
            <option value="OnFailure">OnFailure</option>
            <option value="Never">Never</option>
          </select>
        </label>
      </div>
      <PodSharingField pod={pod} />
      <DeploymentSection doc={doc} />
      <Section
        title={t('field.labels')}
        addLabel={t('field.addLabel')}
        onAdd={() => setLabels([...labels, [`key${labels.length + 1}`, 'value']])}
      >
        {labels.map(([key, value], i) => (
          <div className="row" key={i}>
            <Field
              label={t('field.labelKey')}
              path={`metadata.labels.${key}`}
              exact
              value={key}
              onChange={(v) => setLabels(labels.map((e, j) => (j === i ? [v, e[1]] : e)))}
            />
            <Field
              label={t('field.labelValue')}
              path={`metadata.labels.${key}`}
              exact
              value={value}
              onChange={(v) => setLabels(labels.map((e, j) => (j === i ? [e[0], v] : e)))}
            />
            <button
              className="small remove"
              aria-label={t('field.removeLabel', { name: key })}
              onClick={() => setLabels(labels.filter((_, j) => j !== i))}
            >
              ×
            </button>
            {/* Exact: a label "app" must not show the problems of "app.kubernetes.io/name". */}
            <RowProblems path={`metadata.labels.${key}`} exact />
          </div>
        ))}
      </Section>
    </form>
  );
}

export const podView: InspectorView = ({ id, doc }, t) =>
  id === 'pod' ? { title: t('inspector.pod'), body: <PodForm pod={doc.pod} doc={doc} /> } : undefined;
