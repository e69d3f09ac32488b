// Path and file-name helpers for design files: pure, and separator-agnostic (the back end may run on Windows).
import type { CanvasDocument } from '../../shared/design';

/** The last path segment, for either separator (the back end may run on Windows). */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut <= 0 ? path.slice(0, cut + 1) : path.slice(0, cut);
}

/** `name` in `folder`, with the back end's separator (taken from the folder's own path). */
export function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
}

export function fileNameFor(doc: CanvasDocument, current: string | null): string {
  if (current) return /\.(ya?ml|podwright\.json)$/i.test(current) ? current : `${current}.pod.yaml`;
  const name = (doc.pod.metadata?.name || 'pod').replace(/[^a-zA-Z0-9._-]/g, '-');
  return `${name}.pod.yaml`;
}
