// A small bar at the bottom of the canvas, shown while the design has several Pods: which Pod is being edited, the
// previous/next switch and Delete Pod, from the action registry. Add Pod is not on it: floating on the canvas, it sat
// where users click to focus the canvas and added Pods by accident; it is in the Pod menu and the command palette.
import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { actions } from '../actions';
import { ActionButton } from '../components/ActionButton';
import { useDocument } from '../store/document';
import './pods.css';

const action = (id: string) => actions.find((a) => a.id === id)!;

export function PodBar() {
  const { t } = useTranslation();
  const count = useDocument((s) => s.others.length + 1);
  const index = useDocument((s) => s.active);
  const name = useDocument((s) => s.doc.pod.metadata?.name ?? '');
  if (count < 2) return null;
  return (
    <Panel position="bottom-center">
      <div className="pod-bar" role="toolbar" aria-label={t('pods.bar')}>
        <ActionButton action={action('previousPod')} className="pod-bar-button">
          ‹
        </ActionButton>
        <span className="pod-bar-place" data-testid="pod-place" aria-live="polite">
          {t('pods.place', { index: index + 1, count, name })}
        </span>
        <ActionButton action={action('nextPod')} className="pod-bar-button">
          ›
        </ActionButton>
        <ActionButton action={action('deletePod')} className="pod-bar-button" testId="delete-pod">
          {t('pods.deleteShort')}
        </ActionButton>
      </div>
    </Panel>
  );
}
