// The dry run, shown before the apply: the cluster's verdict (its problems, in the rules' words, each on a field of
// the Pod), fields another field manager owns (taken over only if the user says so), and what each object would
// become against what is live, as a diff.
import { useTranslation } from 'react-i18next';
import type { ClusterPreview } from '../../../shared/api/contract';
import { diagnosticText } from '../problems-text';
import { exportNoteTranslated } from '../export/note-text';
import { RunDialog } from '../run/RunDialog';
import { useCluster, verdictDiagnostics } from './store';

function ObjectChange({ object }: { object: ClusterPreview['objects'][number] }) {
  const { t } = useTranslation();
  const changed = object.diff.filter((l) => l.op !== ' ').length;
  return (
    <li
      className={`kube-object action-${object.action}`}
      data-testid="kube-preview-object"
      data-kind={object.kind}
      data-action={object.action}
    >
      <span className="kube-object-name">
        {object.kind}/{object.name}
      </span>{' '}
      <span className="kube-action">{t(`kube.preview.action.${object.action}`)}</span>
      {object.diff.length > 0 && object.action !== 'unchanged' && (
        <details open={object.action === 'update' || object.action === 'replace'}>
          <summary>
            {object.action === 'create' ? t('kube.preview.created') : t('kube.preview.showDiff')} ({changed})
          </summary>
          <pre className="kube-diff" data-testid="kube-diff">
            {object.diff.map((l, i) => (
              <span key={i} className={l.op === '+' ? 'added' : l.op === '-' ? 'removed' : 'same'}>
                {l.op} {l.text}
                {'\n'}
              </span>
            ))}
          </pre>
        </details>
      )}
    </li>
  );
}

export function PreviewDialog() {
  const { t } = useTranslation();
  const preview = useCluster((s) => s.preview);
  const respond = useCluster((s) => s.respond);
  if (!preview) return null;
  const problems = verdictDiagnostics(preview).filter((d) => d.code !== 'KUBE_FIELD_CONFLICT');
  const conflicts = preview.conflicts;
  return (
    <RunDialog
      title={t('kube.preview.title', { context: preview.context })}
      onClose={() => respond({ apply: false })}
      testId="kube-preview"
      initialFocus="button.primary, button.cancel"
    >
      <p
        className={preview.accepted ? 'kube-accepted' : 'kube-refused'}
        data-testid="kube-verdict"
        data-accepted={preview.accepted}
      >
        {preview.accepted ? t('kube.preview.accepted') : t('kube.preview.refused')}
      </p>
      <p className="kube-where">{t('kube.preview.where', { server: preview.server, namespace: preview.namespace })}</p>
      {problems.length > 0 && (
        <>
          <h3>{t('kube.preview.problems')}</h3>
          <ul className="run-reasons" data-testid="kube-problems">
            {problems.map((d, i) => (
              <li key={i} className={`severity-${d.severity}`} data-code={d.code}>
                <code>{d.code}</code> {d.path && <span className="run-reason-path">{d.path}</span>}{' '}
                {diagnosticText(t, d)}
              </li>
            ))}
          </ul>
        </>
      )}
      {conflicts.length > 0 && (
        <>
          <h3>{t('kube.preview.conflicts')}</h3>
          <p>{t('kube.preview.conflictsIntro')}</p>
          <ul className="run-reasons" data-testid="kube-conflicts">
            {conflicts.map((c, i) => (
              <li key={i} className="severity-warning">
                {t('kube.preview.conflict', { field: c.field, object: c.object, manager: c.manager })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('kube.preview.objects')}</h3>
      <ul className="kube-objects">
        {preview.objects.map((o) => (
          <ObjectChange key={`${o.kind}/${o.name}`} object={o} />
        ))}
      </ul>
      {preview.notes.length > 0 && (
        <>
          <h3>{t('kube.preview.notes')}</h3>
          <ul className="kube-notes">
            {preview.notes.map((n, i) => (
              <li key={i} data-testid="kube-note">
                {exportNoteTranslated(t, n)}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="run-dialog-buttons">
        <button
          type="button"
          className="tool cancel"
          onClick={() => respond({ apply: false })}
          data-testid="kube-preview-cancel"
        >
          {t('kube.preview.cancel')}
        </button>
        {preview.accepted && (
          <button
            type="button"
            className="tool primary"
            onClick={() => respond({ apply: true, force: conflicts.length > 0 })}
            data-testid="kube-apply"
          >
            {conflicts.length > 0 ? t('kube.preview.applyForce') : t('kube.preview.apply')}
          </button>
        )}
      </div>
    </RunDialog>
  );
}
