// Draws the canvas (the current view or the whole design, with or without the namespace overlay) into a PNG or SVG
// with html-to-image, as React Flow's "download image" example does, and downloads it through a Blob link.
import type { toSvg } from 'html-to-image';
import { later } from '../../lazy';

type Options = NonNullable<Parameters<typeof toSvg>[1]>;
// html-to-image loads with the first export, or in idle time after the first screen (../../lazy.ts).
const htmlToImage = later(() => import('html-to-image'));
import { flow } from '../../canvas/flow';
import { downloadBlob } from '../../download';
import { useDocument } from '../../store/document';
import { useNamespaceOverlay } from '../overlay/store';
import { overlayNodeId } from '../overlay/node';
import { useCanvasExport } from './store';
import { designImage, imageFileName, viewImage, type ImagePlan } from './sizing';

export type ImageFormat = 'png' | 'svg';
export type ImageArea = 'design' | 'view';

export interface ImageRequest {
  format: ImageFormat;
  area: ImageArea;
  /** Draw the namespace overlay into the picture (it is switched on for the moment if it is off). */
  overlay: boolean;
}

export interface CanvasImage {
  blob: Blob;
  fileName: string;
  plan: ImagePlan;
}

const nextFrame = (): Promise<void> => new Promise((done) => requestAnimationFrame(() => done()));

/** Waits (a few frames; longer on a busy machine) until `ready` holds. */
async function until(ready: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + 3000;
  while (performance.now() < deadline) {
    await nextFrame();
    if (ready()) return;
  }
  throw new Error(what);
}

/** SVG paint properties that edges get from style sheets. */
const svgPaint = ['stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'fill', 'fill-opacity', 'opacity'];

/**
 * html-to-image copies an <svg> element's children as they are, without their computed styles, and the picture has
 * no style sheets: edges, whose stroke comes from CSS, would vanish. Write the computed paint into each element's
 * style for the moment; the returned function puts the original style attributes back.
 */
function inlineSvgPaint(root: Element): () => void {
  const saved: [SVGElement, string | null][] = [];
  for (const element of root.querySelectorAll<SVGElement>('svg *')) {
    const computed = getComputedStyle(element);
    saved.push([element, element.getAttribute('style')]);
    for (const property of svgPaint) {
      const value = computed.getPropertyValue(property);
      if (value) element.style.setProperty(property, value);
    }
  }
  return () => {
    for (const [element, style] of saved) {
      if (style === null) element.removeAttribute('style');
      else element.setAttribute('style', style);
    }
  };
}

function drawn(root: HTMLElement, id: string): boolean {
  return root.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`) !== null;
}

/** Renders the picture; does not download it. */
export async function renderCanvasImage(request: ImageRequest): Promise<CanvasImage> {
  // Loaded before the view is touched, so a first export that waits for it leaves nothing half changed meanwhile.
  const { toBlob, toSvg } = await htmlToImage.load();
  const instance = flow();
  const root = document.querySelector<HTMLElement>('.canvas .react-flow');
  const viewportElement = root?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!instance || !root || !viewportElement) throw new Error('the canvas is not on screen');

  const overlay = useNamespaceOverlay.getState();
  const switchedOn = request.overlay && !overlay.on;
  const renderAll = request.area === 'design';
  if (switchedOn) overlay.set(true);
  if (renderAll) useCanvasExport.getState().setRenderAll(true);
  try {
    if (switchedOn) {
      await until(
        () => drawn(root, overlayNodeId) && !!instance.getInternalNode(overlayNodeId)?.measured.width,
        'the namespace overlay did not appear',
      );
    }
    const nodes = instance.getNodes().filter((n) => request.overlay || n.id !== overlayNodeId);
    // The canvas culls nodes off screen; the whole design needs every one of them in the page to draw it.
    if (renderAll) await until(() => nodes.every((n) => drawn(root, n.id)), 'the canvas did not draw every node');
    // The canvas draws mounts as plain curves when zoomed far out; for the picture it draws them with their labels.
    const mounts = instance.getEdges().filter((e) => e.id.startsWith('mount:')).length;
    if (renderAll)
      await until(
        () => root.querySelectorAll('.mount-label').length >= mounts,
        'the canvas did not draw the mount labels',
      );
    const plan =
      request.area === 'design'
        ? designImage(instance.getNodesBounds(nodes))
        : viewImage({ width: root.clientWidth, height: root.clientHeight }, instance.getViewport());
    const { x, y, zoom } = plan.viewport;
    const background = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
    const options: Options = {
      width: plan.width,
      height: plan.height,
      pixelRatio: plan.pixelRatio,
      backgroundColor: background,
      // The app uses system fonts only; fetching @font-face rules would find nothing and cost time.
      skipFonts: true,
      style: {
        width: `${plan.width}px`,
        height: `${plan.height}px`,
        transform: `translate(${x}px, ${y}px) scale(${zoom})`,
      },
      filter: (node) =>
        request.overlay || !(node instanceof Element && node.classList.contains('react-flow__node-nsOverlay')),
    };
    // Far out the canvas hides edge labels and handles (level of detail); a picture of the whole design is drawn at
    // zoom 1, so it shows them.
    const lowDetail = renderAll && root.classList.contains('zoomed-out');
    if (lowDetail) root.classList.remove('zoomed-out');
    const restorePaint = inlineSvgPaint(viewportElement);
    const restore = (): void => {
      restorePaint();
      if (lowDetail) root.classList.add('zoomed-out');
    };
    let blob: Blob | null;
    try {
      blob =
        request.format === 'png'
          ? await toBlob(viewportElement, options)
          : svgBlob(await toSvg(viewportElement, options));
    } finally {
      restore();
    }
    if (!blob) throw new Error('the browser drew no image');
    const podName = useDocument.getState().doc.pod.metadata?.name ?? '';
    return {
      blob,
      fileName: imageFileName(
        typeof podName === 'string' ? podName : '',
        request.area,
        request.overlay,
        request.format,
      ),
      plan,
    };
  } finally {
    if (switchedOn) useNamespaceOverlay.getState().set(false);
    if (renderAll) useCanvasExport.getState().setRenderAll(false);
  }
}

function svgBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  return new Blob([decodeURIComponent(dataUrl.slice(comma + 1))], { type: 'image/svg+xml' });
}

/** Renders and downloads; returns the file name. */
export async function exportCanvasImage(request: ImageRequest): Promise<string> {
  const image = await renderCanvasImage(request);
  downloadBlob(image.blob, image.fileName);
  return image.fileName;
}
