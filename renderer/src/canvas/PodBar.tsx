// A small bar shown while the design has several Pods: which Pod is being edited, the previous/next switch and Delete
// Pod, from the action registry. It sits just below the active Pod's group, wherever the view has that group (a bar at
// the bottom of the canvas was far from the Pod it acts on once there were two or three). Add Pod is not on it:
// floating on the canvas, it sat where users click to focus the canvas and added Pods by accident; it is in the Pod
// menu and the command palette.
import { useStore, type ReactFlowState } from '@xyflow/react';
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { actions } from '../actions';
import { ActionButton } from '../components/ActionButton';
import { useDocument } from '../store/document';
import { cornerPanels, podBarGap, type CornerPanel } from './fit-clear';
import './pods.css';

const action = (id: string) => actions.find((a) => a.id === id)!;

/**
 * Where the bar goes in the canvas, in screen pixels: centred under the part of the active group ('pod') in view, just
 * below its lower edge, inside the canvas (over the group's own lower part when the group reaches the canvas's bottom)
 * and clear of the corner panels (the minimap, the zoom controls).
 */
export function podBarPlace(
  group: { x: number; y: number; width: number; height: number },
  transform: readonly [number, number, number],
  canvas: { width: number; height: number },
  bar: { width: number; height: number },
  panels: readonly CornerPanel[] = [],
): { left: number; top: number } {
  const [tx, ty, zoom] = transform;
  const start = tx + group.x * zoom;
  const end = start + group.width * zoom;
  const centre = end > 0 && start < canvas.width ? (Math.max(start, 0) + Math.min(end, canvas.width)) / 2 : start;
  let top = Math.min(ty + (group.y + group.height) * zoom + podBarGap, canvas.height - bar.height - podBarGap);
  let left = Math.max(podBarGap, Math.min(canvas.width - bar.width - podBarGap, centre - bar.width / 2));
  // A corner panel in the way: the bar moves beside it while it stays under the group, else above the panel (over the
  // group's lower edge, where it covers the least).
  for (const panel of panels) {
    const panelTop = canvas.height - panel.height;
    const [from, to] = panel.side === 'left' ? [0, panel.width] : [canvas.width - panel.width, canvas.width];
    if (top + bar.height <= panelTop || left + bar.width <= from || left >= to) continue;
    const beside = panel.side === 'left' ? to + podBarGap : from - podBarGap - bar.width;
    const middle = beside + bar.width / 2;
    const fits = beside >= podBarGap && beside + bar.width <= canvas.width - podBarGap;
    if (fits && middle >= Math.max(start, 0) && middle <= Math.min(end, canvas.width)) left = beside;
    else top = panelTop - podBarGap - bar.height;
  }
  return { left: Math.round(left), top: Math.round(Math.max(podBarGap, top)) };
}

/** The active group's box in flow coordinates, as one string so the bar redraws only when it changes. */
const groupBox = (s: ReactFlowState): string => {
  const node = s.nodeLookup.get('pod');
  if (!node) return '';
  const { x, y } = node.internals.positionAbsolute;
  return `${x} ${y} ${node.measured.width ?? node.width ?? 0} ${node.measured.height ?? node.height ?? 0}`;
};

export function PodBar() {
  const { t } = useTranslation();
  const count = useDocument((s) => s.others.length + 1);
  const index = useDocument((s) => s.active);
  const name = useDocument((s) => s.doc.pod.metadata?.name ?? '');
  const box = useStore(groupBox);
  const transform = useStore((s) => s.transform);
  const canvasWidth = useStore((s) => s.width);
  const canvasHeight = useStore((s) => s.height);
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [panels, setPanels] = useState<CornerPanel[]>([]);
  // Its own size (it changes with the Pod's name and the language) keeps it centred and inside the canvas.
  const shown = count >= 2 && box !== '';
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && (el.offsetWidth !== size.width || el.offsetHeight !== size.height))
      setSize({ width: el.offsetWidth, height: el.offsetHeight });
    const canvas = el?.closest<HTMLElement>('.react-flow');
    const now = canvas ? cornerPanels(canvas) : [];
    if (JSON.stringify(now) !== JSON.stringify(panels)) setPanels(now);
  }, [shown, count, index, name, t, size.width, size.height, canvasWidth, canvasHeight, transform, panels]);
  if (!shown) return null;
  const [x = 0, y = 0, width = 0, height = 0] = box.split(' ').map(Number);
  const canvas = { width: canvasWidth, height: canvasHeight };
  const place = podBarPlace({ x, y, width, height }, transform, canvas, size, panels);
  const style: CSSProperties = { left: place.left, top: place.top, visibility: size.width ? 'visible' : 'hidden' };
  return (
    <div ref={ref} className="pod-bar" role="toolbar" aria-label={t('pods.bar')} style={style}>
      <ActionButton action={action('previousPod')} className="pod-bar-button">
        ‹
      </ActionButton>
      <span className="pod-bar-place" data-testid="pod-place" aria-live="polite">
        {t('pods.place', { index: index + 1, count, name })}
      </span>
      <ActionButton action={action('nextPod')} className="pod-bar-button">
        ›
      </ActionButton>
      <ActionButton action={action('deletePod')} className="pod-bar-button" testId="delete-pod">
        {t('pods.deleteShort')}
      </ActionButton>
    </div>
  );
}
