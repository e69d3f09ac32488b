// The toolbar's "Export image" menu: format, area and overlay, then Download.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNamespaceOverlay } from '../overlay/store';
import { exportWithNotice } from './actions';
import type { ImageArea, ImageFormat } from './export';
import { Icon } from '../../chrome/icons';
import './export.css';

export function ExportMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ImageFormat>('png');
  const [area, setArea] = useState<ImageArea>('design');
  const [overlay, setOverlay] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <div className="export-menu" ref={box} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        className="tool icon-button"
        aria-label={t('canvasExport.menu')}
        title={t('canvasExport.menu')}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => {
          // The picture includes the overlay by default exactly when it is on screen.
          if (!open) setOverlay(useNamespaceOverlay.getState().on);
          setOpen(!open);
        }}
        data-testid="export-image"
      >
        <Icon id="exportImage" />
      </button>
      {open && (
        <div className="export-popover" role="dialog" id={id} aria-label={t('canvasExport.menu')}>
          <fieldset>
            <legend>{t('canvasExport.format')}</legend>
            {(['png', 'svg'] as const).map((f) => (
              <label key={f}>
                <input
                  type="radio"
                  name={`${id}-format`}
                  checked={format === f}
                  onChange={() => setFormat(f)}
                  // Keyboard users land in the menu when it opens.
                  autoFocus={f === format}
                />
                {f.toUpperCase()}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('canvasExport.area')}</legend>
            <label>
              <input type="radio" name={`${id}-area`} checked={area === 'design'} onChange={() => setArea('design')} />
              {t('canvasExport.areaDesign')}
            </label>
            <label>
              <input type="radio" name={`${id}-area`} checked={area === 'view'} onChange={() => setArea('view')} />
              {t('canvasExport.areaView')}
            </label>
          </fieldset>
          <label className="export-check">
            <input type="checkbox" checked={overlay} onChange={(e) => setOverlay(e.target.checked)} />
            {t('canvasExport.withOverlay')}
          </label>
          <div className="export-buttons">
            <button className="tool" onClick={() => setOpen(false)}>
              {t('canvasExport.close')}
            </button>
            <button
              className="tool primary"
              disabled={busy}
              data-testid="export-download"
              onClick={() => {
                setBusy(true);
                // The menu closes at once; the notice says when the file is saved.
                setOpen(false);
                void exportWithNotice({ format, area, overlay }).finally(() => setBusy(false));
              }}
            >
              {t('canvasExport.download')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
