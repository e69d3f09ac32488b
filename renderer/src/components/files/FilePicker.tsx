// The browser host's file picker: folders and design files under the back end's file root, listed by file.list.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryListing } from '../../../../shared/api/files';
import { api } from '../../api';
import { joinPath } from '../../file-paths';
import { useFiles, type PickerRequest } from '../../files';
import './files.css';

const designName = /\.(ya?ml|podwright\.json)$/i;

function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
}

async function listFolder(directory: string | undefined, fallBackToRoot: boolean): Promise<DirectoryListing> {
  try {
    return await api().call('file.list', { directory });
  } catch (err) {
    // A remembered folder that is gone: start at the root instead.
    if (fallBackToRoot) return api().call('file.list', {});
    throw err;
  }
}

function PickerDialog({ request }: { request: PickerRequest }) {
  const { t } = useTranslation();
  const [listing, setListing] = useState<DirectoryListing | undefined>();
  const [name, setName] = useState(request.mode === 'open' ? '' : (request.suggestedName ?? ''));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const title = request.title ?? (request.mode === 'open' ? t('files.picker.openTitle') : t('files.picker.saveTitle'));
  const folderMode = request.mode === 'folder';

  const browse = useCallback(async (directory: string | undefined, fallBackToRoot = false) => {
    try {
      setListing(await listFolder(directory, fallBackToRoot));
      setError(undefined);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, []);

  useEffect(() => {
    let live = true;
    listFolder(request.directory, true).then(
      (first) => live && setListing(first),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    nameInput.current?.focus();
    if (request.mode !== 'open') nameInput.current?.select();
    return () => {
      live = false;
    };
  }, [request]);

  const cancel = () => request.finish(false);

  /** Runs the request's attempt on `path`; the picker closes when it succeeds and shows why when it does not. */
  const attempt = async (path: string, overwrite: boolean, file: string) => {
    setBusy(true);
    try {
      let failure = await request.attempt({ path, overwrite });
      if (failure?.conflict && window.confirm(t('files.picker.replace', { name: file })))
        failure = await request.attempt({ path, overwrite: true });
      if (failure) setError(failure.text);
      else request.finish(true);
    } finally {
      setBusy(false);
    }
  };

  /** A folder: the one shown, or a folder named in it (made when missing); a file's name is not a folder. */
  const confirmFolder = async () => {
    if (!listing || busy) return;
    const typed = name.trim();
    if (listing.entries.some((e) => e.name === typed && e.kind === 'file')) {
      setError(t('files.picker.notAFolder', { name: typed }));
      return;
    }
    await attempt(typed === '' ? listing.directory : joinPath(listing.directory, typed), false, typed);
  };

  const confirm = async (typed = name) => {
    if (folderMode) return confirmFolder();
    if (!listing || busy) return;
    let file = typed.trim();
    if (file === '') {
      setError(t('files.picker.nameRequired'));
      return;
    }
    if (request.mode === 'save' && !designName.test(file)) file = `${file}${request.extension ?? '.pod.yaml'}`;
    const entry = listing.entries.find((e) => e.name === file);
    if (entry?.kind === 'directory') {
      setName('');
      return browse(entry.path);
    }
    let overwrite = false;
    if (request.mode === 'save' && entry) {
      if (!window.confirm(t('files.picker.replace', { name: file }))) return;
      overwrite = true;
    }
    // What the user typed goes to the back end as it is: it, not this dialog, decides what lies inside the root.
    await attempt(joinPath(listing.directory, file), overwrite, file);
  };

  const shown = listing?.directory ?? request.directory;
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={cancel}
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
      }}
    >
      <div
        className="dialog file-picker"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        aria-describedby={request.note ? 'picker-note' : undefined}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <h2>{title}</h2>
        {request.note && (
          <p id="picker-note" className="picker-note" data-testid="picker-note">
            {request.note}
          </p>
        )}
        <div className="picker-location">
          <button
            type="button"
            className="small"
            disabled={!listing?.parent}
            onClick={() => listing?.parent && void browse(listing.parent)}
            aria-label={t('files.picker.up')}
            title={t('files.picker.up')}
          >
            ↑
          </button>
          <button
            type="button"
            className="small"
            disabled={!listing || listing.directory === listing.root}
            onClick={() => void browse(undefined)}
            title={t('files.picker.home')}
          >
            {t('files.picker.home')}
          </button>
          <code title={shown}>
            <span dir="ltr" data-testid="picker-directory">
              {shown}
            </span>
          </code>
        </div>
        <ul className="picker-entries" aria-label={t('files.picker.entries')}>
          {listing?.entries.map((entry) => (
            <li key={entry.path}>
              <button
                type="button"
                className={`picker-entry ${entry.kind}${entry.kind === 'file' && entry.name === name ? ' chosen' : ''}`}
                // Choosing a folder to export into, the files are there to see what is in it, not to pick.
                disabled={folderMode && entry.kind === 'file'}
                aria-label={entry.kind === 'directory' ? t('files.picker.folder', { name: entry.name }) : entry.name}
                onClick={() => {
                  if (entry.kind === 'directory') {
                    void browse(entry.path);
                  } else {
                    setName(entry.name);
                    setError(undefined);
                  }
                }}
                onDoubleClick={() => entry.kind === 'file' && void confirm(entry.name)}
              >
                <span className={`picker-icon ${entry.kind}`} aria-hidden="true" />
                <span className="picker-name">{entry.kind === 'directory' ? `${entry.name}/` : entry.name}</span>
                <span className="picker-size">{sizeText(entry.size)}</span>
              </button>
            </li>
          ))}
          {listing && listing.entries.length === 0 && <li className="hint">{t('files.picker.empty')}</li>}
          {listing?.truncated && <li className="hint">{t('files.picker.truncated')}</li>}
        </ul>
        <form
          className="picker-name-row"
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <label>
            <span>{folderMode ? t('files.picker.folderName') : t('files.picker.name')}</span>
            <input
              ref={nameInput}
              value={name}
              spellCheck={false}
              onChange={(e) => {
                setName(e.target.value);
                setError(undefined);
              }}
              aria-invalid={error !== undefined}
              aria-describedby={error ? 'picker-error' : undefined}
            />
          </label>
          {error && (
            <p id="picker-error" className="picker-error" role="alert">
              {error}
            </p>
          )}
          <div className="picker-buttons">
            <button type="button" onClick={cancel}>
              {t('files.picker.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy || !listing}>
              {request.confirmLabel ?? (request.mode === 'open' ? t('files.picker.open') : t('files.picker.save'))}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

/** Shown while files.ts waits for the user to pick a file in the browser host. */
export function FilePicker() {
  const request = useFiles((s) => s.picker);
  return request ? <PickerDialog request={request} /> : null;
}
