// Updates the YAML panel's text after a canvas edit to one container by rewriting that container's item only: writing
// the whole manifest afresh costs tens of milliseconds per keystroke in a 300-container Pod, one item well under one.
import type { EditorState } from '@codemirror/state';
import type { Container, Pod } from '../../../shared/model';
import { writeObject } from '../../../shared/manifest/write';
import { itemSpan } from './tree';

type ContainerList = 'containers' | 'initContainers';

/**
 * The text of `after` made from `state`'s text, which must be exactly the manifest writer's text for `before`; or
 * undefined when the edit is not one changed container (then the caller writes the whole manifest).
 */
export function spliceContainerEdit(state: EditorState, before: Pod, after: Pod): string | undefined {
  const change = oneChangedContainer(before, after);
  if (!change) return undefined;
  const span = itemSpan(state, ['spec', change.list, change.index]);
  if (!span) return undefined;
  const text = state.doc.toString();
  // The span must hold exactly the writer's text for the container as it was: then replacing it is exact whatever
  // the syntax tree got wrong, and anything unexpected falls back to writing the whole manifest.
  const was = before.spec[change.list]?.[change.index];
  if (!was || text.slice(span.from, span.to) !== itemText(change.list, was)) return undefined;
  return text.slice(0, span.from) + itemText(change.list, change.container) + text.slice(span.to);
}

/** The only container that differs (by identity) between two Pods that are otherwise the same objects. */
function oneChangedContainer(
  before: Pod,
  after: Pod,
): { list: ContainerList; index: number; container: Container } | undefined {
  if (before === after || before.spec === after.spec) return undefined;
  const top = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of top) {
    if (key !== 'spec' && (before as Record<string, unknown>)[key] !== (after as Record<string, unknown>)[key])
      return undefined;
  }
  const spec = new Set([...Object.keys(before.spec), ...Object.keys(after.spec)]);
  let found: { list: ContainerList; index: number; container: Container } | undefined;
  for (const key of spec) {
    const was = (before.spec as Record<string, unknown>)[key];
    const now = (after.spec as Record<string, unknown>)[key];
    if (was === now) continue;
    if (found || (key !== 'containers' && key !== 'initContainers')) return undefined;
    if (!Array.isArray(was) || !Array.isArray(now) || was.length !== now.length) return undefined;
    const changed = now.flatMap((c: unknown, i) => (c === was[i] ? [] : [i]));
    const index = changed[0];
    const container = index === undefined ? undefined : (now[index] as unknown);
    if (changed.length !== 1 || typeof container !== 'object' || container === null) return undefined;
    found = { list: key, index: index!, container: container as Container };
  }
  return found;
}

/**
 * One container as the writer puts it in the whole manifest: written inside a Pod-shaped skeleton (so key order,
 * quoting and indentation are the writer's own), then cut out from its dash to its last character.
 */
function itemText(list: ContainerList, container: Container): string {
  const text = writeObject({ spec: { [list]: [container] } });
  const dash = text.indexOf('- ');
  return text.slice(dash).replace(/\n$/, '');
}
