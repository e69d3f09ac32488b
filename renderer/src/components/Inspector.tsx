// The right-hand inspector for the selection.
import { useTranslation } from 'react-i18next';

export function Inspector() {
  const { t } = useTranslation();
  return (
    <aside className="inspector" aria-label={t('inspector.label')}>
      <h2>{t('inspector.title')}</h2>
      <p className="hint">{t('inspector.nothing')}</p>
    </aside>
  );
}
