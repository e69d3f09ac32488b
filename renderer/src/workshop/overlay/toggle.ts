// Switches the namespace overlay on or off and brings the result into view.
import { flow } from '../../canvas/flow';
import { usePresenter, zoomTo } from '../presenter/presenter';
import { useNamespaceOverlay } from './store';

export function toggleNamespaceOverlay(on?: boolean): void {
  const overlay = useNamespaceOverlay.getState();
  overlay.set(on ?? !overlay.on);
  // Two frames: one to draw the overlay node, one for React Flow to measure it before fitting.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (usePresenter.getState().active) void zoomTo([]);
      // Room at the bottom for the minimap, which sits over the canvas's bottom-right corner.
      else void flow()?.fitView({ duration: 200, maxZoom: 1, padding: { x: '3%', top: '4%', bottom: '170px' } });
    }),
  );
}
