// The toolbar's "Export manifests" menu: the nine export actions of the registry, grouped by what is written.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionLabel, actions } from '../actions';
import { exportActionId } from './actions';
import { exportDestinations, exportKinds } from './export';
import './export.css';

export function ManifestMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const away = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [open]);

  const moveFocus = (e: React.KeyboardEvent) => {
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  };

  return (
    <div className="manifest-menu" ref={root} onKeyDown={moveFocus}>
      <button className="tool" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('export.menu')} ▾
      </button>
      {open && (
        <div className="manifest-menu-list" role="menu" aria-label={t('export.menu')}>
          {exportKinds.map((as, k) => (
            <div key={as} role="group" aria-label={t(`export.kind.${as}`)}>
              <p className="manifest-menu-kind" aria-hidden="true">
                {t(`export.kind.${as}`)}
              </p>
              {exportDestinations.map((destination, d) => {
                const action = actions.find((a) => a.id === exportActionId(as, destination))!;
                return (
                  <button
                    key={destination}
                    ref={k === 0 && d === 0 ? first : undefined}
                    role="menuitem"
                    aria-label={actionLabel(action)}
                    onClick={() => {
                      setOpen(false);
                      action.perform();
                    }}
                  >
                    {t(`export.menuItem.${destination}`)}
                  </button>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
