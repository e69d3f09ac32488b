// The Pod canvas (React Flow): nodes and edges are derived from the document; drags, drops and connections edit it.
import {
  Background,
  ConnectionMode,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
  type ColorMode,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import {
  connect,
  nodeSize,
  podNodePrefix,
  podPadding,
  splitPodNodeId,
  type CanvasDocument,
  type GraphNode,
  type Point,
} from '../../../shared/design';
import { addItem, dragMime, parseItem } from '../canvas/items';
import { nodeTypes } from '../canvas/nodes';
import { edgeTypes, LabelViewContext, useLabelView } from '../canvas/edges';
import { DragEdges, dragEdgesClass } from '../canvas/drag-edges';
import { cullOutsideView, LiveDrag, minimapNodeClass, type Box } from '../canvas/live-drag';
import { useLayoutOnLoad } from '../canvas/layout';
import { makeRoomForGrowth } from '../canvas/grow-room';
import { showsRunStatus } from '../canvas/placement';
import { BIG_DESIGN, BIG_DESIGN_MIN_ZOOM, legibleViewport, meetsWindow, useDrawnWindow } from '../canvas/big-design';
import { useClipboardEvents } from '../canvas/clipboard';
import { otherPodAt, otherPodEdges, otherPodNodes } from '../canvas/other-pods';
import { edgeWords } from '../canvas/edge-words';
import { graphOf, useDocument, type DocumentState } from '../store/document';
import { useNotice } from '../store/notice';
import { setFlow } from '../canvas/flow';
import { fitClear } from '../canvas/fit-clear';
import { actionLabel, actions } from '../actions';
import { Icon } from '../chrome/icons';
import { noNodeData, StableElements } from '../canvas/stable-elements';
import '../canvas/level-of-detail.css';
import { NamespaceOverlayNode } from '../workshop/overlay/NamespaceOverlay';
import { overlayFitsBetterBelow, overlayNodeId, overlayNodeType, overlayNodes } from '../workshop/overlay/node';
import { useNamespaceOverlay } from '../workshop/overlay/store';
import { usePresenter, useShownTheme } from '../workshop/presenter/presenter';
import { connectService, serviceEdges, serviceNodes, serviceNodeType } from '../workloads/flow';
import { ServiceNode } from '../workloads/ServiceNode';
import { usePanelLayout } from '../chrome/panel-layout';
import { useCanvasExport } from '../workshop/export/store';

// The workshop's namespace overlay is one more node type, drawn beside the Pod when it is on; the design's Services another.
const canvasNodeTypes = { ...nodeTypes, [overlayNodeType]: NamespaceOverlayNode, [serviceNodeType]: ServiceNode };
import { ArrangeBar } from '../canvas/ArrangeBar';
import { PodBar } from '../canvas/PodBar';
import { useLogView } from '../logs/store';
import { useRun } from '../run/store';

/** How far React Flow lifts a selected node's zIndex when `elevateNodesOnSelect` is on (its default). */
const SELECTED_NODE_LIFT = 1000;

type Size = { width: number; height: number };

/** The Pod's group box around its nodes; `moved` holds positions that differ from the nodes' own (a drag's). */
function podBox(nodes: readonly GraphNode[], moved?: ReadonlyMap<string, Point>): Box {
  if (nodes.length === 0) return { x: -40, y: -80, width: 520, height: 320 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const p = moved?.get(node.id) ?? node.position;
    const size = nodeSize[node.kind];
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + size.width);
    maxY = Math.max(maxY, p.y + size.height);
  }
  const top = 34;
  return {
    x: minX - podPadding,
    y: minY - podPadding - top,
    width: maxX - minX + 2 * podPadding,
    height: maxY - minY + 2 * podPadding + top,
  };
}

/** The drag whose first move React Flow reports: where the nodes were, and the nodes far outside the view hidden. */
function startDrag(
  flow: ReturnType<typeof useStoreApi>,
  doc: CanvasDocument,
  moved: Readonly<Record<string, Point>>,
  press: PointerEvent | null,
): LiveDrag | null {
  const dom = flow.getState().domNode;
  if (!dom) return null;
  const byId = graphOf(doc).byId;
  const start = new Map<string, Point>();
  for (const id of Object.keys(moved)) {
    const position = byId.get(id)?.position;
    if (position) start.set(id, position);
  }
  const drag = new LiveDrag(dom, start, Object.keys(moved));
  cullOutsideView(drag, flow);
  if (press?.target instanceof Element) drag.capturePointer(press.target, press.pointerId);
  return drag;
}

/** Where the overlay is while a drag moves the Pod's box: as the canvas placed it (see the nodes in Flow). */
function overlayBelowDuringDrag(flow: ReturnType<typeof useStoreApi>, doc: CanvasDocument): boolean {
  if (useDocument.getState().others.length > 0) return true;
  if (!usePresenter.getState().active || !useNamespaceOverlay.getState().on) return false;
  const { width, height, nodeLookup } = flow.getState();
  const m = nodeLookup.get(overlayNodeId)?.measured;
  const overlay = m?.width && m.height ? { width: m.width, height: m.height } : undefined;
  return overlayFitsBetterBelow(podBox(graphOf(doc).nodes), overlay, { width, height });
}

/** One move of a drag: the dragged nodes, and the Pod's box and the overlay beside it as they will be after the drop. */
function followDrag(drag: LiveDrag, doc: CanvasDocument, moved: Readonly<Record<string, Point>>, below: boolean): void {
  drag.move(moved);
  const box = podBox(graphOf(doc).nodes, drag.positions);
  drag.place('pod', box, true);
  const overlay = overlayNodes(useNamespaceOverlay.getState().on, box, undefined, below)[0];
  if (overlay) drag.place(overlayNodeId, { ...box, ...overlay.position }, false);
}

const fitViewOptions = { maxZoom: 1 };
const fitViewAction = actions.find((a) => a.id === 'fitView')!;
const minimapStyle = { width: 150, height: 96 };
const minimapMask = 'rgba(127, 127, 127, 0.18)';
const detailZoom = 0.4;
const proOptions = { hideAttribution: true };

function onDragOver(e: DragEvent): void {
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
}

/** The canvas node drawn at a screen point (its React Flow id), if any; the Pod's group box does not count. */
function nodeIdAt(x: number, y: number): string | undefined {
  const id = document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id') ?? undefined;
  return id === 'pod' ? undefined : id;
}

/**
 * Puts the cursor in a new mount's path in the inspector, its proposed text selected, so the user types the path at
 * once (or keeps the proposal). Two frames: the inspector draws the newly selected edge first.
 */
function focusMountPath(edgeId: string): void {
  const edge = graphOf(useDocument.getState().doc).edges.find((e) => e.id === edgeId);
  if (edge?.kind !== 'mount') return;
  const path = `spec.${edge.list}[${edge.index}].volumeMounts[${edge.mountIndex}].mountPath`;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const field = document.querySelector<HTMLInputElement>(`.inspector input[data-path="${path}"]`);
      field?.focus();
      field?.select();
    }),
  );
}

function onPaneClick(): void {
  useDocument.getState().select([]);
}

function onNodeClick(_: unknown, node: Node): void {
  // While the Pod runs, clicking a container shows only its lines in the log panel.
  if (node.id.startsWith('container:') && useRun.getState().snapshot)
    useLogView.getState().focusContainer(node.id.slice('container:'.length));
}

function Flow() {
  const { t } = useTranslation();
  const theme = useShownTheme();
  const overlayOn = useNamespaceOverlay((s) => s.on);
  const presenting = usePresenter((s) => s.active);
  // The canvas's size, only while presenting (where the overlay goes depends on it); else it never changes.
  const screenWidth = useStore((s) => (presenting ? s.width : 0));
  const screenHeight = useStore((s) => (presenting ? s.height : 0));
  const screen = useMemo(() => ({ width: screenWidth, height: screenHeight }), [screenWidth, screenHeight]);
  const doc = useDocument((s) => s.doc);
  const selection = useDocument((s) => s.selection);
  // The design's other Pods, drawn beside the active one (canvas/other-pods.ts).
  const others = useDocument((s) => s.others);
  const active = useDocument((s) => s.active);
  // The design's Services, drawn beside the Pods with their selector and port edges (workloads/flow.ts).
  const companions = useDocument((s) => s.companions);
  // The drag in progress (canvas/live-drag.ts): it moves the dragged nodes' elements itself, so the document (and all
  // that derives from it: graph, diagnostics, YAML) and React Flow's store stay still while the pointer moves; the
  // drag's end commits the positions to the layout as one undo step.
  const dragRef = useRef<LiveDrag | null>(null);
  const [drag, setDrag] = useState<LiveDrag | null>(null);
  const storeApi = useStoreApi();
  // The last pointer press on the canvas: a drag it starts captures that pointer (LiveDrag.capturePointer).
  const pressRef = useRef<PointerEvent | null>(null);
  // Set while the pointer that made an abandoned drag (abandonIfChanged) is still down.
  const abandonedRef = useRef(false);
  const onPointerDownCapture = useCallback((event: ReactPointerEvent) => {
    pressRef.current = event.nativeEvent;
    abandonedRef.current = false; // a new press starts a new gesture
  }, []);
  // A drag the document changed under (undo, a Pod switch, a delete by key while the pointer is down) is dropped: its
  // positions were taken from a document that is gone, and the node may be gone or belong to another Pod by now.
  const abandonIfChanged = useCallback((now: DocumentState, before: DocumentState) => {
    if (now.doc === before.doc && now.others === before.others && now.active === before.active) return;
    const live = dragRef.current;
    if (!live) return;
    dragRef.current = null;
    abandonedRef.current = true;
    live.end();
    setDrag(null);
  }, []);
  // A drag still going when the canvas goes (a new window content, a test) lets go of what it holds.
  useEffect(() => () => dragRef.current?.end(), []);
  // Unchanged nodes and edges keep their objects between renders, so React Flow redraws only what changed.
  const [nodeCache] = useState(() => new StableElements<Node>());
  const [edgeCache] = useState(() => new StableElements<Edge>());
  const flow = useReactFlow();
  setFlow(flow);
  useLayoutOnLoad();
  useClipboardEvents();
  const [measured, setMeasured] = useState<Record<string, Size>>({});
  // The sizes as last measured, at once (the state above is updated on React's next render): what tells a node grew.
  // Kept per opened design and active Pod: after a load or a Pod switch, an id such as `container:web` is another node.
  const sizesRef = useRef<{ pod: string; sizes: Record<string, Size> }>({ pod: '', sizes: {} });
  const loads = useDocument((s) => s.loads);
  const graph = graphOf(doc);
  // A big design is drawn only in and around the view (canvas/big-design.ts).
  const big = graph.nodes.length > BIG_DESIGN;
  const drawn = useDrawnWindow(big, loads);
  useEffect(() => {
    const { doc } = useDocument.getState();
    const nodes = graphOf(doc).nodes;
    if (nodes.length > BIG_DESIGN) {
      void flow.setViewport(legibleViewport(nodes));
      return;
    }
    // Wait a frame so the new nodes are measured before fitting the view around them.
    const handle = requestAnimationFrame(() => requestAnimationFrame(() => void fitClear({ maxZoom: 1 })));
    return () => cancelAnimationFrame(handle);
  }, [loads, flow]);

  // Below this zoom the canvas draws less detail (level-of-detail.css): what sits on a node's edge is neither legible
  // nor grabbable there, and mount edges are drawn as plain curves (their label view costs work on every frame).
  // While an image of the whole design is drawn, every detail is: a picture keeps the mount labels on its edges.
  const exporting = useCanvasExport((s) => s.renderAll);
  const zoomedOut = useStore((s) => s.transform[2] < detailZoom) && !exporting;
  const selected = useMemo(() => new Set(selection), [selection]);
  const otherNodes = useMemo(() => otherPodNodes(others, active, measured, t), [others, active, measured, t]);
  const otherEdges = useMemo(() => otherPodEdges(others, active, t), [others, active, t]);

  const nodes = useMemo<Node[]>(() => {
    const box = podBox(graph.nodes);
    const out: Node[] = [
      {
        id: 'pod',
        type: 'pod',
        position: { x: box.x, y: box.y },
        data: noNodeData,
        draggable: false,
        selectable: true,
        connectable: false,
        // Under its containers, selected or not: React Flow lifts a selected node by 1000 (elevateNodesOnSelect), which
        // put a selected Pod's box over every container in it, so a click on a container selected the Pod again.
        zIndex: selected.has('pod') ? -1 - SELECTED_NODE_LIFT : -1,
        style: { width: box.width, height: box.height },
        width: box.width,
        height: box.height,
        selected: selected.has('pod'),
        measured: { width: box.width, height: box.height },
        ariaLabel: t('canvas.podNode', { name: doc.pod.metadata?.name ?? '' }),
      },
    ];
    for (const node of graph.nodes) {
      if (drawn && !selected.has(node.id) && !meetsWindow(node, measured[node.id], drawn)) continue;
      out.push({
        id: node.id,
        type: node.kind,
        position: node.position,
        data: noNodeData,
        selected: selected.has(node.id),
        measured: measured[node.id],
      });
    }
    out.push(...otherNodes);
    out.push(...serviceNodes({ doc, others, active, companions }, selected, measured, t));
    // Below the Pod with several Pods (beside, it would cover the next), and while presenting when that draws larger.
    const below =
      others.length > 0 || (presenting && overlayOn && overlayFitsBetterBelow(box, measured[overlayNodeId], screen));
    out.push(...overlayNodes(overlayOn, box, measured[overlayNodeId], below));
    return nodeCache.list(out);
  }, [
    graph,
    selected,
    measured,
    doc,
    t,
    overlayOn,
    nodeCache,
    otherNodes,
    others,
    active,
    companions,
    drawn,
    presenting,
    screen,
  ]);

  const edges = useMemo<Edge[]>(() => {
    // With a big design's nodes drawn only near the view, an edge is drawn when both its ends are.
    const present = drawn ? new Set(nodes.map((n) => n.id)) : undefined;
    const shown = present ? graph.edges.filter((e) => present.has(e.source) && present.has(e.target)) : graph.edges;
    const out = shown.map((edge): Edge => {
      if (edge.kind === 'mount') {
        return {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          sourceHandle: 'mounts',
          targetHandle: 'in',
          // The mount edge view draws mountPath, ro and subPath as a label, with the mount's diagnostics.
          type: zoomedOut ? 'default' : 'mount',
          data: { list: edge.list, index: edge.index, mountIndex: edge.mountIndex },
          className: 'edge-mount',
          markerEnd: { type: MarkerType.ArrowClosed },
          selected: selected.has(edge.id),
          ariaLabel: edgeWords(t, edge, graph, doc),
        };
      }
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        sourceHandle: 'ns',
        targetHandle: 'in',
        className: `edge-join edge-${edge.namespace}`,
        ariaLabel: edgeWords(t, edge, graph, doc),
        selectable: edge.namespace === 'pid',
        deletable: edge.namespace === 'pid',
        selected: selected.has(edge.id),
      };
    });
    out.push(...otherEdges);
    for (const edge of serviceEdges({ doc, others, active, companions }, t)) {
      if (present && !(present.has(edge.source) && present.has(edge.target))) continue;
      out.push(edge.deletable ? { ...edge, selected: selected.has(edge.id) } : edge);
    }
    return edgeCache.list(out);
  }, [graph, doc, others, active, companions, selected, t, edgeCache, zoomedOut, otherEdges, drawn, nodes]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const store = useDocument.getState();
      const moved: Record<string, { x: number; y: number }> = {};
      let dragEnded = false;
      let nextSelection: Set<string> | undefined;
      let sizes: Record<string, Size> | undefined;
      for (const change of changes) {
        if (change.type === 'position') {
          if (change.position && change.id !== 'pod') moved[change.id] = change.position;
          if (change.dragging === false) dragEnded = true;
        } else if (change.type === 'select') {
          // Selecting anything of another Pod makes that Pod the active one, with that node selected in it.
          const target = splitPodNodeId(change.id);
          if (target.pod !== undefined) {
            if (!change.selected) continue;
            store.activate(target.pod);
            store.select([target.local]);
            return;
          }
          nextSelection ??= new Set(useDocument.getState().selection);
          if (change.selected) nextSelection.add(change.id);
          else nextSelection.delete(change.id);
        } else if (change.type === 'dimensions' && change.dimensions) {
          sizes ??= {};
          sizes[change.id] = change.dimensions;
        }
      }
      let live = dragRef.current;
      if (abandonedRef.current) {
        // The rest of a drag the document changed under (abandonIfChanged): its moves and its drop are not applied.
        if (dragEnded) abandonedRef.current = false;
      } else if (dragEnded) {
        // The drop (or a keyboard move, which is a drag of one step): put back what the drag wrote, then commit.
        const final = { ...(live ? Object.fromEntries(live.positions) : {}), ...moved };
        live?.end();
        dragRef.current = null;
        setDrag(null);
        if (Object.keys(final).length > 0) {
          store.drag(final);
          store.endDrag();
        }
      } else if (Object.keys(moved).length > 0) {
        if (!live) {
          live = dragRef.current = startDrag(storeApi, store.doc, moved, pressRef.current);
          live?.onEnd(useDocument.subscribe(abandonIfChanged));
          // At once, not on React's next render: the first moved frame must also draw the edges from the drag layer
          // (React Flow's would still point where the node was), and one style pass for the switch is cheaper than two.
          const started = live;
          flushSync(() => setDrag(started));
        }
        if (live) followDrag(live, store.doc, moved, overlayBelowDuringDrag(storeApi, store.doc));
      }
      if (nextSelection) store.select([...nextSelection]);
      if (sizes) {
        const add = sizes;
        setMeasured((m) => ({ ...m, ...add }));
        // A node that grew (a container given ports) moves what it now covers out from under it (canvas/grow-room.ts);
        // the run status row is not such growth: placement keeps its room, and the Pod stops again.
        const pod = `${store.loads}/${store.active}`;
        const before = sizesRef.current.pod === pod ? sizesRef.current.sizes : {};
        const grown = Object.keys(add).filter(
          (id) => before[id] && add[id]!.height > before[id]!.height && !showsRunStatus(document, id),
        );
        sizesRef.current = { pod, sizes: { ...before, ...add } };
        if (grown.length > 0 && !dragRef.current) makeRoomForGrowth(grown, sizesRef.current.sizes);
      }
    },
    [storeApi, abandonIfChanged],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    let nextSelection: Set<string> | undefined;
    for (const change of changes) {
      if (change.type === 'select') {
        nextSelection ??= new Set(useDocument.getState().selection);
        if (change.selected) nextSelection.add(change.id);
        else nextSelection.delete(change.id);
      }
    }
    if (nextSelection) useDocument.getState().select([...nextSelection]);
  }, []);

  const onConnect = useCallback(
    (connection: Connection) => {
      const store = useDocument.getState();
      const service = connectService(connection);
      if (service === 'notAPort') useNotice.getState().show(t('workloads.connect.dropOnPort'));
      if (service !== 'notHandled') return;
      const result = connect(store.doc, connection.source, connection.target);
      if ('refused' in result) {
        useNotice.getState().show(t(result.refused));
        return;
      }
      const added = result.doc !== store.doc;
      store.change(() => result.doc);
      if (result.edge) store.select([result.edge]);
      if (added && result.edge) focusMountPath(result.edge);
    },
    [t],
  );

  // A connection dropped on a node's body rather than on its handle connects to that node, through the same path as
  // one dropped on a handle (so every refusal still applies): a handle is a small target to hit.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.fromHandle) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const target = nodeIdAt(point.clientX, point.clientY);
      if (!target || target === state.fromNode.id) return;
      const from = { node: state.fromNode.id, handle: state.fromHandle.id ?? null };
      onConnect(
        state.fromHandle.type === 'source'
          ? { source: from.node, sourceHandle: from.handle, target, targetHandle: null }
          : { source: target, sourceHandle: null, target: from.node, targetHandle: from.handle },
      );
    },
    [onConnect],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const item = parseItem(event.dataTransfer.getData(dragMime));
      if (!item) return;
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // Dropped on another Pod's group: it goes into that Pod, which becomes the active one.
      const into = otherPodAt(p);
      if (into !== undefined) useDocument.getState().activate(into);
      // The nodes drawn still show the Pod dropped into as an inactive one, its group under its prefixed id.
      const group = into === undefined ? undefined : `${podNodePrefix(into)}pod`;
      addItem(item, { at: { x: Math.round(p.x - 100), y: Math.round(p.y - 30) }, group });
    },
    [flow],
  );

  // Props React Flow copies into its store keep their identity between renders: a new object each render would update
  // that store (and run every node's and edge's selectors) once more per frame of a drag.
  // Every word React Flow says itself, to sight or to a screen reader, in the user's language (its own are English).
  const ariaLabelConfig = useMemo(
    () => ({
      'minimap.ariaLabel': t('canvas.minimap'),
      'controls.ariaLabel': t('canvas.a11y.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.a11y.zoomOut'),
      'controls.interactive.ariaLabel': t('canvas.a11y.interactive'),
      'node.a11yDescription.default': t('canvas.a11y.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('canvas.a11y.nodeHelpKeys'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
        t('canvas.a11y.nodeMoved', { direction: t(`canvas.a11y.direction.${direction}`), x, y }),
      'edge.a11yDescription.default': t('canvas.a11y.edgeHelp'),
      'handle.ariaLabel': t('canvas.a11y.handle'),
    }),
    [t],
  );
  const labelView = useLabelView(exporting);
  // While nodes move, the edges are drawn as one svg (canvas/drag-edges.tsx: a drag in a big design stays smooth).
  const dragActive = drag !== null;
  // Small and see-through in a corner, and off when the user turns it off (View menu).
  const minimap = usePanelLayout((s) => s.minimap);

  return (
    <LabelViewContext.Provider value={labelView}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={canvasNodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onDrop={onDrop}
        onDragOver={onDragOver}
        onPaneClick={onPaneClick}
        onNodeClick={onNodeClick}
        onPointerDownCapture={onPointerDownCapture}
        connectionMode={ConnectionMode.Loose}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        colorMode={(theme === 'dark' ? 'dark' : 'light') as ColorMode}
        fitView
        fitViewOptions={fitViewOptions}
        className={[zoomedOut && 'zoomed-out', dragActive && dragEdgesClass].filter(Boolean).join(' ') || undefined}
        minZoom={big ? BIG_DESIGN_MIN_ZOOM : 0.1}
        proOptions={proOptions}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background gap={24} />
        <DragEdges edges={edges} drag={drag} />
        {minimap && (
          <MiniMap
            pannable
            zoomable
            nodeClassName={minimapNodeClass}
            position="bottom-right"
            style={minimapStyle}
            maskColor={minimapMask}
            bgColor="transparent"
          />
        )}
        {/* Its fit button is the Fit view action's, which keeps the nodes out from under the minimap (fit-clear.ts). */}
        <Controls showFitView={false}>
          <ControlButton
            className="react-flow__controls-fitview"
            onClick={fitViewAction.perform}
            title={actionLabel(fitViewAction)}
            aria-label={actionLabel(fitViewAction)}
          >
            <Icon id="fitView" />
          </ControlButton>
        </Controls>
        <ArrangeBar />
        <PodBar />
      </ReactFlow>
    </LabelViewContext.Provider>
  );
}

export function Canvas() {
  const { t } = useTranslation();
  // With other Pods on the canvas it is not empty, even while the active Pod is.
  const empty = useDocument(
    (s) => s.others.length === 0 && graphOf(s.doc).nodes.length <= 1 && s.doc.pod.spec.containers.length === 0,
  );
  return (
    <div className="canvas" aria-label={t('canvas.label')} role="region">
      <ReactFlowProvider>
        <Flow />
      </ReactFlowProvider>
      {empty && <p className="canvas-empty">{t('canvas.empty')}</p>}
    </div>
  );
}
