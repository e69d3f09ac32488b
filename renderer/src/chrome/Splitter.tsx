// A splitter between two panels: drag it with the mouse, or focus it and use the arrow keys (Shift for bigger steps),
// Home and End for the smallest and largest size, Enter to collapse or expand; a double click collapses too.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { panelLimits, usePanelLayout, type PanelId } from './panel-layout';

const STEP = 16;
const BIG_STEP = 64;

/** How the pointer's movement changes the panel's size: the palette grows rightwards, the others towards the canvas. */
const growth: Record<PanelId, { axis: 'x' | 'y'; sign: 1 | -1 }> = {
  palette: { axis: 'x', sign: 1 },
  inspector: { axis: 'x', sign: -1 },
  bottom: { axis: 'y', sign: -1 },
};

/** The size a panel is measured at when a drag or a key starts (a collapsed panel starts from nothing). */
function startSize(id: PanelId): number {
  const panel = usePanelLayout.getState()[id];
  return panel.collapsed ? panelLimits(id).min : panel.size;
}

export function Splitter({ panel }: { panel: PanelId }) {
  const { t } = useTranslation();
  const size = usePanelLayout((s) => s[panel].size);
  const collapsed = usePanelLayout((s) => s[panel].collapsed);
  const drag = useRef<{ from: number; size: number; pointer: number } | null>(null);
  const { axis, sign } = growth[panel];
  const { min, max } = panelLimits(panel);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { from: axis === 'x' ? e.clientX : e.clientY, size: startSize(panel), pointer: e.pointerId };
    document.documentElement.dataset.resizing = axis;
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    const moved = (axis === 'x' ? e.clientX : e.clientY) - d.from;
    usePanelLayout.getState().resize(panel, d.size + sign * moved);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    drag.current = null;
    delete document.documentElement.dataset.resizing;
    const moved = (axis === 'x' ? e.clientX : e.clientY) - d.from;
    // A click without a move leaves a collapsed panel collapsed.
    if (moved !== 0) usePanelLayout.getState().resize(panel, d.size + sign * moved, true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const store = usePanelLayout.getState();
    const step = e.shiftKey ? BIG_STEP : STEP;
    // Arrow keys move the splitter the way they point; for the palette right grows it, for the others it shrinks.
    const keys: Record<string, number> =
      axis === 'x' ? { ArrowRight: step * sign, ArrowLeft: -step * sign } : { ArrowUp: step, ArrowDown: -step };
    if (e.key in keys) store.resize(panel, startSize(panel) + keys[e.key]!, true);
    else if (e.key === 'Home') store.resize(panel, min, true);
    else if (e.key === 'End') store.resize(panel, max, true);
    else if (e.key === 'Enter') store.toggle(panel);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      className={`splitter splitter-${axis === 'x' ? 'columns' : 'rows'}`}
      role="separator"
      tabIndex={0}
      // A splitter between columns is a vertical line.
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={t(`chrome.resize.${panel}`)}
      aria-controls={`panel-${panel}`}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={collapsed ? 0 : size}
      data-testid={`splitter-${panel}`}
      data-collapsed={collapsed || undefined}
      title={t('chrome.resizeHint')}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={() => usePanelLayout.getState().toggle(panel)}
    />
  );
}
