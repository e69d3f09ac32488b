// Which tab of the bottom panel is in front: a small store apart from the panel's view, so actions and lessons can
// switch tabs without loading the editors and the terminal the panel holds.
import { create } from 'zustand';
import { usePanelLayout } from '../chrome/panel-layout';

export const panelTabs = ['problems', 'yaml', 'logs', 'terminal'] as const;
export type PanelTab = (typeof panelTabs)[number];

export const usePanel = create<{ tab: PanelTab; setTab: (tab: PanelTab) => void }>((set) => ({
  tab: 'problems',
  // Bringing a tab to the front shows it: a collapsed panel opens.
  setTab: (tab) => {
    if (usePanelLayout.getState().bottom.collapsed) usePanelLayout.getState().setCollapsed('bottom', false);
    set({ tab });
  },
}));
