// The lessons' entries in the one action registry: open the lessons card and the node-capacity view.
import type { Action } from '../../actions';
import { useCapacity } from '../capacity/store';
import { useLessons } from './store';

const always = (): boolean => true;

export const lessonActions: Action[] = [
  {
    id: 'lessons',
    label: 'lessons.open',
    enabled: always,
    perform: () => useLessons.getState().toggle(),
    checked: () => useLessons.getState().open,
  },
  {
    id: 'nodeCapacity',
    label: 'capacity.title',
    enabled: always,
    perform: () => useCapacity.getState().setOpen(!useCapacity.getState().open),
    paletteOnly: true,
  },
];
