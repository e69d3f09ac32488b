// Reads and writes a canvas document as a project file (`*.pod.yaml`): the Pod with the layout in one annotation.
import type { Pod } from '../model/pod';
import { readDesign } from '../manifest/read';
import { readingProblemText } from '../manifest/read-problems';
import { newProjectFile, readLayout, stripLayout, type CanvasLayout } from '../manifest/project';
import { writeObject } from '../manifest/write';
import type { CanvasDocument, Point } from './document';
import { pruneLayout } from './edit';


export type ReadResult = { ok: true; doc: CanvasDocument; notes: string[] } | { ok: false; error: string };

/**
 * Reads a project file or any manifest holding a Pod (or a workload's Pod template) through the one reader; the
 * first Pod wins. Any problem that stops reading (YAML syntax, limits) refuses the text, in words with its place.
 */
export function readProject(text: string): ReadResult {
  const read = readDesign(text, { name: 'the YAML', format: 'kubernetes' });
  const fatal = read.problems.filter((d) => d.severity === 'error' && d.path === '');
  if (fatal.length > 0) return { ok: false, error: fatal.map(readingProblemText).join('\n') };
  const first = read.pods[0];
  if (!first) return { ok: false, error: 'no Pod or Pod template found' };
  const notes = read.notes.map((n) => n.message);
  if (read.pods.length > 1) notes.push(`${read.pods.length - 1} more Pod(s) left out: the canvas edits one Pod`);
  return { ok: true, doc: documentOfPod(first.pod), notes };
}

/** The canvas document for one Pod read from a file: its layout annotation becomes the layout and PID joins. */
export function documentOfPod(stored: Pod): CanvasDocument {
  const annotation = readLayout(stored);
  const layout: Record<string, Point> = {};
  for (const [id, p] of Object.entries(annotation?.nodes ?? {})) layout[id] = { x: p.x, y: p.y };
  const rawJoins = (annotation as { pidJoins?: unknown } | undefined)?.pidJoins;
  const pidJoins = Array.isArray(rawJoins) ? rawJoins.filter((n): n is string => typeof n === 'string') : null;
  return { pod: podWithDefaultShape(stripLayout(stored)), layout, pidJoins };
}

/** A Pod the canvas can draw even when the file left out spec or metadata. */
function podWithDefaultShape(pod: Pod): Pod {
  const out = { ...pod };
  if (typeof out.metadata !== 'object' || out.metadata === null) out.metadata = {};
  if (typeof out.spec !== 'object' || out.spec === null) out.spec = { containers: [] };
  return out;
}

/** The project file text: the Pod with the canvas layout in the `podwright.dev/layout` annotation. */
export function writeProject(doc: CanvasDocument): string {
  const layout: CanvasLayout = {
    version: 1,
    nodes: pruneLayout(doc) as CanvasLayout['nodes'],
  };
  if (doc.pidJoins !== null) layout.pidJoins = doc.pidJoins;
  return newProjectFile(doc.pod, [], layout);
}

/** The clean manifest the YAML panel shows and exports write: no layout annotation. */
export function podYaml(pod: Pod): string {
  return writeObject(stripLayout(pod));
}
