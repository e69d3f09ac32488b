// The keyboard shortcut sheet (Ctrl+/ or ?): every shortcut of the action registry with what it does, read from the
// registry itself, so a new action's shortcut is listed without anyone writing it here.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutLines, useDialogs } from '../actions';
import './shortcut-sheet.css';

export function ShortcutSheet() {
  const { t, i18n } = useTranslation();
  const close = () => useDialogs.getState().open(undefined);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  // The labels follow the UI language.
  const lines = useMemo(() => shortcutLines(), [i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="dialog-backdrop" onMouseDown={close} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div
        className="dialog shortcut-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-sheet-title"
        onMouseDown={(e) => e.stopPropagation()}
        data-testid="shortcut-sheet"
      >
        <h2 id="shortcut-sheet-title">{t('shortcuts.title')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('shortcuts.action')}</th>
              <th scope="col">{t('shortcuts.keys')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id} data-action={line.id}>
                <td>{line.label}</td>
                <td>
                  {line.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && <span className="hint"> {t('shortcuts.or')} </span>}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{t('shortcuts.more')}</p>
        <button ref={closeButton} onClick={close}>
          {t('dialog.close')}
        </button>
      </div>
    </div>
  );
}
