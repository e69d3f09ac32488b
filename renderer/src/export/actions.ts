// The manifest exports in the one registry (renderer/src/actions.ts): each kind (Pod, Deployment + Service, Compose)
// to each destination (a file, a folder, the clipboard) is one action, so the palette, the toolbar's Export menu and
// any menu to come show the same nine commands.
import type { ExportAs } from '../../../shared/design/export-design';
import type { Action } from '../actions';
import { later } from '../lazy';
import { checksPart } from '../store/checks-part';
import { exportDestinations, exportKinds, type ExportDestination } from './report';

// The export itself (the writers and the checks it runs, with the rules' words for a refusal) loads after the first
// screen, in idle time, or at the first export.
const exporter = later(async () => (await Promise.all([import('./export'), checksPart.load()]))[0]);

export function exportActionId(as: ExportAs, destination: ExportDestination): string {
  return `exportManifest.${as}.${destination}`;
}

export const manifestExportActions: Action[] = exportKinds.flatMap((as) =>
  exportDestinations.map<Action>((destination) => ({
    id: exportActionId(as, destination),
    label: `export.action.${destination}`,
    labelArgs: { what: `export.kind.${as}` },
    keywords: `export.keywords.${as}`,
    enabled: () => true,
    perform: () => void exporter.load().then((m) => m.exportTo(as, destination)),
    paletteOnly: true,
  })),
);
