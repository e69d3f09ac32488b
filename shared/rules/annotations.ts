// Annotation checks shared by a Pod's metadata and an ephemeral volume's claim template (ValidateAnnotations):
// keys are qualified names, case ignored, and all keys and values together fit in 256 KiB.
import { isRecord } from './context';
import { qualifiedNameProblem } from './syntax';
import type { MessageParams } from './types';

export interface AnnotationProblem {
  path: string;
  message: string;
  id: string;
  params?: MessageParams;
}

/** TotalAnnotationSizeLimitB: the bytes of every key and value together. */
export const annotationBytesLimit = 256 * 1024;

/** Bytes of a string in UTF-8, as Go's len() counts them. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** ValidateAnnotations on the map at `path` (the API server names the map, not the key). */
export function annotationProblems(annotations: unknown, path: string): AnnotationProblem[] {
  if (annotations === undefined) return [];
  if (!isRecord(annotations)) return [{ path, message: 'must be a map of strings', id: 'notMap' }];
  const out: AnnotationProblem[] = [];
  let bytes = 0;
  for (const [key, value] of Object.entries(annotations)) {
    const problem = qualifiedNameProblem(key.toLowerCase());
    if (problem)
      out.push({
        path,
        message: `Invalid value: ${JSON.stringify(key)}: ${problem}`,
        id: 'key',
        params: { value: JSON.stringify(key), problem },
      });
    bytes += utf8Length(key) + (typeof value === 'string' ? utf8Length(value) : 0);
  }
  if (bytes > annotationBytesLimit)
    out.push({
      path,
      message: `Too long: may not be more than ${annotationBytesLimit} bytes`,
      id: 'tooLong',
      params: { limit: annotationBytesLimit },
    });
  return out;
}
