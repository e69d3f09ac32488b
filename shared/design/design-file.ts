// A design's file: opening any manifest or project file as a design, and writing the design back as a project file.
// Apart from design.ts (the design on the canvas) because it reads and writes YAML, which the app loads after its first
// screen (renderer/src/files-part.ts).
import { readDesign, type DesignSource } from '../manifest/read';
import { readingProblemText } from '../manifest/read-problems';
import { writeObject } from '../manifest/write';
import type { Design } from './design';
import { documentOfDeployment, documentOfPod, writeProject } from './project';

export type DesignReadResult = { ok: true; design: Design; notes: string[] } | { ok: false; error: string };

/**
 * Opens a project file or any manifest through the one reader: every Pod (and every workload's Pod template) becomes
 * a Pod of the design, every other Kubernetes object a companion, kept as it is.
 */
export function openDesign(text: string, source: Partial<DesignSource> = {}): DesignReadResult {
  const read = readDesign(text, { name: 'the design', ...source });
  const fatal = read.problems.filter((d) => d.severity === 'error' && d.path === '');
  if (fatal.length > 0) return { ok: false, error: fatal.map(readingProblemText).join('\n') };
  if (read.pods.length === 0) return { ok: false, error: 'no Pod or Pod template found' };
  // A workload whose template became a Pod of the design is not kept beside it: a Deployment stays around its Pod (its
  // replicas and selector on the Pod's group, workloads/deployment.ts); other workloads' own fields stay in the source.
  const where = (document: number, path: readonly (string | number)[]) => `${document}/${path.join('.')}`;
  const objects = new Map(read.objects.map((o) => [where(o.document, o.path), o.object]));
  const wrappers = new Set(
    read.pods.filter((p) => p.origin.kind !== 'Pod').map((p) => where(p.origin.document, p.origin.objectPath)),
  );
  const companions = read.objects.filter((o) => !wrappers.has(where(o.document, o.path))).map((o) => o.object);
  const kept = new Set<number>();
  const pods = read.pods.map((p) => {
    const deployment =
      p.origin.kind === 'Deployment' ? objects.get(where(p.origin.document, p.origin.objectPath)) : undefined;
    if (!deployment) return documentOfPod(p.pod);
    kept.add(p.origin.document);
    return documentOfDeployment(p.pod, deployment);
  });
  // The note that a template was taken from its workload is not true of a Deployment kept around its Pod.
  const notes = read.notes
    .filter((n) => !(n.code === 'WORKLOAD_TEMPLATE' && n.document !== undefined && kept.has(n.document)))
    .map((n) => n.message);
  return { ok: true, design: { pods, companions }, notes };
}

/**
 * The project file text: each Pod with its layout in its own annotation, then the companions. A design of one Pod
 * and nothing else is exactly the single-Pod project file (writeProject).
 */
export function writeDesign(design: Design): string {
  return [...design.pods.map(writeProject), ...design.companions.map(writeObject)].join('---\n');
}

/** The Pod names a design uses, for picking a new unique one. */
