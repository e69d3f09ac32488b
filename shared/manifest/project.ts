// The project file: a plain multi-document `*.pod.yaml` any tool can read; the canvas layout rides in one annotation
// on the Pod, which exports strip.
import type { Pod } from '../model';
import { CanvasLayout } from './canvas-layout';
import { deleteIn, getIn, setIn } from './edit';
import { isRecord, type ManifestFile } from './parse';
import { writeObjects } from './write';
import { layoutAnnotation } from './layout-annotation';

export { layoutAnnotation, stripLayout } from './layout-annotation';
export { CanvasLayout, readLayout } from './canvas-layout';
export const projectFileSuffix = '.pod.yaml';

export function isProjectFileName(name: string): boolean {
  return name.endsWith(projectFileSuffix);
}

/** Stores the layout on document `docIndex` as one compact JSON line, touching no other line. */
export function writeLayout(file: ManifestFile, docIndex: number, layout: CanvasLayout): ManifestFile {
  return setIn(
    file,
    docIndex,
    ['metadata', 'annotations', layoutAnnotation],
    JSON.stringify(CanvasLayout.parse(layout)),
  );
}

/** Removes the layout from document `docIndex`, and the annotations map if the layout was all it held. */
export function removeLayout(file: ManifestFile, docIndex: number): ManifestFile {
  const annotations = getIn(file.documents[docIndex]?.value, ['metadata', 'annotations']);
  if (!isRecord(annotations) || !Object.hasOwn(annotations, layoutAnnotation)) return file;
  if (Object.keys(annotations).length === 1) return deleteIn(file, docIndex, ['metadata', 'annotations']);
  return deleteIn(file, docIndex, ['metadata', 'annotations', layoutAnnotation]);
}

/** A new project file's text: the Pod (with its layout, if any) first, then companions such as ConfigMaps. */
export function newProjectFile(pod: Pod, companions: readonly unknown[] = [], layout?: CanvasLayout): string {
  let first: unknown = pod;
  if (layout) {
    const meta = isRecord(pod.metadata) ? pod.metadata : {};
    const annotations = { ...(isRecord(meta.annotations) ? meta.annotations : {}) };
    annotations[layoutAnnotation] = JSON.stringify(CanvasLayout.parse(layout));
    first = { ...pod, metadata: { ...meta, annotations } };
  }
  return writeObjects([first, ...companions]);
}
