// The annotation the canvas layout rides in on a project file's Pod, and its removal for anything that leaves the
// canvas (exports, the Pod a run records on its infra). Apart from project.ts so that a run does not load zod for it.
import { isRecord } from '../model/record';

export const layoutAnnotation = 'podwright.dev/layout';

/** `obj` without the layout annotation (the same object when it has none). */
export function stripLayout<T>(obj: T): T {
  if (!isRecord(obj) || !isRecord(obj.metadata) || !isRecord(obj.metadata.annotations)) return obj;
  if (!Object.hasOwn(obj.metadata.annotations, layoutAnnotation)) return obj;
  const annotations = { ...obj.metadata.annotations };
  delete annotations[layoutAnnotation];
  const metadata = { ...obj.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete (metadata as Record<string, unknown>).annotations;
  return { ...obj, metadata } as T;
}
