// The inspector's one way to edit a container, shared by the container form and the mount edge's fields.
import type { Container, ContainerList } from '../../../../shared/model';
import { buildGraph, updateContainer } from '../../../../shared/design';
import { useDocument } from '../../store/document';

/** Edits one container; a rename moves the selection to the renamed node. */
export function changeContainer(
  list: ContainerList,
  index: number,
  update: (c: Container) => Container,
  group: string,
  follow = true,
): void {
  const store = useDocument.getState();
  store.change((doc) => updateContainer(doc, list, index, update), { group });
  if (!follow) return;
  const after = buildGraph(useDocument.getState().doc).nodes.find(
    (n) => n.kind === 'container' && n.list === list && n.index === index,
  );
  if (after && !useDocument.getState().selection.includes(after.id)) store.select([after.id]);
}
