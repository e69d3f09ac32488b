// The editing actions for the registry: auto layout, align and distribute, copy, cut and paste.
import type { Action } from '../actions';
import { graphOf, type DocumentState } from '../store/document';
import { alignSelection, distributeSelection, selectedNodeCount } from './arrange';
import { canCopy, copyCommand, pasteCommand } from './clipboard';
import { autoLayout } from './layout';

const hasItems = (s: DocumentState): boolean => graphOf(s.doc).nodes.some((n) => n.kind !== 'namespace');
const atLeast =
  (n: number) =>
  (s: DocumentState): boolean =>
    selectedNodeCount(s) >= n;

export const editingActions: Action[] = [
  {
    id: 'autoLayout',
    label: 'editing.action.autoLayout',
    shortcut: { key: 'l', shift: true },
    enabled: hasItems,
    perform: () => void autoLayout(),
  },
  {
    id: 'alignLeft',
    label: 'editing.action.alignLeft',
    shortcut: { key: 'ArrowLeft', mod: true, shift: true },
    enabled: atLeast(2),
    perform: () => alignSelection('left'),
  },
  {
    id: 'alignCentre',
    label: 'editing.action.alignCentre',
    shortcut: { key: 'c', shift: true },
    enabled: atLeast(2),
    perform: () => alignSelection('centre'),
  },
  {
    id: 'alignRight',
    label: 'editing.action.alignRight',
    shortcut: { key: 'ArrowRight', mod: true, shift: true },
    enabled: atLeast(2),
    perform: () => alignSelection('right'),
  },
  {
    id: 'alignTop',
    label: 'editing.action.alignTop',
    shortcut: { key: 'ArrowUp', mod: true, shift: true },
    enabled: atLeast(2),
    perform: () => alignSelection('top'),
  },
  {
    id: 'alignMiddle',
    label: 'editing.action.alignMiddle',
    shortcut: { key: 'm', shift: true },
    enabled: atLeast(2),
    perform: () => alignSelection('middle'),
  },
  {
    id: 'alignBottom',
    label: 'editing.action.alignBottom',
    shortcut: { key: 'ArrowDown', mod: true, shift: true },
    enabled: atLeast(2),
    perform: () => alignSelection('bottom'),
  },
  {
    id: 'distributeHorizontal',
    label: 'editing.action.distributeHorizontal',
    shortcut: { key: 'h', shift: true },
    enabled: atLeast(3),
    perform: () => distributeSelection('horizontal'),
  },
  {
    id: 'distributeVertical',
    label: 'editing.action.distributeVertical',
    shortcut: { key: 'v', shift: true },
    enabled: atLeast(3),
    perform: () => distributeSelection('vertical'),
  },
  {
    id: 'copy',
    label: 'editing.action.copy',
    shortcut: { key: 'c', mod: true },
    clipboardEvent: true,
    enabled: (s) => canCopy(s.selection),
    perform: () => void copyCommand(false),
  },
  {
    id: 'cut',
    label: 'editing.action.cut',
    shortcut: { key: 'x', mod: true },
    clipboardEvent: true,
    enabled: (s) => canCopy(s.selection),
    perform: () => void copyCommand(true),
  },
  {
    id: 'paste',
    label: 'editing.action.paste',
    shortcut: { key: 'v', mod: true },
    clipboardEvent: true,
    enabled: () => true,
    perform: () => void pasteCommand(),
  },
];
