// The Pod actions for the registry: add a Pod beside the others, delete one (undoable), and step through them.
import type { Action } from '../actions';
import i18n from '../i18n';
import { useDocument, type DocumentState } from '../store/document';
import { useNotice } from '../store/notice';
import { fitClear } from './fit-clear';

const several = (s: DocumentState): boolean => s.others.length > 0;

/** Brings the active group into view once it is drawn (it may sit off screen to the right). */
function showActivePod(): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => void fitClear({ nodes: [{ id: 'pod' }], maxZoom: 1, duration: 200 })),
  );
}

/** Makes the Pod `step` places on (wrapping round) the active one. */
function stepPod(step: number): void {
  const state = useDocument.getState();
  const count = state.others.length + 1;
  state.activate((state.active + step + count) % count);
  showActivePod();
}

export const podActions: Action[] = [
  {
    id: 'addPod',
    label: 'pods.action.add',
    enabled: () => true,
    perform: () => {
      const state = useDocument.getState();
      state.addPod();
      // Said aloud: a Pod appearing off to the side is easy to miss, and the user may not have meant it.
      useNotice.getState().show(i18n.t('pods.added', { name: useDocument.getState().doc.pod.metadata?.name ?? '' }));
      showActivePod();
    },
  },
  {
    id: 'deletePod',
    label: 'pods.action.delete',
    enabled: several,
    perform: () => {
      const state = useDocument.getState();
      const name = state.doc.pod.metadata?.name ?? '';
      state.deletePod();
      useNotice.getState().show(i18n.t('pods.deleted', { name }));
    },
  },
  {
    id: 'nextPod',
    label: 'pods.action.next',
    shortcut: { key: ']' },
    enabled: several,
    perform: () => stepPod(1),
  },
  {
    id: 'previousPod',
    label: 'pods.action.previous',
    shortcut: { key: '[' },
    enabled: several,
    perform: () => stepPod(-1),
  },
];
