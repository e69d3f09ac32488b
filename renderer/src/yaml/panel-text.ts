// The YAML panel's text as a function of the document store: what the user typed, with later edits spliced in, or the
// written manifest; and the reading of a text back into a Pod, with a parse problem's place in words.
import type { Pod } from '../../../shared/model';
import { applyValue, parseManifest, readDesign } from '../../../shared/manifest';
import type { Diagnostic } from '../../../shared/rules';
import { documentOfPod, podYaml } from '../../../shared/design/project';
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
export type PanelProblem =
  | { kind: 'yaml'; message: string; line: number; column: number }
  | { kind: 'no-pod' }
  /** Another problem that stops the reading (a limit, a document that is not an object), in the rules' words. */
  | { kind: 'reader'; diagnostic: Diagnostic };

export type PanelReading = { pod: Pod; notes: string[] } | { problem: PanelProblem };

/** Reads the panel's text through the one reader: the first Pod (or workload template) in it, or what stops it. */
export function readPanelText(text: string): PanelReading {
  const read = readDesign(text, { name: 'the YAML panel', format: 'kubernetes' });
  const fatal = read.problems.find((d) => d.severity === 'error' && d.path === '');
  if (fatal?.code === 'YAML_SYNTAX' && fatal.at)
    return { problem: { kind: 'yaml', message: fatal.message, line: fatal.at.line, column: fatal.at.column } };
  if (fatal) return { problem: { kind: 'reader', diagnostic: fatal } };
  const pod = read.pods[0];
  if (!pod) return { problem: { kind: 'no-pod' } };
  return { pod: documentOfPod(pod.pod).pod, notes: read.notes.map((n) => n.message) };
}
