// The YAML panel's text as a function of the document store: what the user typed, with later edits spliced in, or the
// written manifest; and the reading of a text back into a Pod, with a parse problem's place in words.
import type { Pod } from '../../../shared/model';
import { applyValue, importManifest, parseManifest } from '../../../shared/manifest';
import { documentOfPod, podYaml } from '../../../shared/design';
import type { TypedText } from '../store/document';

/**
 * The text the panel shows for the active Pod `pod`: exactly what was typed while it still reads as `pod`; after an
 * edit elsewhere, the typed text with the edit spliced in (the user's comments and layout kept); never typed, or no
 * longer readable, the manifest as Podwright writes it.
 */
export function panelText(typed: TypedText | undefined, pod: Pod): string {
  if (!typed) return podYaml(pod);
  if (typed.pod === pod) return typed.text;
  const file = parseManifest(typed.text);
  if (file.problems.length === 0 && file.documents.length === 1) {
    try {
      return applyValue(file, 0, pod).source;
    } catch {
      // An edit the splicer cannot make in place: write the whole manifest afresh.
    }
  }
  return podYaml(pod);
}

/** Why a text does not read as a Pod, and where: 1-based line and column, when the problem has a place. */
export type PanelProblem = { kind: 'yaml'; message: string; line: number; column: number } | { kind: 'no-pod' };

export type PanelReading = { pod: Pod; notes: string[] } | { problem: PanelProblem };

/** Reads the panel's text: the first Pod (or workload template) in it, or the first problem that stops it. */
export function readPanelText(text: string): PanelReading {
  const result = importManifest(text);
  const first = result.problems[0];
  if (first) return { problem: { kind: 'yaml', message: first.message, line: first.line, column: first.column } };
  const pod = result.pods[0];
  if (!pod) return { problem: { kind: 'no-pod' } };
  return { pod: documentOfPod(pod.pod).pod, notes: pod.notes };
}
