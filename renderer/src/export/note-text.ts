// An export's note (shared/manifest/export-notes.ts) in the UI language: the export report and a cluster run's dry run
// both show them.
import { exportNoteOf } from '../../../shared/manifest/export-notes';
import type { Translate } from '../problems-text';

/** A note in the UI language when it is one of the export's own (exportNoteOf), else as the exporter wrote it. */
export function exportNoteTranslated(t: Translate, message: string): string {
  const note = exportNoteOf(message);
  if (!note) return message;
  return (t as (key: string, options: Record<string, unknown>) => string)(`export.notes.${note.code}`, {
    ...note.params,
    defaultValue: message,
    // Values are names and paths from the Pod, shown as text, never markup.
    interpolation: { escapeValue: false },
  });
}
