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
