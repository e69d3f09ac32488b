// The menu bar (File, Edit, View, Pod, Run, Workshop, Help): every command of the action registry, with its shortcut
// and whether it applies now. Keyboard as in desktop menu bars: arrows move, Enter or Space acts, Escape closes.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actionLabel, actions, ariaKeyShortcut, shortcutText, type Action } from '../actions';
import { useDocument, useHistory } from '../store/document';
import { menuEntries, menuIds, type MenuId } from './menus';

function items(menu: HTMLElement | null): HTMLButtonElement[] {
  return [...(menu?.querySelectorAll<HTMLButtonElement>('[role^=menuitem]:not(:disabled)') ?? [])];
}

function Menu({
  id,
  onDone,
  onKey,
}: {
  id: MenuId;
  /** Closes the menu; with an action, performs it once the menu is gone. */
  onDone: (action?: Action) => void;
  onKey: (e: KeyboardEvent<HTMLElement>) => void;
}) {
  const { t } = useTranslation();
  // The enabled states and check marks follow the document and its history while the menu is open.
  useHistory();
  const state = useDocument();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => items(ref.current)[0]?.focus(), []);
  const entries = menuEntries(id, actions);
  return (
    <div className="menu" role="menu" aria-label={t(`chrome.menu.${id}`)} ref={ref} onKeyDown={onKey}>
      {entries.map((entry, i) => {
        if (entry === '-') return <div key={`-${i}`} role="separator" className="menu-separator" />;
        const shortcut = shortcutText(entry.shortcut);
        const checked = entry.checked?.();
        return (
          <button
            key={entry.id}
            type="button"
            role={checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked={checked}
            aria-keyshortcuts={ariaKeyShortcut(entry.shortcut)}
            className="menu-item"
            disabled={!entry.enabled(state)}
            data-action={entry.id}
            tabIndex={-1}
            onClick={() => onDone(entry)}
          >
            <span className="menu-check" aria-hidden="true">
              {checked ? '✓' : ''}
            </span>
            <span className="menu-label">{actionLabel(entry)}</span>
            {shortcut && <kbd className="menu-shortcut">{shortcut}</kbd>}
          </button>
        );
      })}
    </div>
  );
}

export function MenuBar() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<MenuId | undefined>();
  const bar = useRef<HTMLDivElement>(null);
  // What had the focus before a menu opened: it gets it back when the menu closes without opening something else.
  const before = useRef<Element | null>(null);

  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(undefined);
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [open]);

  const heading = (id: MenuId) => bar.current?.querySelector<HTMLButtonElement>(`[data-menu="${id}"]`);
  const openMenu = (id: MenuId) => {
    if (!open) before.current = document.activeElement;
    setOpen(id);
  };
  const close = (focus: 'heading' | 'before', id = open) => {
    setOpen(undefined);
    if (focus === 'heading' && id) heading(id)?.focus();
    else if (before.current instanceof HTMLElement && before.current.isConnected) before.current.focus();
    else (document.activeElement as HTMLElement | null)?.blur();
  };
  const beside = (id: MenuId, step: 1 | -1): MenuId =>
    menuIds[(menuIds.indexOf(id) + step + menuIds.length) % menuIds.length]!;

  const onHeadingKey = (id: MenuId) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const next = beside(id, e.key === 'ArrowRight' ? 1 : -1);
      heading(next)?.focus();
      if (open) setOpen(next);
    } else if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') openMenu(id);
    else if (e.key === 'Escape' && open) close('heading', id);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLElement>) => {
    if (!open) return;
    const list = items(e.currentTarget);
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') list[(at + 1) % list.length]?.focus();
    else if (e.key === 'ArrowUp') list[(at - 1 + list.length) % list.length]?.focus();
    else if (e.key === 'Home') list[0]?.focus();
    else if (e.key === 'End') list[list.length - 1]?.focus();
    else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const next = beside(open, e.key === 'ArrowRight' ? 1 : -1);
      heading(next)?.focus();
      setOpen(next);
    } else if (e.key === 'Escape') close('heading');
    else if (e.key === 'Tab') {
      setOpen(undefined);
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="menubar" role="menubar" aria-label={t('chrome.menubar')} ref={bar}>
      {menuIds.map((id) => (
        <div key={id} className="menubar-entry">
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === id}
            className={open === id ? 'menubar-item open' : 'menubar-item'}
            data-menu={id}
            tabIndex={id === 'file' ? 0 : -1}
            onClick={() => (open === id ? close('before') : openMenu(id))}
            // Once one menu is open, pointing at another opens that one, as in desktop menu bars.
            onMouseEnter={() => open && open !== id && setOpen(id)}
            onKeyDown={onHeadingKey(id)}
          >
            {t(`chrome.menu.${id}`)}
          </button>
          {open === id && (
            <Menu
              id={id}
              onKey={onMenuKey}
              onDone={(action) => {
                close(action ? 'before' : 'heading');
                action?.perform();
              }}
            />
          )}
        </div>
      ))}
    </div>
  );
}
