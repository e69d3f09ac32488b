// Which tab of the bottom panel is in front: a small store apart from the panel's view, so actions and lessons can
// switch tabs without loading the editors and the terminal the panel holds.
import { create } from 'zustand';

export const panelTabs = ['problems', 'yaml', 'logs', 'terminal'] as const;
export type PanelTab = (typeof panelTabs)[number];

export const usePanel = create<{ tab: PanelTab; setTab: (tab: PanelTab) => void }>((set) => ({
  tab: 'problems',
  setTab: (tab) => set({ tab }),
}));
