// The toolbar's recent-files menu: the last designs opened or saved (from file.recent), newest first.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openRecent, refreshRecent, useFiles } from '../../files';
import { Icon } from '../../chrome/icons';
import './files.css';

export function RecentMenu() {
  const { t } = useTranslation();
  const recent = useFiles((s) => s.recent);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void refreshRecent();
  }, []);

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
    <div className="recent-menu" ref={root} onKeyDown={moveFocus}>
      <button
        className="tool icon-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('files.recent')}
        title={t('files.recent')}
        onClick={() => {
          if (!open) void refreshRecent();
          setOpen(!open);
        }}
      >
        <Icon id="recent" />
      </button>
      {open && (
        <div className="recent-list" role="menu" aria-label={t('files.recent')}>
          {recent.length === 0 && <p className="hint">{t('files.noRecent')}</p>}
          {recent.map((file, i) => (
            <button
              key={file.path}
              ref={i === 0 ? first : undefined}
              role="menuitem"
              title={file.path}
              onClick={() => {
                setOpen(false);
                void openRecent(file.path);
              }}
            >
              <span>{file.name}</span>
              <span className="recent-path">{file.path}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
