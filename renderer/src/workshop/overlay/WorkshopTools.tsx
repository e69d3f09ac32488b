// The toolbar's workshop group: the namespace overlay toggle, presenter mode and the image export menu.
import { useTranslation } from 'react-i18next';
import { actions } from '../../actions';
import { ActionButton } from '../../components/ActionButton';
import { ExportMenu } from '../export/ExportMenu';
import { useNamespaceOverlay } from './store';

/** The registry's action `id` as a toolbar button. */
function RegistryButton({ id, pressed, testId }: { id: string; pressed?: boolean; testId: string }) {
  const action = actions.find((a) => a.id === id);
  return action ? <ActionButton action={action} pressed={pressed} testId={testId} /> : null;
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
