// "Export as Deployment + Service" of what is drawn: the Deployment the Pod is wrapped in (its replicas, selector and
// strategy as they are) and the Services whose selector reaches the Pod, instead of a Deployment and a Service made up
// from the Pod alone. export-design.ts uses it for the CLI and the app alike (the app exports the text it would save),
// and a run on a cluster applies the same objects (drawnRun).
import { cleanObject, exportKube } from '../../manifest/export';
import { exportNoteText } from '../../manifest/export-notes';
import type { DesignPod, DesignRead, KubeObject } from '../../manifest/read';
import type { Pod } from '../../model/pod';
import { mapSelectorMatches } from '../../rules/workloads/selector';
import { podLabels } from './deployment';
import { serviceName, specOf } from './services';

/** exportKube's remark for a Pod without named ports; a drawn export takes the Services that were drawn instead. */
const noServiceNote = exportNoteText('noNamedPort');

export interface DrawnExport {
  objects: KubeObject[];
  notes: string[];
}

/**
 * Whether a Deployment around a Pod comes with a Service made up from the Pod's named ports: only when the Deployment
 * itself is made up (none is drawn around the Pod) and the design draws no Service at all; otherwise the Services are
 * the drawn ones that select the Pod. The one rule for Export and Run, in the app and the CLI (`export --as
 * deployment`, `deploy --as deployment` or `--replicas` on a bare Pod).
 */
export function makesUpService(deploymentDrawn: boolean, services: readonly KubeObject[]): boolean {
  return !deploymentDrawn && !services.some((o) => o.kind === 'Service');
}

/**
 * The Deployment and the Services drawn for `chosen` (then the ConfigMaps it reads), or undefined when the design draws
 * neither a Deployment around it nor any Service: then the export makes both up from the Pod, as it always has.
 * `replicas` replaces the drawn count when given.
 */
export function drawnDeployment(
  read: DesignRead,
  chosen: DesignPod,
  replicas: number | undefined,
  configMaps: readonly KubeObject[],
): DrawnExport | undefined {
  const { origin } = chosen;
  const wrapper =
    origin.kind === 'Deployment'
      ? read.objects.find((o) => o.document === origin.document && o.path.join('.') === origin.objectPath.join('.'))
      : undefined;
  const services = read.objects.filter((o) => o.object.kind === 'Service').map((o) => o.object);
  if (makesUpService(Boolean(wrapper), services)) return undefined;
  const notes: string[] = [];
  const objects: KubeObject[] = [];
  if (wrapper) {
    const deployment = cleanObject(wrapper.object);
    if (replicas !== undefined) deployment.spec = { ...specOf(deployment), replicas };
    objects.push(deployment);
  } else {
    // A bare Pod with Services drawn around it: the Deployment the export has always made for it.
    const made = exportKube(chosen.pod, { as: 'deployment', replicas: replicas ?? 1 });
    objects.push(made.objects[0]!);
    notes.push(...made.notes.filter((n) => n !== noServiceNote));
  }
  const drawn = drawnServices(chosen.pod, services);
  objects.push(...drawn.objects);
  notes.push(...drawn.notes);
  if (objects.length === 1) notes.push(exportNoteText('noService'));
  // The ConfigMaps the Pod reads, as the Pod export finds them (everything after the Pod itself).
  const withPod = exportKube(chosen.pod, { as: 'pod', configMaps });
  return { objects: [...objects, ...withPod.objects.slice(1)], notes: [...notes, ...withPod.notes] };
}

/**
 * The Services among `services` that select `pod`, as an export writes them, and a note for each that does not (it
 * was not `leftOut`: exported, applied).
 */
export function drawnServices(
  pod: Pod,
  services: readonly KubeObject[],
  leftOut: 'exported' | 'applied' = 'exported',
): DrawnExport {
  const labels = podLabels(pod);
  const objects: KubeObject[] = [];
  const notes: string[] = [];
  for (const service of services) {
    if (mapSelectorMatches(specOf(service).selector, labels)) objects.push(cleanObject(service));
    else
      notes.push(
        exportNoteText(leftOut === 'exported' ? 'serviceNotSelecting' : 'serviceNotApplied', {
          service: serviceName(service),
        }),
      );
  }
  return { objects, notes };
}

/**
 * What a cluster run applies for a Pod, the same objects "Export as Deployment + Service" writes: the Deployment drawn
 * around it (else the Pod itself), the Services that select it, then the design's ConfigMaps and Secrets (the cluster
 * plan takes those the Pod reads). The app and `podwright deploy` both send these. `asDeployment`: the run makes a
 * Deployment up around a bare Pod (`deploy --as deployment`), which then comes with a Service as its export does
 * (makesUpService).
 */
export function drawnRun(
  pod: Pod,
  deployment: KubeObject | undefined,
  others: readonly KubeObject[],
  options: { asDeployment?: boolean } = {},
): DrawnExport {
  const drawn = others.filter((o) => o.kind === 'Service');
  const services = drawnServices(pod, drawn, 'applied');
  if (options.asDeployment && makesUpService(Boolean(deployment), drawn)) {
    const made = exportKube(pod, { as: 'deployment' });
    services.objects.push(...made.objects.filter((o) => o.kind === 'Service'));
    services.notes.push(...made.notes.filter((n) => n === noServiceNote));
  }
  const data = others.filter((o) => o.kind === 'ConfigMap' || o.kind === 'Secret').map((o) => cleanObject(o));
  return {
    objects: [cleanObject(deployment ?? (pod as unknown as KubeObject)), ...services.objects, ...data],
    notes: services.notes,
  };
}
