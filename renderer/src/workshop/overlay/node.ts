// Places the namespace overlay on the canvas as one React Flow node beside the Pod, so it pans, zooms and exports
// with the design. With several Pods (their groups side by side) it goes below the active Pod's group instead, where
// it cannot cover the next group.
import type { Node } from '@xyflow/react';

export const overlayNodeId = 'ns-overlay';
export const overlayNodeType = 'nsOverlay';
/** The gap between the Pod's box and the overlay, in flow units. */
const gap = 56;

export function overlayNodes(
  on: boolean,
  podBox: { x: number; y: number; width: number; height: number },
  measured: { width: number; height: number } | undefined,
  below = false,
): Node[] {
  if (!on) return [];
  return [
    {
      id: overlayNodeId,
      type: overlayNodeType,
      position: below
        ? { x: podBox.x, y: podBox.y + podBox.height + gap }
        : { x: podBox.x + podBox.width + gap, y: podBox.y },
      data: {},
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      measured,
    },
  ];
}

/** The overlay's size before it is first measured (lesson 1's Pod of four containers). */
const usualOverlay = { width: 860, height: 420 };

/**
 * Whether the Pod and the overlay, fitted to a `screen` of this size, are drawn larger one above the other than side
 * by side (presenter mode asks: on a 16:9 projector a wide Pod leaves the pair small beside each other).
 */
export function overlayFitsBetterBelow(
  podBox: { width: number; height: number },
  overlay: { width: number; height: number } | undefined,
  screen: { width: number; height: number },
): boolean {
  if (screen.width <= 0 || screen.height <= 0) return false;
  const o = overlay ?? usualOverlay;
  const zoom = (w: number, h: number) => Math.min(screen.width / w, screen.height / h);
  const beside = zoom(podBox.width + gap + o.width, Math.max(podBox.height, o.height));
  const below = zoom(Math.max(podBox.width, o.width), podBox.height + gap + o.height);
  return below > beside * 1.05;
}
