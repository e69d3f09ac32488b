// The frame's entries in the one action registry: show or hide each panel and the minimap.
import type { Action } from '../actions';
import { usePanelLayout } from './panel-layout';

const always = (): boolean => true;

export const chromeActions: Action[] = [
  ...(['palette', 'inspector', 'bottom'] as const).map<Action>((id) => ({
    id: `toggle${id[0]!.toUpperCase()}${id.slice(1)}`,
    label: `chrome.action.toggle${id[0]!.toUpperCase()}${id.slice(1)}`,
    enabled: always,
    perform: () => usePanelLayout.getState().toggle(id),
    checked: () => !usePanelLayout.getState()[id].collapsed,
  })),
  {
    id: 'toggleMinimap',
    label: 'chrome.action.toggleMinimap',
    enabled: always,
    perform: () => usePanelLayout.getState().toggleMinimap(),
    checked: () => usePanelLayout.getState().minimap,
  },
];
