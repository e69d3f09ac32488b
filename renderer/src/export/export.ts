// The app's manifest export: the active Pod as a Pod, a Deployment + Service, or a Compose file, to a file, a folder or
// the clipboard. The text comes from the one export `podwright export` uses (shared/design/export-design.ts), on the
// design as Save writes it, so the app and the CLI write the same bytes. It loads after the first screen, with the
// design's checks the export runs (actions.ts); what the first screen needs of it is in report.ts.
import { exportHeldDesign, ExportRefused, type ExportAs } from '../../../shared/design/export-design';
import { defaultInfraImage, type ExportFile } from '../../../shared/manifest';
import type { Diagnostic } from '../../../shared/model/diagnostic';
import { ApiError } from '../../../shared/api/errors';
import { ExistingFiles } from '../../../shared/api/files';
import { api } from '../api';
import { failure, pickAndRun, type Failure } from '../files';
import i18n from '../i18n';
import { designOf, useDocument, type DocumentState } from '../store/document';
import { useNotice } from '../store/notice';
import { useExportReport, type ExportDestination, type ExportReport } from './report';

export { exportDestinations, exportKinds, useExportReport, type ExportDestination, type ExportReport } from './report';
export type { ExportAs };

/** What an export made of the design, or why Kubernetes would refuse it (the CLI's ExportRefused, with its problems). */
export type ExportOutcome =
  { ok: true; files: ExportFile[]; notes: string[] } | { ok: false; reason: string; problems: readonly Diagnostic[] };

/**
 * The active Pod exported as `podwright export FILE --as <as>` exports the saved design: one multi-document file
 * (`single`, as `--out -` or `--single` writes it) or one file per object (as `--out DIR` writes them).
 */
export function exportActivePod(
  as: ExportAs,
  single: boolean,
  state: DocumentState = useDocument.getState(),
): ExportOutcome {
  const name = state.doc.pod.metadata?.name;
  try {
    const result = exportHeldDesign(designOf(state), state.fileName ?? 'the design', {
      as,
      single,
      infraImage: defaultInfraImage,
      // The active Pod, by its name; a nameless Pod is refused by the rules anyway.
      ...(typeof name === 'string' && name !== '' && { pod: name }),
    });
    return { ok: true, ...result };
  } catch (err) {
    if (err instanceof ExportRefused) return { ok: false, reason: err.message, problems: err.problems };
    throw err;
  }
}

/** The Pod's name as part of a file name. */
function stem(state: DocumentState): string {
  return String(state.doc.pod.metadata?.name || 'pod').replace(/[^a-zA-Z0-9._-]/g, '-');
}

/**
 * What an export's proposed name says it is for, after the Pod's name: manifests for kubectl, or Compose. Save proposes
 * `<pod>.pod.yaml` for the design itself; an export beside it must not look like another copy of it.
 */
const exportedFor: Record<ExportAs, string> = {
  pod: 'kubectl-pod',
  deployment: 'kubectl-deployment',
  compose: 'compose',
};

/** The name the file picker proposes for an export in one file; Compose's is the one `docker compose up` finds. */
export function exportFileName(as: ExportAs, state: DocumentState = useDocument.getState()): string {
  return as === 'compose' ? 'compose.yaml' : `${stem(state)}-${exportedFor[as]}.yaml`;
}

/** The folder the folder picker proposes to make beside the others. */
export function exportFolderName(as: ExportAs, state: DocumentState = useDocument.getState()): string {
  return `${stem(state)}-${exportedFor[as]}`;
}

function kindText(as: ExportAs): string {
  return i18n.t(`export.kind.${as}`);
}

/** Tells the user how it went: a done export without notes in a notice, anything with more to say in the dialog. */
function report(r: ExportReport): void {
  if (r.kind === 'done' && r.notes.length === 0) {
    useNotice
      .getState()
      .show(
        r.destination === 'clipboard'
          ? i18n.t('export.copied', { what: kindText(r.as) })
          : i18n.t('export.wrote', { count: r.files.length, where: r.where, what: kindText(r.as) }),
      );
    return;
  }
  useExportReport.setState({ report: r });
}

function refused(as: ExportAs, outcome: Extract<ExportOutcome, { ok: false }>): void {
  report({ kind: 'refused', as, reason: outcome.reason, problems: outcome.problems });
}

function failedPrefix(as: ExportAs): string {
  return i18n.t('export.failed', { what: kindText(as) });
}

/** Writes the export in one file where the user picks (the in-app picker, or the system's Save dialog). */
export async function exportToFile(as: ExportAs): Promise<void> {
  const outcome = exportActivePod(as, true);
  if (!outcome.ok) return refused(as, outcome);
  const file = outcome.files[0]!;
  let written: string | undefined;
  const done = await pickAndRun(
    'save',
    async ({ path, overwrite }): Promise<Failure | undefined> => {
      try {
        written = (await api().call('file.save', { path, text: file.text, overwrite, recent: false })).path;
        return undefined;
      } catch (err) {
        return failure(err);
      }
    },
    failedPrefix(as),
    exportFileName(as),
    {
      title: i18n.t('export.picker.fileTitle', { what: kindText(as) }),
      note: i18n.t(`export.picker.note.${as}`),
      confirmLabel: i18n.t('export.picker.export'),
      extension: '.yaml',
    },
  );
  if (done && written)
    report({ kind: 'done', as, destination: 'file', where: written, files: [written], notes: outcome.notes });
}

/** The names of the files a folder export found there already, when that is why it was refused. */
function existingNames(err: unknown): string[] | undefined {
  if (!(err instanceof ApiError) || err.code !== 'CONFLICT') return undefined;
  const details = ExistingFiles.safeParse(err.details);
  return details.success ? details.data.names : undefined;
}

/** Writes the export as one file per object into the folder the user picks; files there already are replaced if asked. */
export async function exportToFolder(as: ExportAs): Promise<void> {
  const outcome = exportActivePod(as, false);
  if (!outcome.ok) return refused(as, outcome);
  const files = outcome.files.map((f) => ({ name: f.name, text: f.text }));
  let written: { directory: string; files: string[] } | undefined;
  const save = async (directory: string, overwrite: boolean) => {
    const saved = await api().call('file.saveFolder', { directory, files, overwrite });
    written = { directory: saved.directory, files: saved.files.map((f) => f.name) };
  };
  const done = await pickAndRun(
    'folder',
    async ({ path }): Promise<Failure | undefined> => {
      try {
        await save(path, false);
        return undefined;
      } catch (err) {
        const names = existingNames(err);
        if (!names) return failure(err);
        if (!window.confirm(i18n.t('export.replace', { count: names.length, names: names.join(', ') })))
          return { text: i18n.t('export.notReplaced', { count: names.length, names: names.join(', ') }) };
      }
      try {
        await save(path, true);
        return undefined;
      } catch (err) {
        return failure(err);
      }
    },
    failedPrefix(as),
    exportFolderName(as),
    {
      title: i18n.t('export.picker.folderTitle', { what: kindText(as) }),
      note: i18n.t(`export.picker.note.${as}`),
      confirmLabel: i18n.t('export.picker.exportHere'),
    },
  );
  if (done && written)
    report({
      kind: 'done',
      as,
      destination: 'folder',
      where: written.directory,
      files: written.files,
      notes: outcome.notes,
    });
}

/** Puts the export, as one multi-document text, on the clipboard. */
export async function exportToClipboard(as: ExportAs): Promise<void> {
  const outcome = exportActivePod(as, true);
  if (!outcome.ok) return refused(as, outcome);
  const text = outcome.files.map((f) => f.text).join('');
  try {
    if (!navigator.clipboard) throw new Error(i18n.t('export.noClipboard'));
    await navigator.clipboard.writeText(text);
  } catch (err) {
    useNotice.getState().show(`${failedPrefix(as)}: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  report({ kind: 'done', as, destination: 'clipboard', where: '', files: [], notes: outcome.notes });
}

export function exportTo(as: ExportAs, destination: ExportDestination): Promise<void> {
  if (destination === 'file') return exportToFile(as);
  if (destination === 'folder') return exportToFolder(as);
  return exportToClipboard(as);
}
