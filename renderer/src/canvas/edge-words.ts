// What an edge of the canvas says to a screen reader, in the UI language: who mounts which volume where, who joins
// which namespace ("api joins the shared network namespace"), instead of React Flow's "Edge from container:api to
// ns:shared".
import type { CanvasDocument, Graph, GraphEdge } from '../../../shared/design';
import type { Translate } from '../problems-text';

export function edgeWords(t: Translate, edge: GraphEdge, graph: Graph, doc: CanvasDocument): string {
  const source = graph.byId.get(edge.source);
  const container = source?.kind === 'container' && source.name ? source.name : t('canvas.unnamed');
  if (edge.kind === 'join') return t(`canvas.edgeWords.join.${edge.namespace}`, { container });
  const target = graph.byId.get(edge.target);
  const volume = target?.kind === 'volume' && target.name ? target.name : t('canvas.unnamed');
  const mount = doc.pod.spec[edge.list]?.[edge.index]?.volumeMounts?.[edge.mountIndex];
  const path = typeof mount?.mountPath === 'string' ? mount.mountPath : '';
  const key = mount?.readOnly === true ? 'canvas.edgeWords.mountReadOnly' : 'canvas.edgeWords.mount';
  return t(key, { container, volume, path });
}
