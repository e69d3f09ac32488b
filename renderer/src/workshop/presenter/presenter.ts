// Presenter mode's state and the entry points lessons use: enter/exit, a step handler for the arrow keys, zoomTo.
import { create } from 'zustand';
import { flow } from '../../canvas/flow';
import { useNotice } from '../../store/notice';
import { usePreferences, type Theme } from '../../store/preferences';
import i18n from '../../i18n';

/** What a lesson registers so the arrow keys (and a clicker's PageUp/PageDown) step through it. */
export interface PresenterSteps {
  next: () => void;
  previous: () => void;
  /** Shown beside the buttons, e.g. "3 / 7"; optional. */
  position?: () => string;
}

interface PresenterState {
  active: boolean;
  /** True while the browser granted full screen; false when presenting in the window (full screen refused). */
  fullscreen: boolean;
  steps: PresenterSteps | undefined;
  /** Counts steps taken through presenter mode, so its controls redraw the position. */
  stepped: number;
  /** Steps the registered lesson forward (+1) or back (-1); false when no lesson is registered. */
  step: (direction: 1 | -1) => boolean;
  /** Enters presenter mode. Call it from a click or key handler: browsers grant full screen only to a user gesture. */
  enter: () => void;
  exit: () => void;
  toggle: () => void;
  /** Lets a lesson own the arrow keys while presenting; returns the function that gives them back. */
  registerSteps: (steps: PresenterSteps) => () => void;
}

export const usePresenter = create<PresenterState>((set, get) => ({
  active: false,
  fullscreen: false,
  steps: undefined,
  stepped: 0,
  step: (direction) => {
    const steps = get().steps;
    if (!steps) return false;
    if (direction > 0) steps.next();
    else steps.previous();
    set((s) => ({ stepped: s.stepped + 1 }));
    return true;
  },
  enter: () => {
    if (get().active) return;
    set({ active: true, fullscreen: false });
    const root = document.documentElement;
    // Requested synchronously, inside the user's gesture; a refusal (iframe, policy, headless) still presents.
    let request: Promise<void> | undefined;
    try {
      request = root.requestFullscreen?.();
    } catch {
      request = undefined;
    }
    if (!request) {
      useNotice.getState().show(i18n.t('presenter.fullscreenRefused'));
      return;
    }
    request.then(
      () => set({ fullscreen: true }),
      () => {
        if (get().active) useNotice.getState().show(i18n.t('presenter.fullscreenRefused'));
      },
    );
  },
  exit: () => {
    if (!get().active) return;
    set({ active: false, fullscreen: false });
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  },
  toggle: () => (get().active ? get().exit() : get().enter()),
  registerSteps: (steps) => {
    set({ steps });
    return () => {
      if (get().steps === steps) set({ steps: undefined });
    };
  },
}));

type Padding = Record<'top' | 'right' | 'bottom' | 'left', `${number}px`>;

/** Room left around fitted nodes, in screen pixels. */
const margin = 40;

/** The canvas's box on the page, or undefined before it is drawn. */
function canvasArea(): DOMRect | undefined {
  return document.querySelector<HTMLElement>('.canvas .react-flow')?.getBoundingClientRect();
}

/**
 * fitView padding that fits nodes into what `cover` (a card over the canvas, in page pixels) leaves of `area`: the
 * largest free side beside, above or below the card; a margin on every other side.
 */
function paddingBeside(cover: DOMRect | undefined, area: DOMRect): Padding {
  const px = (n: number): `${number}px` => `${Math.round(n)}px`;
  const padding: Padding = { top: px(margin), right: px(margin), bottom: px(margin), left: px(margin) };
  if (!cover) return padding;
  const free = {
    left: cover.left - area.left,
    right: area.right - cover.right,
    top: cover.top - area.top,
    bottom: area.bottom - cover.bottom,
  };
  const side = (Object.keys(free) as (keyof typeof free)[]).reduce((a, b) => (free[b] > free[a] ? b : a));
  // The padding on the card's side covers the card: the nodes are fitted into what is left.
  const covered = {
    left: area.right - cover.left,
    right: cover.right - area.left,
    top: area.bottom - cover.top,
    bottom: cover.bottom - area.top,
  }[side];
  const cardSide = { left: 'right', right: 'left', top: 'bottom', bottom: 'top' } as const;
  padding[cardSide[side]] = px(covered + margin);
  return padding;
}

/**
 * Zooms the canvas to the given node ids (canvas ids such as `container:api`, `volume:logs`, `pod`, `ns-overlay`), or
 * to the whole design when none; with `cover`, into the part of the canvas that card leaves free.
 */
export function zoomTo(
  nodeIds: readonly string[],
  options: { duration?: number; cover?: DOMRect } = {},
): Promise<boolean> {
  const instance = flow();
  const area = canvasArea();
  if (!instance || !area) return Promise.resolve(false);
  const duration = options.duration ?? 400;
  const padding = paddingBeside(options.cover, area);
  const nodes = nodeIds.length > 0 ? { nodes: nodeIds.map((id) => ({ id })) } : {};
  return instance.fitView({ ...nodes, duration, padding, maxZoom: 2 });
}

/** The theme the page shows: high contrast while presenting, else the user's choice. */
export function useShownTheme(): Theme {
  const theme = usePreferences((s) => s.theme);
  const active = usePresenter((s) => s.active);
  return active ? 'contrast' : theme;
}

/**
 * Brings the nodes `ids` into the part of the canvas that `cover` (a card over the canvas, in page pixels) leaves
 * free, when any of them is under it now; resolves true when it moved the view.
 */
export async function keepClearOf(ids: readonly string[], cover: DOMRect, maxZoom: number): Promise<boolean> {
  const instance = flow();
  const canvas = document.querySelector<HTMLElement>('.canvas .react-flow');
  if (!instance || !canvas || ids.length === 0) return false;
  const area = canvas.getBoundingClientRect();
  const hit = (r: DOMRect) =>
    r.left < cover.right && cover.left < r.right && r.top < cover.bottom && cover.top < r.bottom;
  const nodes = ids
    .map((id) => canvas.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`))
    .filter((n): n is HTMLElement => n !== null);
  const offScreen = (r: DOMRect) =>
    r.right < area.left || r.left > area.right || r.bottom < area.top || r.top > area.bottom;
  if (!nodes.some((n) => hit(n.getBoundingClientRect()) || offScreen(n.getBoundingClientRect()))) return false;
  await instance.fitView({
    nodes: ids.map((id) => ({ id })),
    duration: 300,
    padding: paddingBeside(cover, area),
    maxZoom,
  });
  return true;
}
