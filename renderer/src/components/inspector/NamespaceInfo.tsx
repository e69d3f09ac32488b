// The inspector for a namespace node or a namespace join edge: what sharing that namespace means (nothing to edit).
import type { InspectorView } from './views';

export const namespaceView: InspectorView = ({ id, graph }, t) => {
  const node = graph.byId.get(id);
  const namespace =
    node?.kind === 'namespace'
      ? node.namespace
      : graph.edges.find((e): e is Extract<typeof e, { kind: 'join' }> => e.id === id && e.kind === 'join')?.namespace;
  if (namespace === undefined) return undefined;
  return { title: t(`namespace.${namespace}`), body: <p className="hint">{t(`namespace.${namespace}Explain`)}</p> };
};
