// The left palette. The foundation lists what a Pod is made of; dragging onto the canvas comes with the editor.
import { useTranslation } from 'react-i18next';

const items = ['container', 'initContainer', 'volume', 'pidNamespace'] as const;

export function Palette() {
  const { t } = useTranslation();
  return (
    <aside className="palette" aria-label={t('palette.label')}>
      <h2>{t('palette.title')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item} className={`palette-item kind-${item}`} aria-disabled="true">
            {t(`palette.${item}`)}
          </li>
        ))}
      </ul>
      <p className="hint">{t('palette.comingSoon')}</p>
    </aside>
  );
}
