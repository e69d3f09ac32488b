// A drag in progress: the dragged nodes' positions, written straight onto the canvas's elements on every pointer move,
// and handed to the document once, when the drag ends.
//
// Why: React Flow learns a node's position from the `nodes` it is given, and every new `nodes` array runs the
// selectors of every node, edge and minimap node in its store (~3,300 in a 500-node design) and re-renders what they
// pick, whatever moved. During a drag React Flow's drag code keeps the positions itself (XYDrag's drag items) and only
// reports them, so the report can go straight to the dragged elements instead (the node, its minimap rect, the Pod's
// box), and the stores, the document and everything derived from it stay still until the drop: 4.5 to 6 ms less
// main-thread work per pointer move in a 500-node design (bench/canvas, traced). What a drag wrote is put back just
// before the drop is committed, so React, which never saw these writes, finds the DOM as it left it and applies the
// committed positions itself.
//
// Two more things keep a frame of the drag cheap on a machine without a GPU (measured the same way): the dragged nodes
// are their own compositor layers for the drag (`will-change`), so a move re-rasters nothing under them (without it,
// re-rastering the tiles the node passed over took ~40 ms a frame in software); and nodes far outside the view are not
// drawn for the drag (`drag-culled`), because Chromium re-layers every drawn node's paint chunks on every frame (~5 ms
// a frame zoomed in, where most of the 500 are off screen).
import type { ReactFlowState, useStoreApi } from '@xyflow/react';
import type { Point } from '../../../shared/design';
import './live-drag.css';

type StyleProperty = 'transform' | 'width' | 'height' | 'willChange';

/** Inline styles and attributes written during the drag, with what each element had before, put back at its end. */
class ElementWrites {
  private readonly styles = new Map<HTMLElement, Map<StyleProperty, string>>();
  private readonly attributes = new Map<Element, Map<string, string | null>>();

  style(element: HTMLElement, property: StyleProperty, value: string): void {
    let before = this.styles.get(element);
    if (!before) this.styles.set(element, (before = new Map()));
    if (!before.has(property)) before.set(property, element.style[property]);
    element.style[property] = value;
  }

  attribute(element: Element, name: string, value: string): void {
    let before = this.attributes.get(element);
    if (!before) this.attributes.set(element, (before = new Map()));
    if (!before.has(name)) before.set(name, element.getAttribute(name));
    element.setAttribute(name, value);
  }

  restore(): void {
    for (const [element, before] of this.styles)
      for (const [property, value] of before) element.style[property] = value;
    for (const [element, before] of this.attributes)
      for (const [name, value] of before)
        if (value === null) element.removeAttribute(name);
        else element.setAttribute(name, value);
    this.styles.clear();
    this.attributes.clear();
  }
}

/**
 * The class the canvas gives a node's rect in the minimap (MiniMap's `nodeClassName`), so a drag can find and move it:
 * React Flow draws minimap rects without the node's id.
 */
export const minimapNodeClass = (node: { id: string }): string => `minimap-of-${node.id}`;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The class that hides a node for the rest of the drag (live-drag.css). */
export const culledClass = 'drag-culled';

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * How often the minimap follows a drag (ms). Each update repaints the minimap's whole svg, a rect per node: on every
 * move that cost ~1.5 ms of main thread and ~1 ms of raster a frame with 500 nodes; ten times a second costs nothing
 * measurable and is smooth enough for an overview.
 */
const minimapInterval = 100;

export class LiveDrag {
  /** Where the dragged nodes are now, in flow coordinates. */
  readonly positions = new Map<string, Point>();
  /** The nodes this drag moves (React Flow reports all of them on every move of one drag). */
  readonly ids: ReadonlySet<string>;
  private readonly writes = new ElementWrites();
  private readonly elements = new Map<string, HTMLElement | null>();
  private readonly minimapRects = new Map<string, SVGElement | null>();
  /** The boxes placed at the drag's first move, and the ones whose size has changed since (see place). */
  private readonly firstBoxes = new Map<string, Box>();
  private readonly resized = new Set<string>();
  private readonly culled = new Set<HTMLElement>();
  private readonly cleanups: (() => void)[] = [];
  /** React Flow's box around a selection of several nodes, if it shows one (looked up on the first move). */
  private selectionBox: HTMLElement | null | undefined;
  private readonly listeners = new Set<() => void>();
  private version = 0;
  /** When the minimap last followed the drag, what it has yet to show, and the timer that will (see minimapInterval). */
  private minimapAt = -Infinity;
  private readonly minimapPending = new Map<string, { at: Point; size?: { width: number; height: number } }>();
  private minimapTimer: ReturnType<typeof setTimeout> | undefined;

  /** `canvas` is React Flow's root element; `start` where the dragged nodes were when the drag began. */
  constructor(
    private readonly canvas: HTMLElement,
    private readonly start: ReadonlyMap<string, Point>,
    ids: Iterable<string>,
  ) {
    this.ids = new Set(ids);
  }

  /** Takes the positions React Flow reports and moves those nodes' elements (and the selection box with them). */
  move(moved: Readonly<Record<string, Point>>): void {
    let shift: Point | undefined;
    for (const [id, p] of Object.entries(moved)) {
      this.positions.set(id, p);
      const element = this.node(id);
      if (element) {
        this.writes.style(element, 'transform', `translate(${p.x}px,${p.y}px)`);
        this.writes.style(element, 'willChange', 'transform');
      }
      this.placeInMinimap(id, p);
      const from = this.start.get(id);
      if (from && !shift) shift = { x: p.x - from.x, y: p.y - from.y };
    }
    // React Flow's box around a multiple selection (drawn after a selection drag) follows the nodes it surrounds.
    if (this.selectionBox === undefined)
      this.selectionBox = this.canvas.querySelector<HTMLElement>('.react-flow__nodesselection-rect');
    if (this.selectionBox && shift)
      this.writes.style(this.selectionBox, 'transform', `translate(${shift.x}px,${shift.y}px)`);
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /**
   * Places a node that is not dragged but follows the drag (the Pod's group box, the overlay beside it). A new size
   * goes on the node's content, not on React Flow's wrapper: React Flow watches the wrappers' sizes, and a resized
   * wrapper made it re-measure the node and run every selector of its store on each move (what this class avoids).
   * The resized content is its own compositor layer for the drag: the group box lies under the whole design, and
   * growing it otherwise re-rastered every tile of the design on each move (a drag out of the group's edge into
   * auto-pan: 5 → 26 fps with 500 nodes).
   */
  place(id: string, box: Box, sized: boolean): void {
    this.placeInMinimap(id, box, sized ? box : undefined);
    const element = this.node(id);
    if (!element) return;
    this.writes.style(element, 'transform', `translate(${box.x}px,${box.y}px)`);
    const content = element.firstElementChild;
    if (!sized || !(content instanceof HTMLElement)) return;
    // Only once the box changes size: a layer for a box that stays put costs every frame (zoomed in: +4 ms a move).
    const first = this.firstBoxes.get(id);
    if (!first) this.firstBoxes.set(id, box);
    if (!this.resized.has(id) && (!first || (first.width === box.width && first.height === box.height))) return;
    this.resized.add(id);
    this.writes.style(content, 'willChange', 'transform');
    this.writes.style(content, 'width', `${box.width}px`);
    this.writes.style(content, 'height', `${box.height}px`);
  }

  /** Moves an element drawn for the drag's sake (a mount label on a moving edge); put back at the end like the rest. */
  transform(element: HTMLElement, value: string): void {
    this.writes.style(element, 'transform', value);
  }

  /**
   * Hides the nodes whose boxes lie outside `view` (flow coordinates) and shows the others; the dragged nodes are
   * always shown. Call it when the drag starts and whenever the view moves during it (auto-pan at the pane's edge,
   * a zoom), with a view larger than the pane, so nothing that could come into sight is hidden.
   */
  cull(view: Box, nodes: Iterable<[string, Box]>): void {
    for (const [id, box] of nodes) {
      if (this.ids.has(id)) continue;
      const hide = !overlaps(view, box);
      const element = hide || this.culled.size > 0 ? this.node(id) : null;
      if (!element || hide === this.culled.has(element)) continue;
      element.classList.toggle(culledClass, hide);
      if (hide) this.culled.add(element);
      else this.culled.delete(element);
    }
  }

  /** Puts back every inline style and class this drag wrote; call it right before the positions are committed. */
  end(): void {
    clearTimeout(this.minimapTimer);
    this.minimapPending.clear();
    this.writes.restore();
    for (const element of this.culled) element.classList.remove(culledClass);
    this.culled.clear();
    this.listeners.clear();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /**
   * Captures the dragging pointer on the element it pressed (the node, or React Flow's selection box) until it is
   * released. Why: for every pointer move Chromium hit-tests the canvas to find the element under the pointer, and
   * with every node its own positioned box that was ~2 ms of a 500-node drag's move; a captured pointer's moves go to
   * the capturing element without one. The drag code listens on the window, which the captured events still reach.
   */
  capturePointer(element: Element, pointerId: number): void {
    try {
      element.setPointerCapture(pointerId);
    } catch {
      return; // the pointer is no longer down (InvalidStateError / NotFoundError): nothing to capture
    }
    this.onEnd(() => {
      if (element.hasPointerCapture(pointerId)) element.releasePointerCapture(pointerId);
    });
  }

  /** Runs `cleanup` when the drag ends. */
  onEnd(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  /** For useSyncExternalStore: subscribers hear every move. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): number => this.version;

  /**
   * Moves node `id`'s rect in the minimap (flow coordinates, like the node), and sizes it when `size` is given: at most
   * once per minimapInterval, and always with the latest place, so the minimap settles where the node rests.
   */
  private placeInMinimap(id: string, at: Point, size?: { width: number; height: number }): void {
    this.minimapPending.set(id, { at, size });
    if (this.minimapTimer !== undefined) return;
    // A timer even when due now: the Pod's box is placed right after its nodes, and both go in the same update.
    const wait = Math.max(0, this.minimapAt + minimapInterval - performance.now());
    this.minimapTimer = setTimeout(() => {
      this.minimapTimer = undefined;
      this.minimapAt = performance.now();
      for (const [pendingId, place] of this.minimapPending) this.writeMinimapRect(pendingId, place.at, place.size);
      this.minimapPending.clear();
    }, wait);
  }

  private writeMinimapRect(id: string, at: Point, size?: { width: number; height: number }): void {
    let rect = this.minimapRects.get(id);
    if (rect === undefined) {
      rect = this.canvas.querySelector<SVGElement>(`.react-flow__minimap-node.${CSS.escape(minimapNodeClass({ id }))}`);
      this.minimapRects.set(id, rect);
    }
    if (!rect) return;
    this.writes.attribute(rect, 'x', String(at.x));
    this.writes.attribute(rect, 'y', String(at.y));
    if (!size) return;
    this.writes.attribute(rect, 'width', String(size.width));
    this.writes.attribute(rect, 'height', String(size.height));
  }

  private node(id: string): HTMLElement | null {
    // One pass over the canvas's nodes the first time any is needed: culling asks for most of them.
    if (this.elements.size === 0)
      for (const element of this.canvas.querySelectorAll<HTMLElement>('.react-flow__node'))
        if (element.dataset.id) this.elements.set(element.dataset.id, element);
    return this.elements.get(id) ?? null;
  }
}

/**
 * The part of the flow that could come into sight during a drag: the pane's view grown by half its size on every side
 * (auto-pan moves the view a few pixels a frame, and the culling is redone when it does).
 */
function viewAround(s: ReactFlowState): Box {
  const [tx, ty, zoom] = s.transform;
  const width = s.width / zoom;
  const height = s.height / zoom;
  return { x: -tx / zoom - width / 2, y: -ty / zoom - height / 2, width: width * 2, height: height * 2 };
}

function* nodeBoxes(s: ReactFlowState): Iterable<[string, Box]> {
  for (const [id, node] of s.nodeLookup) {
    const { x, y } = node.internals.positionAbsolute;
    yield [id, { x, y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 }];
  }
}

/** Culls the nodes outside React Flow's view now and again whenever the view moves, until the drag ends. */
export function cullOutsideView(drag: LiveDrag, store: ReturnType<typeof useStoreApi>): void {
  const now = store.getState();
  drag.cull(viewAround(now), nodeBoxes(now));
  drag.onEnd(
    store.subscribe((s, before) => {
      if (s.transform !== before.transform || s.width !== before.width || s.height !== before.height)
        drag.cull(viewAround(s), nodeBoxes(s));
    }),
  );
}
