// The left palette: drag an item onto the canvas, or click it (or press Enter) to add it beside its kind.
import { useTranslation } from 'react-i18next';
import { addItem, dragMime, itemKey, paletteGroups } from '../canvas/items';

export function Palette() {
  const { t } = useTranslation();
  return (
    <aside className="palette" aria-label={t('palette.label')}>
      <h2>{t('palette.title')}</h2>
      {paletteGroups.map((group) => (
        <section key={group.title} className="palette-group">
          <h3>{t(group.title)}</h3>
          <ul>
            {group.items.map((item) => {
              const key = itemKey(item);
              return (
                <li key={key}>
                  <button
                    className={`palette-item kind-${item.type}`}
                    draggable
                    onDragStart={(e) => {
                      e.dataTransfer.setData(dragMime, JSON.stringify(item));
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={() => addItem(item)}
                    title={t(`${key}Hint`)}
                    aria-label={t('palette.add', { what: t(key) })}
                  >
                    {t(key)}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <p className="hint">{t('palette.hint')}</p>
    </aside>
  );
}
