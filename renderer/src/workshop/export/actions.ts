// The image export as registry actions (command palette entries): PNG or SVG, whole design or current view.
import i18n from '../../i18n';
import { useNotice } from '../../store/notice';
import { useNamespaceOverlay } from '../overlay/store';
import { exportCanvasImage, type ImageArea, type ImageFormat, type ImageRequest } from './export';

/** Exports and tells the user how it went; never throws (actions are fire-and-forget). */
export async function exportWithNotice(request: ImageRequest): Promise<void> {
  try {
    const file = await exportCanvasImage(request);
    useNotice.getState().show(i18n.t('canvasExport.saved', { file }));
  } catch (err) {
    useNotice
      .getState()
      .show(i18n.t('canvasExport.failed', { reason: err instanceof Error ? err.message : String(err) }));
  }
}

export const imageExports: { id: string; label: string; format: ImageFormat; area: ImageArea }[] = [
  { id: 'exportImage.pngDesign', label: 'canvasExport.pngDesign', format: 'png', area: 'design' },
  { id: 'exportImage.svgDesign', label: 'canvasExport.svgDesign', format: 'svg', area: 'design' },
  { id: 'exportImage.pngView', label: 'canvasExport.pngView', format: 'png', area: 'view' },
  { id: 'exportImage.svgView', label: 'canvasExport.svgView', format: 'svg', area: 'view' },
];

/** From the palette the overlay is included exactly when it is on screen. */
export function performImageExport(format: ImageFormat, area: ImageArea): void {
  void exportWithNotice({ format, area, overlay: useNamespaceOverlay.getState().on });
}
