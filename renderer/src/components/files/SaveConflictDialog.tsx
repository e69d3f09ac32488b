// Asks what to do when Save finds the file changed on disk since the design was read from it: keep mine (overwrite),
// take theirs (reload), or compare the two side by side first. Nothing is written until the user picks.
import { yaml } from '@codemirror/lang-yaml';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFiles, type SaveConflict } from '../../files';
import { dismissConflict, keepMine, takeTheirs, textsToCompare } from '../../save-conflict';
import './save-conflict.css';

/**
 * The two texts side by side, changed lines marked, read-only. CodeMirror's merge view is loaded when first needed, so
 * the app's start does not pay for it.
 */
function SideBySide({ mine, theirs }: { mine: string; theirs: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let view: { destroy(): void } | undefined;
    let live = true;
    void import('@codemirror/merge').then(({ MergeView }) => {
      if (!live || !host.current) return;
      const readOnly = [lineNumbers(), yaml(), EditorState.readOnly.of(true), EditorView.editable.of(false)];
      view = new MergeView({
        a: { doc: mine, extensions: readOnly },
        b: { doc: theirs, extensions: readOnly },
        parent: host.current,
        highlightChanges: true,
        gutter: true,
      });
    });
    return () => {
      live = false;
      view?.destroy();
    };
  }, [mine, theirs]);
  return <div className="conflict-compare" ref={host} data-testid="conflict-compare" />;
}

function ConflictDialog({ conflict }: { conflict: SaveConflict }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [texts, setTexts] = useState<{ mine: string; theirs: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);

  const run = (choice: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await choice();
    } finally {
      setBusy(false);
    }
  };
  const compare = run(async () => {
    try {
      setTexts(await textsToCompare());
      setError(undefined);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  });
  // Changed yet again while the user looked: the comparison shows what Keep mine would now replace.
  const keep = run(async () => {
    await keepMine();
    if (texts && useFiles.getState().conflict) setTexts(await textsToCompare());
  });
  const title = t('files.conflict.title', { name: conflict.name });
  return (
    <div
      className="dialog-backdrop"
      onKeyDown={(e) => {
        if (e.key === 'Escape') dismissConflict();
      }}
    >
      <div
        className={`dialog save-conflict${texts ? ' comparing' : ''}`}
        role="alertdialog"
        aria-modal="true"
        aria-label={title}
        aria-describedby="save-conflict-body"
      >
        <h2>{title}</h2>
        <p id="save-conflict-body">{t('files.conflict.body', { name: conflict.name })}</p>
        {texts && (
          <>
            <div className="conflict-sides" aria-hidden="true">
              <span>{t('files.conflict.mine')}</span>
              <span>{t('files.conflict.theirs')}</span>
            </div>
            {texts.mine === texts.theirs && <p className="hint">{t('files.conflict.identical')}</p>}
            <SideBySide mine={texts.mine} theirs={texts.theirs} />
          </>
        )}
        {error && (
          <p className="picker-error" role="alert">
            {error}
          </p>
        )}
        <div className="conflict-buttons">
          <button
            ref={first}
            type="button"
            disabled={busy}
            onClick={() => void keep()}
            title={t('files.conflict.keepMineHint')}
          >
            {t('files.conflict.keepMine')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(takeTheirs)()}
            title={t('files.conflict.takeTheirsHint')}
          >
            {t('files.conflict.takeTheirs')}
          </button>
          {!texts && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void compare()}
              title={t('files.conflict.compareHint')}
            >
              {t('files.conflict.compare')}
            </button>
          )}
          <button type="button" className="conflict-cancel" disabled={busy} onClick={dismissConflict}>
            {t('files.conflict.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Shown while a save waits for the user to say which text wins. */
export function SaveConflictDialog() {
  const conflict = useFiles((s) => s.conflict);
  // Keyed by path: a conflict on another file starts afresh (no stale comparison).
  return conflict ? <ConflictDialog key={conflict.path} conflict={conflict} /> : null;
}
