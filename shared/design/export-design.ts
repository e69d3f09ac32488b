// Exports one Pod of a design as clean manifests (the Pod, or a Deployment + Service) or a Compose file, for the CLI
// and the app alike. An export Kubernetes would refuse is never written: the output is read back through the one
// reader and checked, and refused with its problems.
import type { Diagnostic } from '../model/diagnostic';
import { toCompose } from '../manifest/compose-export';
import { exportFiles, exportKube, type ExportFile } from '../manifest/export';
import { exportNoteText } from '../manifest/export-notes';
import { readDesign, type DesignRead } from '../manifest/read';
import { checkDesign, type CheckedPod, type DesignCheck } from '../rules/check-design';
import { type Design } from './design';
import { writeDesign } from './design-file';
import { drawnDeployment } from './workloads/drawn-export';

export type ExportAs = 'pod' | 'deployment' | 'compose';

export interface DesignExportOptions {
  as: ExportAs;
  /** One multi-document file instead of one file per object. */
  single: boolean;
  /** Replaces the drawn replica count; a Deployment made up for a bare Pod has 1 without it. */
  replicas?: number;
  /** Which Pod, by name, when the design holds several (default: the first). */
  pod?: string;
  infraImage: string;
}

export interface DesignExport {
  files: ExportFile[];
  notes: string[];
}

/** Why an export was not written: a sentence, and the problems behind it (with paths in the output or the input). */
export class ExportRefused extends Error {
  override name = 'ExportRefused';
  constructor(
    message: string,
    readonly problems: readonly Diagnostic[] = [],
  ) {
    super(message);
  }
}

/** Exports a design already read; `check` is its design check when the caller has it. */
export function exportDesign(
  read: DesignRead,
  options: DesignExportOptions,
  check: DesignCheck = checkDesign(read),
): DesignExport {
  if (!check.readable) throw new ExportRefused(`${read.name} cannot be read`, check.problems);
  const chosen = choosePod(read, check, options.pod);
  const notes: string[] = [];
  if (!options.pod && check.pods.length > 1)
    notes.push(exportNoteText('severalPods', { design: read.name, count: check.pods.length, pod: chosen.name }));
  // Exported as the Deployment it came from, the workload keeps its replicas, selector and strategy: the reader's note
  // that they are not part of a Pod is about a Pod export only.
  const keepsWorkload = options.as === 'deployment' && chosen.origin.kind === 'Deployment';
  notes.push(
    ...read.notes
      .filter((n) => n.document === chosen.origin.document && !(keepsWorkload && n.code === 'WORKLOAD_TEMPLATE'))
      .map((n) => n.message),
  );
  if (options.as === 'compose') {
    const compose = toCompose(chosen.pod, { infraImage: options.infraImage });
    return { files: [{ name: 'compose.yaml', text: compose.text }], notes: [...notes, ...compose.notes] };
  }
  // The design's own errors first, at their lines in the file the user wrote.
  const refused = [...check.problems, ...chosen.diagnostics].filter(
    (d) => d.severity === 'error' && d.category === 'kubernetes',
  );
  if (refused.length > 0)
    throw new ExportRefused(
      `Pod ${chosen.name} of ${read.name} would be refused by Kubernetes, so it is not exported`,
      refused,
    );
  const configMaps = read.objects.filter((o) => o.object.kind === 'ConfigMap').map((o) => o.object);
  // A Deployment and Services drawn around the Pod are exported as drawn (workloads/drawn-export.ts).
  const drawn = options.as === 'deployment' ? drawnDeployment(read, chosen, options.replicas, configMaps) : undefined;
  const kube = drawn ?? exportKube(chosen.pod, { as: options.as, replicas: options.replicas ?? 1, configMaps });
  const name = chosen.pod.metadata?.name || 'pod';
  // Checked as one stream, as `kubectl apply -f` of the folder would send it (a ConfigMap's file alone holds no Pod).
  refuseInvalid(exportFiles(kube.objects, name, true)[0]!, options.as);
  return { files: exportFiles(kube.objects, name, options.single), notes: [...notes, ...kube.notes] };
}

/** Reads `text` and exports it: the whole way from a file's text to the files an export writes. */
export function exportDesignText(text: string, name: string, options: DesignExportOptions): DesignExport {
  return exportDesign(readDesign(text, { name }), options);
}

/**
 * Exports a design as the app holds it: written as Save writes it and read back through the one reader, so the app
 * writes the text `podwright export` writes from the saved file.
 */
export function exportHeldDesign(design: Design, name: string, options: DesignExportOptions): DesignExport {
  return exportDesignText(writeDesign(design), name, options);
}

function choosePod(read: DesignRead, check: DesignCheck, name: string | undefined): CheckedPod {
  if (check.pods.length === 0) {
    const kinds = [...new Set(read.objects.map((o) => String(o.object.kind ?? '?')))].join(', ');
    throw new ExportRefused(
      `${read.name} has no Pod or Pod template${kinds ? ` (found: ${kinds})` : ''}`,
      check.problems,
    );
  }
  if (name === undefined) return check.pods[0]!;
  const found = check.pods.find((p) => p.pod.metadata?.name === name);
  if (!found)
    throw new ExportRefused(
      `${read.name} has no Pod named ${name} (it has: ${check.pods.map((p) => p.name).join(', ')})`,
    );
  return found;
}

/** Reads what the export would write and refuses it when Kubernetes would not accept it. */
function refuseInvalid(file: ExportFile, as: ExportAs): void {
  const check = checkDesign(readDesign(file.text, { name: file.name }));
  if (check.accepted) return;
  // Places in the written text are not places in the user's file: the problems keep only their paths.
  const problems = [...check.problems, ...check.pods.flatMap((p) => p.diagnostics)]
    .filter((d) => d.severity === 'error' && (d.category === 'kubernetes' || !check.readable))
    .map(({ at: _at, ...d }) => d);
  throw new ExportRefused(
    `the exported ${as === 'pod' ? 'Pod' : 'Deployment'} would be refused by Kubernetes: ${problems
      .map((d) => `${d.path ? `${d.path}: ` : ''}${d.message}`)
      .join('; ')}`,
    problems,
  );
}
