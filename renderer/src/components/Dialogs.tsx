// Modal dialogs: the command palette (Ctrl/Cmd+K), the examples gallery, the shortcut sheet, the restore prompt, and passing notices.
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actions, actionLabel, shortcutText, useDialogs } from '../actions';
import { examples, loadExample, recentActions, useFiles } from '../files';
import { FilePicker } from './files/FilePicker';
import { ShortcutSheet } from './ShortcutSheet';
import { useDocument } from '../store/document';
import { useNotice } from '../store/notice';
import { later, laterComponent } from '../lazy';
import { commandMatches, searchTexts } from '../command-search';
import { ExportReportDialog } from '../export/ExportReport';

// The save-conflict dialog compares the two texts in a CodeMirror merge view: it loads with its first conflict (or in
// idle time), so CodeMirror stays out of the first screen's code.
const saveConflict = later(() => import('./files/SaveConflictDialog'));
const SaveConflictDialog = laterComponent(saveConflict, 'SaveConflictDialog');

function CommandPalette() {
  const { t } = useTranslation();
  const close = () => useDialogs.getState().open(undefined);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const state = useDocument();
  const recent = useFiles((s) => s.recent);
  const matches = useMemo(() => {
    return [...actions, ...recentActions(recent)]
      .filter((a) => a.id !== 'commandPalette' && a.enabled(state))
      .map((a) => ({ action: a, label: actionLabel(a) }))
      .filter((a) => commandMatches(query, searchTexts(a.action, a.label)));
  }, [query, state, recent]);
  const run = (i: number) => {
    const hit = matches[i];
    if (!hit) return;
    close();
    hit.action.perform();
  };
  return (
    <div className="dialog-backdrop" onMouseDown={close}>
      <div
        className="dialog command-palette"
        role="dialog"
        aria-modal="true"
        aria-label={t('commands.title')}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="command-list"
          aria-label={t('commands.search')}
          placeholder={t('commands.search')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
            else if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, matches.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter') run(active);
            else return;
            e.preventDefault();
          }}
        />
        <ul id="command-list" role="listbox" aria-label={t('commands.title')}>
          {matches.map((m, i) => (
            <li
              key={m.action.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={() => run(i)}
            >
              <span>{m.label}</span>
              <kbd>{shortcutText(m.action.shortcut)}</kbd>
            </li>
          ))}
          {matches.length === 0 && <li className="hint">{t('commands.none')}</li>}
        </ul>
      </div>
    </div>
  );
}

function ExamplesGallery() {
  const { t } = useTranslation();
  const close = () => useDialogs.getState().open(undefined);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="dialog-backdrop" onMouseDown={close} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div
        className="dialog gallery"
        role="dialog"
        aria-modal="true"
        aria-label={t('examples.title')}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <h2>{t('examples.title')}</h2>
        <ul>
          {examples.map((ex, i) => (
            <li key={ex.file}>
              <button
                ref={i === 0 ? first : undefined}
                className="example"
                onClick={() => void loadExample(ex).then((opened) => opened && close())}
              >
                <strong>{t(`examples.names.${ex.name}`, { defaultValue: ex.name })}</strong>
                <span className="hint">{t(`examples.about.${ex.name}`, { defaultValue: ex.description })}</span>
              </button>
            </li>
          ))}
        </ul>
        <button onClick={close}>{t('dialog.close')}</button>
      </div>
    </div>
  );
}

function Notice() {
  const text = useNotice((s) => s.text);
  const { t } = useTranslation();
  // The live region stays in the page while empty: screen readers announce text put into a region they already
  // know (Undo's "Undid: move api"), not always one added with its text.
  return (
    <div role="status" aria-live="polite" data-testid="notice-region">
      {text && (
        <div className="notice">
          <span>{text}</span>
          <button className="link" aria-label={t('dialog.close')} onClick={() => useNotice.getState().clear()}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

export function Dialogs() {
  const dialog = useDialogs((s) => s.dialog);
  const conflict = useFiles((s) => s.conflict);
  return (
    <>
      <Notice />
      {dialog === 'commands' && <CommandPalette />}
      {dialog === 'examples' && <ExamplesGallery />}
      {dialog === 'shortcuts' && <ShortcutSheet />}
      <FilePicker />
      <ExportReportDialog />
      {conflict && (
        <Suspense fallback={null}>
          <SaveConflictDialog />
        </Suspense>
      )}
    </>
  );
}
