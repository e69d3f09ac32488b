// After an export with more to say than a notice holds: what Compose (or a Deployment) could not express, or, for an
// export Kubernetes would refuse, the problems that refuse it (as `podwright export` lists them), in the UI language.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePanel } from '../components/panel-tabs';
import { diagnosticText } from '../problems-text';
import { exportNoteTranslated } from './note-text';
import { useExportReport } from './report';
import './export.css';

export function ExportReportDialog() {
  const { t } = useTranslation();
  const report = useExportReport((s) => s.report);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [report]);
  if (!report) return null;
  const close = () => useExportReport.setState({ report: undefined });
  const what = t(`export.kind.${report.as}`);
  const title =
    report.kind === 'refused' ? t('export.report.refusedTitle', { what }) : t('export.report.doneTitle', { what });
  return (
    <div className="dialog-backdrop" onMouseDown={close} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div
        className="dialog manifest-export-report"
        role="alertdialog"
        aria-modal="true"
        aria-label={title}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <h2>{title}</h2>
        {report.kind === 'refused' ? (
          <>
            <p>{t('export.report.refused', { count: report.problems.length })}</p>
            <ul className="manifest-export-list">
              {report.problems.map((d, i) => (
                <li key={i}>
                  {d.path && <code dir="ltr">{d.path}</code>} {diagnosticText(t, d)}
                </li>
              ))}
              {report.problems.length === 0 && <li>{report.reason}</li>}
            </ul>
          </>
        ) : (
          <>
            <p data-testid="export-where">
              {report.destination === 'clipboard'
                ? t('export.copied', { what })
                : t('export.wrote', { count: report.files.length, where: report.where, what })}
            </p>
            {report.destination === 'folder' && (
              <ul className="manifest-export-list">
                {report.files.map((f) => (
                  <li key={f}>
                    <code dir="ltr">{f}</code>
                  </li>
                ))}
              </ul>
            )}
            <h3>{t(`export.report.notes.${report.as}`, { count: report.notes.length })}</h3>
            <ul className="manifest-export-list">
              {report.notes.map((n, i) => (
                <li key={i}>{exportNoteTranslated(t, n)}</li>
              ))}
            </ul>
          </>
        )}
        <div className="manifest-export-buttons">
          {report.kind === 'refused' && (
            <button
              onClick={() => {
                usePanel.getState().setTab('problems');
                close();
              }}
            >
              {t('export.report.showProblems')}
            </button>
          )}
          <button ref={first} className="primary" onClick={close}>
            {t('dialog.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
