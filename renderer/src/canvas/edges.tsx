// The volume-mount edge: a curve from container to volume with its mountPath (and ro / subPath) as a label, and a
// badge when a rule points into that mount. Clicking the label selects the edge, so the inspector shows the mount.
import { BaseEdge, getBezierPath, useStore, type Edge, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { createContext, memo, useContext, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ContainerList } from '../../../shared/model';
import type { Diagnostic } from '../../../shared/rules';
import { edgeForPath, type CanvasDocument } from '../../../shared/design';
import { graphOf, useDocument } from '../store/document';
import { diagnosticsOf, useWithDiagnostics } from '../store/diagnostics';
import { diagnosticText } from '../problems-text';
import { withoutBackticks } from '../components/WithCode';
import './edges.css';

/** Where the edge's mount lives in the Pod; the view reads the mount itself from the store. */
export type MountEdgeData = { list: ContainerList; index: number; mountIndex: number };
export type MountEdge = Edge<MountEdgeData, 'mount'>;

const noDiagnostics: Diagnostic[] = [];
/** Below this zoom the mount text is too small to read. */
const minLabelZoom = 0.45;
let edgeMemoFor: Diagnostic[] | undefined;
let edgeMemoGraph: unknown;
let edgeMemo = new Map<string, Diagnostic[]>();

/**
 * Diagnostics by mount edge id: those whose path, or one of whose related paths, lies inside the mount (both mounts
 * of a mountPath clash, every read-only mount of a volume nobody can write). Memoised like the node diagnostics.
 */
export function edgeDiagnosticsOf(doc: CanvasDocument): Map<string, Diagnostic[]> {
  const all = diagnosticsOf(doc).all;
  const graph = graphOf(doc);
  if (all === edgeMemoFor && graph === edgeMemoGraph) return edgeMemo;
  const byEdge = new Map<string, Diagnostic[]>();
  for (const d of all) {
    const edges = new Set<string>();
    for (const path of [d.path, ...d.related]) {
      const id = edgeForPath(graph, path);
      if (id) edges.add(id);
    }
    for (const id of edges) {
      const list = byEdge.get(id);
      if (list) list.push(d);
      else byEdge.set(id, [d]);
    }
  }
  edgeMemoFor = all;
  edgeMemoGraph = graph;
  edgeMemo = byEdge;
  return byEdge;
}

// React Flow's EdgeLabelRenderer looks its layer up with a DOM query in a store selector, so every label ran one
// querySelector on every store update: 300 per frame of a drag in a big design. Layers are found once per canvas.
const layers = new WeakMap<HTMLDivElement, Map<string, HTMLElement>>();
/** The element matching `selector` in this canvas (one of React Flow's layers), found once and then remembered. */
export function canvasLayer(s: ReactFlowState, selector: string): HTMLElement | null {
  const dom = s.domNode;
  if (!dom) return null;
  let known = layers.get(dom);
  const found = known?.get(selector);
  if (found?.isConnected) return found;
  const layer = dom.querySelector<HTMLElement>(selector);
  if (!layer) return null;
  if (!known) layers.set(dom, (known = new Map()));
  known.set(selector, layer);
  return layer;
}
const labelLayerOf = (s: ReactFlowState): HTMLElement | null => canvasLayer(s, '.react-flow__edgelabel-renderer');

/** What every mount label needs from the canvas: the layer labels are drawn in, and whether their text is legible. */
export interface LabelView {
  layer: HTMLElement | null;
  legible: boolean;
}
/**
 * The canvas reads the label view from React Flow's store once and hands it down: one store subscription instead of
 * two per mount edge, each run on every store update (every pointer move of a drag).
 */
export const LabelViewContext = createContext<LabelView>({ layer: null, legible: true });

/** The label view for the canvas to provide around React Flow; call it inside the ReactFlowProvider. */
/** `always`: labels are drawn at any zoom (while an image of the design is drawn). */
export function useLabelView(always = false): LabelView {
  const layer = useStore(labelLayerOf);
  const legible = useStore((s) => s.transform[2] >= minLabelZoom) || always;
  return useMemo(() => ({ layer, legible }), [layer, legible]);
}

function worst(diagnostics: readonly Diagnostic[]): 'error' | 'warning' | 'info' {
  if (diagnostics.some((d) => d.severity === 'error')) return 'error';
  return diagnostics.some((d) => d.severity === 'warning') ? 'warning' : 'info';
}

/**
 * Where the label sits: a third of the way along the curve from the container. Mounts of one volume meet at its
 * handle, so labels at the midpoints would pile up; near their containers they stay apart. The curve is React Flow's
 * bezier for a bottom → top edge: control points straight below the source and above the target, half the height off.
 */
function labelPoint(sx: number, sy: number, tx: number, ty: number): [number, number] {
  const t = 0.35;
  const c = Math.abs(ty - sy) / 2;
  const a = (1 - t) ** 3;
  const b = 3 * (1 - t) ** 2 * t;
  const d = 3 * (1 - t) * t ** 2;
  const e = t ** 3;
  return [(a + b) * sx + (d + e) * tx, a * sy + b * (sy + c) + d * (ty - c) + e * ty];
}

/** The CSS transform that centres a mount label at its point on the curve between these ends. */
export function mountLabelTransform(ends: {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
}): string {
  const [x, y] = labelPoint(ends.sourceX, ends.sourceY, ends.targetX, ends.targetY);
  return `translate(-50%, -50%) translate(${x}px, ${y}px)`;
}

export const MountEdgeView = memo(function MountEdgeView(props: EdgeProps<MountEdge>) {
  const { t } = useTranslation();
  const { id, data, selected, markerEnd, style } = props;
  const [path] = getBezierPath(props);
  const mount = useDocument((s) =>
    data ? s.doc.pod.spec[data.list]?.[data.index]?.volumeMounts?.[data.mountIndex] : undefined,
  );
  const diagnostics = useWithDiagnostics((s) => edgeDiagnosticsOf(s.doc).get(id) ?? noDiagnostics);
  const level = diagnostics.length > 0 ? worst(diagnostics) : undefined;
  // Zoomed far out (a big Pod fitted to the view) the text is unreadable clutter: only a problem badge stays.
  const { legible, layer: labelLayer } = useContext(LabelViewContext);
  const mountPath = typeof mount?.mountPath === 'string' && mount.mountPath !== '' ? mount.mountPath : undefined;
  const subPath = typeof mount?.subPath === 'string' && mount.subPath !== '' ? mount.subPath : undefined;
  const readOnly = mount?.readOnly === true;
  const describe = [
    mountPath ?? t('editing.edge.noPath'),
    readOnly ? t('editing.edge.readOnly') : undefined,
    subPath ? t('editing.edge.subPath', { subPath }) : undefined,
    level ? t('canvas.problemCount', { count: diagnostics.length }) : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  if ((!legible && !level && !selected) || !labelLayer)
    return <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      {createPortal(
        <button
          type="button"
          className={`mount-label nodrag nopan${selected ? ' selected' : ''}${level ? ` has-${level}` : ''}`}
          style={{ transform: mountLabelTransform(props) }}
          data-testid={`mount-label-${id}`}
          aria-label={t('editing.edge.select', { what: describe })}
          title={diagnostics.map((d) => withoutBackticks(diagnosticText(t, d))).join('\n') || undefined}
          onClick={(e) => {
            e.stopPropagation();
            const state = useDocument.getState();
            const adding = e.shiftKey || e.ctrlKey || e.metaKey;
            state.select(adding ? [...state.selection.filter((s) => s !== id), id] : [id]);
          }}
        >
          {(legible || selected) && (
            <>
              <span className={mountPath ? 'mount-path' : 'mount-path missing'}>
                {mountPath ?? t('editing.edge.noPath')}
              </span>
              {readOnly && <span className="mount-chip">{t('editing.edge.ro')}</span>}
              {subPath && <span className="mount-chip">{t('editing.edge.subPathShort', { subPath })}</span>}
            </>
          )}
          {level && (
            <span className={`badge badge-${level}`} data-testid="edge-badge">
              {diagnostics.length}
            </span>
          )}
        </button>,
        labelLayer,
      )}
    </>
  );
});

export const edgeTypes = { mount: MountEdgeView };
