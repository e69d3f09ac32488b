// A small bar over the canvas while two or more nodes are selected: the align and distribute actions as icon buttons.
import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { actions } from '../actions';
import { ActionButton } from '../components/ActionButton';
import { useDocument } from '../store/document';
import { selectedNodeCount } from './arrange';
import { arrangeActionIds, type ArrangeActionId } from './arrange-ids';
import './edges.css';

/** 16×16 pictures of the result: a guide line and the boxes lined up on it (vertical ones are the same, turned). */
function Icon({ id }: { id: ArrangeActionId }) {
  const turn = ['alignTop', 'alignMiddle', 'alignBottom', 'distributeVertical'].includes(id);
  const shape =
    id === 'distributeHorizontal' || id === 'distributeVertical' ? (
      <>
        <path d="M1.5 1v14M14.5 1v14" />
        <rect x="4" y="4" width="3" height="8" />
        <rect x="9" y="5" width="3" height="6" />
      </>
    ) : (
      (() => {
        const edge =
          id === 'alignLeft' || id === 'alignTop'
            ? 'start'
            : id === 'alignRight' || id === 'alignBottom'
              ? 'end'
              : 'mid';
        const line = edge === 'start' ? 2 : edge === 'end' ? 14 : 8;
        const x = (w: number): number => (edge === 'start' ? 2 : edge === 'end' ? 14 - w : 8 - w / 2);
        return (
          <>
            <path d={`M${line} 1v14`} />
            <rect x={x(11)} y="3.5" width="11" height="3.5" />
            <rect x={x(7)} y="9" width="7" height="3.5" />
          </>
        );
      })()
    );
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" className="arrange-icon">
      <g transform={turn ? 'rotate(90 8 8)' : undefined}>{shape}</g>
    </svg>
  );
}

export function ArrangeBar() {
  const { t } = useTranslation();
  // Only the count: the bar must not re-render on every drag frame.
  const count = useDocument(selectedNodeCount);
  if (count < 2) return null;
  const state = useDocument.getState();
  return (
    <Panel position="top-center">
      <div className="arrange-bar" role="toolbar" aria-label={t('editing.arrange.label')}>
        {arrangeActionIds.map((id) => {
          const action = actions.find((a) => a.id === id)!;
          return (
            <ActionButton key={id} action={action} className="arrange-button" disabled={!action.enabled(state)}>
              <Icon id={id} />
            </ActionButton>
          );
        })}
      </div>
    </Panel>
  );
}
