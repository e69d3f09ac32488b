// Reads a YAML edit that stays inside one container's item by parsing that item alone: parsing a 300-container Pod
// afresh takes 50–100 ms per keystroke, one item well under a millisecond. The YAML panel checks the result against a
// full parse once typing pauses.
import type { EditorState } from '@codemirror/state';
import type { Pod } from '../../../shared/model';
import { readProject } from '../../../shared/design/project';
import { listItemSpans } from './tree';

/** Anchors, aliases, tags, tabs, merge keys and document markers can reach outside one item: those edits parse whole. */
const needsWholeText = /[&*!\t]|<<|^(?:---|\.\.\.)/m;

/** The Pod read from one item, or why the whole text must be read instead (for the editor's debug log). */
export type ContainerEdit = { pod: Pod } | { declined: string };

/**
 * The Pod after an edit, when every character changed since `base` was read (`edited`, in the current text) lies
 * inside one item of `spec.containers` or `spec.initContainers` and the lists still hold as many items; otherwise
 * declined with the reason, and the caller parses the whole text. `base` must be what the text said before these edits.
 */
export function readContainerEdit(state: EditorState, edited: { from: number; to: number }, base: Pod): ContainerEdit {
  for (const list of ['containers', 'initContainers'] as const) {
    const current = base.spec?.[list];
    if (!Array.isArray(current)) continue;
    const spans = listItemSpans(state, ['spec', list]);
    if (!spans) return { declined: `spec.${list} is not a block list of the shape its indentation gives` };
    if (spans.length !== current.length)
      return { declined: `spec.${list} has ${spans.length} items, was ${current.length}` };
    const index = spans.findIndex((s) => edited.from > s.from && edited.to <= s.to);
    if (index < 0) continue;
    const span = spans[index]!;
    const line = state.doc.lineAt(span.from);
    // The item is re-read under a `spec.<list>:` key indented by two, so it must sit deeper than that, alone on its line.
    if (span.from - line.from < 2 || state.doc.sliceString(line.from, span.from).trim() !== '')
      return { declined: `spec.${list}[${index}] does not start its own line` };
    const text = state.doc.sliceString(line.from, span.to);
    if (needsWholeText.test(text)) return { declined: `spec.${list}[${index}] holds YAML that can reach outside it` };
    // The item must end where its line ends and the next line must not be indented deeper than its dash: a check on
    // the syntax tree's idea of where the item stops, which the whole-text reading after a pause confirms.
    const after = state.doc.sliceString(span.to, Math.min(state.doc.length, span.to + 256));
    const next = /^[ ]*\n([ ]*)\S/.exec(after);
    if (after.trim() !== '' && (!next || next[1]!.length > span.from - line.from))
      return { declined: `the line after spec.${list}[${index}] is indented into it` };
    const read = readProject(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  ${list}:\n${text}\n`);
    if (!read.ok) return { declined: `spec.${list}[${index}] does not read alone: ${read.error}` };
    const parsed = read.doc.pod.spec[list];
    if (!Array.isArray(parsed) || parsed.length !== 1)
      return { declined: `spec.${list}[${index}] reads as more items` };
    const items = [...current];
    items[index] = parsed[0]!;
    return { pod: { ...base, spec: { ...base.spec, [list]: items } } };
  }
  return { declined: 'the edit is not inside one container' };
}
