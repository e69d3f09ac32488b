// The status bar: which engine the app talks to, or why it cannot.
import { useTranslation } from 'react-i18next';
import { describeEngine, useEngine } from '../store/engine';
import { labelled } from '../punctuation';

export function StatusBar() {
  const { t } = useTranslation();
  const { status, error, loading, refresh } = useEngine();
  let text: string;
  let title: string | undefined;
  let state: 'ok' | 'down' | 'pending';
  if (error) {
    state = 'down';
    text = labelled(t, t('engine.backendLost'), error);
  } else if (!status) {
    state = 'pending';
    text = t('engine.connecting');
  } else if (status.reachable) {
    state = 'ok';
    text = describeEngine(status, t);
    title = status.endpoint.host;
  } else {
    state = 'down';
    text = labelled(t, t('engine.unreachable'), status.reason);
    title = status.hint;
  }
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      <span className={`engine-dot ${state}`} aria-hidden="true" />
      <span data-testid="engine-status" data-state={state} title={title}>
        {text}
      </span>
      {status && !status.reachable && <span className="hint">{status.hint}</span>}
      <button className="link" onClick={() => void refresh()} disabled={loading} aria-label={t('engine.refresh')}>
        ↻
      </button>
    </footer>
  );
}
