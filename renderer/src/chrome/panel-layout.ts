// The sizes of the side and bottom panels and whether each is collapsed, kept in the browser between sessions.
import { create } from 'zustand';

export type PanelId = 'palette' | 'inspector' | 'bottom';

export interface PanelSize {
  /** Pixels: the width of a side panel, the height of the bottom panel (when not collapsed). */
  size: number;
  collapsed: boolean;
}

export type PanelLayout = Record<PanelId, PanelSize> & {
  /** The canvas's minimap. */
  minimap: boolean;
};

const KEY = 'podwright.layout';

/** The window's height; a 720-pixel screen where there is no window (unit tests of modules that import this). */
const shownHeight = (): number => (typeof window === 'undefined' ? 720 : window.innerHeight);

/** Smallest and largest size of each panel; the bottom panel's largest depends on the window's height. */
export function panelLimits(id: PanelId, windowHeight = shownHeight()): { min: number; max: number } {
  if (id === 'palette') return { min: 140, max: 420 };
  if (id === 'inspector') return { min: 220, max: 600 };
  return { min: 100, max: Math.max(160, Math.round(windowHeight * 0.7)) };
}

/** The first layout: on a 720-pixel window the bottom panel takes under a third, so the canvas has most of it. */
export function defaultLayout(windowHeight = shownHeight()): PanelLayout {
  return {
    palette: { size: 200, collapsed: false },
    inspector: { size: 300, collapsed: false },
    bottom: { size: Math.round(Math.min(280, Math.max(150, windowHeight * 0.27))), collapsed: false },
    minimap: true,
  };
}

export function clampSize(id: PanelId, size: number, windowHeight = shownHeight()): number {
  const { min, max } = panelLimits(id, windowHeight);
  return Math.round(Math.min(max, Math.max(min, size)));
}

/** What was kept, checked field by field: a hand-edited or older entry gives the defaults for what it lacks. */
export function readLayout(raw: string | null, windowHeight = shownHeight()): PanelLayout {
  const layout = defaultLayout(windowHeight);
  if (!raw) return layout;
  let kept: unknown;
  try {
    kept = JSON.parse(raw);
  } catch {
    return layout;
  }
  if (typeof kept !== 'object' || kept === null) return layout;
  const record = kept as Record<string, unknown>;
  for (const id of ['palette', 'inspector', 'bottom'] as const) {
    const panel = record[id] as Partial<PanelSize> | undefined;
    if (typeof panel !== 'object' || panel === null) continue;
    if (typeof panel.size === 'number' && Number.isFinite(panel.size))
      layout[id].size = clampSize(id, panel.size, windowHeight);
    if (typeof panel.collapsed === 'boolean') layout[id].collapsed = panel.collapsed;
  }
  if (typeof record.minimap === 'boolean') layout.minimap = record.minimap;
  return layout;
}

interface LayoutStore extends PanelLayout {
  /** Sets a panel's size (clamped) while a splitter moves; `keep` writes it to storage (at the end of a drag). */
  resize: (id: PanelId, size: number, keep?: boolean) => void;
  setCollapsed: (id: PanelId, collapsed: boolean) => void;
  toggle: (id: PanelId) => void;
  toggleMinimap: () => void;
}

function keep(state: PanelLayout): void {
  const { palette, inspector, bottom, minimap } = state;
  try {
    localStorage.setItem(KEY, JSON.stringify({ palette, inspector, bottom, minimap }));
  } catch {
    // Storage full or refused (a private window): the layout still works for this session.
  }
}

function initial(): PanelLayout {
  if (typeof localStorage === 'undefined') return defaultLayout();
  try {
    return readLayout(localStorage.getItem(KEY));
  } catch {
    return defaultLayout();
  }
}

export const usePanelLayout = create<LayoutStore>((set, get) => ({
  ...initial(),
  resize: (id, size, keepIt = false) => {
    set({ [id]: { size: clampSize(id, size), collapsed: false } } as Partial<LayoutStore>);
    if (keepIt) keep(get());
  },
  setCollapsed: (id, collapsed) => {
    set({ [id]: { ...get()[id], collapsed } } as Partial<LayoutStore>);
    keep(get());
  },
  toggle: (id) => get().setCollapsed(id, !get()[id].collapsed),
  toggleMinimap: () => {
    set({ minimap: !get().minimap });
    keep(get());
  },
}));
