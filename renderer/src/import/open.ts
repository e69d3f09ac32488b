// Opening a Compose file starts an import instead of loading a design: from the back end's disk (Open, recent files),
// the side files and variables come from compose.inputs; dropped or uploaded, the side files are whatever was dropped
// with it (a .env beside compose.yaml), matched by name.
// The detection (shared/manifest/compose/detect.ts) comes with the YAML reader (../files-part.ts); the Compose reader
// itself loads with the import dialog.
import { api } from '../api';
import { useImport } from './store';

/** Starts the import of the Compose file at `path` on the back end's machine (already opened as `text`). */
export async function importComposeAt(path: string): Promise<void> {
  const inputs = await api().call('compose.inputs', { path });
  useImport.getState().begin({
    kind: 'compose',
    name: inputs.name,
    text: inputs.text,
    files: inputs.files,
    env: inputs.env,
    directory: inputs.directory,
    skipped: [...inputs.refused, ...inputs.missing.map((p) => ({ path: p, reason: 'MISSING' }))],
    asked: true,
  });
}

/**
 * Starts the import of a Compose text from this computer; `beside` holds the other files dropped with it. `asked`:
 * the user already agreed to replace unsaved work.
 */
export function importComposeText(name: string, text: string, beside: Record<string, string> = {}, asked = true): void {
  useImport.getState().begin({ kind: 'compose', name, text, files: beside, env: {}, skipped: [], asked });
}
