// Pure sizing for canvas images: how big the picture is, at what pixel ratio, and where the viewport puts the design.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface ImagePlan {
  /** The picture in CSS pixels: the SVG's width and height. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel for the PNG. */
  pixelRatio: number;
  /** The PNG's size in pixels (what html-to-image's canvas gets: the CSS size times the ratio, truncated). */
  pixelWidth: number;
  pixelHeight: number;
  /** The transform to give React Flow's viewport element while drawing. */
  viewport: Viewport;
}

export interface SizingOptions {
  /** Preferred pixel ratio (2: sharp on slides and high-density screens). */
  pixelRatio?: number;
  /** The PNG never gets wider or taller than this (3840: a 4K slide). */
  maxPixels?: number;
  /** Space around the design, in CSS pixels. */
  padding?: number;
}

const defaults = { pixelRatio: 2, maxPixels: 3840, padding: 32 };

function plan(width: number, height: number, viewport: Viewport, options: SizingOptions): ImagePlan {
  const { pixelRatio, maxPixels } = { ...defaults, ...options };
  const w = Math.max(1, Math.ceil(width));
  const h = Math.max(1, Math.ceil(height));
  let ratio = pixelRatio;
  if (w * ratio > maxPixels || h * ratio > maxPixels) {
    // Half a pixel over the cap so truncation lands exactly on it, never one below.
    ratio = Math.min((maxPixels + 0.5) / w, (maxPixels + 0.5) / h);
  }
  return {
    width: w,
    height: h,
    pixelRatio: ratio,
    pixelWidth: Math.min(maxPixels, Math.floor(w * ratio)),
    pixelHeight: Math.min(maxPixels, Math.floor(h * ratio)),
    viewport,
  };
}

/** The whole design: its bounds plus padding, at zoom 1, so text is drawn at its natural size. */
export function designImage(bounds: Rect, options: SizingOptions = {}): ImagePlan {
  const padding = options.padding ?? defaults.padding;
  return plan(
    bounds.width + 2 * padding,
    bounds.height + 2 * padding,
    { x: Math.round(padding - bounds.x), y: Math.round(padding - bounds.y), zoom: 1 },
    options,
  );
}

/** The current view: what the canvas shows now, at the size it is shown. */
export function viewImage(
  canvas: { width: number; height: number },
  viewport: Viewport,
  options: SizingOptions = {},
): ImagePlan {
  return plan(canvas.width, canvas.height, viewport, options);
}

/** A file name for the picture: `helloworld-design-namespaces.png`. */
export function imageFileName(
  podName: string,
  area: 'design' | 'view',
  overlay: boolean,
  format: 'png' | 'svg',
): string {
  const base = podName.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'pod';
  return `${base}-${area}${overlay ? '-namespaces' : ''}.${format}`;
}
