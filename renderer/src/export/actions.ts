// The manifest exports in the one registry (renderer/src/actions.ts): each kind (Pod, Deployment + Service, Compose)
// to each destination (a file, a folder, the clipboard) is one action, so the palette, the toolbar's Export menu and
// any menu to come show the same nine commands.
import type { Action } from '../actions';
import { exportDestinations, exportKinds, exportTo, type ExportAs, type ExportDestination } from './export';

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
    perform: () => void exportTo(as, destination),
    paletteOnly: true,
  })),
);
