// The run bar's question before running a Pod that reaches into this computer (the host-access family: a hostPath
// into the host, a privileged container, capabilities with the host's namespaces): asked on its own, in its own words,
// with the Pod's other warnings beneath it, so the user gives that access knowingly.
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../../shared/rules';
import { diagnosticText } from '../problems-text';
import { RunDialog } from './RunDialog';
import { useRun } from './store';
import './host-access.css';

function Reasons({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  const { t } = useTranslation();
  return (
    <ul className="run-reasons">
      {diagnostics.map((d, i) => (
        <li key={i} className={`severity-${d.severity}`} data-code={d.code}>
          <code>{d.code}</code> <span className="run-reason-path">{d.path}</span> {diagnosticText(t, d)}
        </li>
      ))}
    </ul>
  );
}

export function HostAccessQuestion({ hostAccess, warnings }: { hostAccess: Diagnostic[]; warnings: Diagnostic[] }) {
  const { t } = useTranslation();
  const answer = useRun.getState().answer;
  return (
    <RunDialog
      title={t('run.hostAccess.title')}
      onClose={() => answer(false)}
      testId="run-host-access"
      initialFocus="button.cancel"
    >
      <p>{t('run.hostAccess.intro')}</p>
      <div className="host-access-reasons">
        <Reasons diagnostics={hostAccess} />
      </div>
      <p className="hint">{t('run.hostAccess.why')}</p>
      {warnings.length > 0 && (
        <>
          <p>{t('run.hostAccess.alsoWarnings')}</p>
          <Reasons diagnostics={warnings} />
        </>
      )}
      <div className="run-dialog-buttons">
        <button type="button" className="tool cancel" onClick={() => answer(false)}>
          {t('run.confirm.cancel')}
        </button>
        <button
          type="button"
          className="tool primary host-access-allow"
          onClick={() => answer(true)}
          data-testid="run-allow-host-access"
        >
          {t('run.hostAccess.allow')}
        </button>
      </div>
    </RunDialog>
  );
}
