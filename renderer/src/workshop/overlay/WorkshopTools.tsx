// The toolbar's workshop group: the namespace overlay toggle, presenter mode and the image export menu.
import { useTranslation } from 'react-i18next';
import { actions, actionLabel, shortcutText } from '../../actions';
import { ExportMenu } from '../export/ExportMenu';
import { useNamespaceOverlay } from './store';

function RegistryButton({ id, pressed, testId }: { id: string; pressed?: boolean; testId: string }) {
  const action = actions.find((a) => a.id === id);
  if (!action) return null;
  const label = actionLabel(action);
  const shortcut = shortcutText(action.shortcut);
  return (
    <button
      className={`tool${pressed ? ' pressed' : ''}`}
      aria-pressed={pressed}
      onClick={() => action.perform()}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-keyshortcuts={shortcut || undefined}
      data-testid={testId}
    >
      {label}
    </button>
  );
}

export function WorkshopTools() {
  const { t } = useTranslation();
  const on = useNamespaceOverlay((s) => s.on);
  return (
    <div className="actions workshop-tools" role="group" aria-label={t('nsOverlay.action.toggleLong')}>
      <RegistryButton id="namespaces" pressed={on} testId="toggle-namespaces" />
      <RegistryButton id="presenter" testId="enter-presenter" />
      <ExportMenu />
    </div>
  );
}
