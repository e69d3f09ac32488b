// The workshop's entries in the one action registry: the namespace overlay, presenter mode and the image exports.
import type { Action } from '../../actions';
import { imageExports, performImageExport } from '../export/actions';
import { usePresenter } from '../presenter/presenter';
import { toggleNamespaceOverlay } from './toggle';
import { useNamespaceOverlay } from './store';

const always = (): boolean => true;

export const workshopActions: Action[] = [
  {
    id: 'namespaces',
    label: 'nsOverlay.action.toggle',
    shortcut: { key: 'n', shift: true },
    enabled: always,
    perform: () => toggleNamespaceOverlay(),
    checked: () => useNamespaceOverlay.getState().on,
  },
  {
    id: 'presenter',
    label: 'presenter.enter',
    shortcut: { key: 'p', shift: true },
    enabled: always,
    perform: () => usePresenter.getState().toggle(),
  },
  ...imageExports.map<Action>((e) => ({
    id: e.id,
    label: e.label,
    enabled: always,
    perform: () => performImageExport(e.format, e.area),
    paletteOnly: true,
  })),
];
