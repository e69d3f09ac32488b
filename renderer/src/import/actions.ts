// The import actions for the one registry (renderer/src/actions.ts): a design from running containers. Opening a
// Compose file needs no action of its own: Open, recent files and a dropped file detect it.
import type { Action } from '../actions';
import { useImport } from './store';

export const importActions: Action[] = [
  {
    id: 'newFromContainers',
    label: 'import.actionFromContainers',
    enabled: () => true,
    perform: () => useImport.getState().pickContainers(true),
  },
];
