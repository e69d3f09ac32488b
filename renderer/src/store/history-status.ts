// Undo and Redo as the user presses them: the step, then a short polite status of what it took back or brought back
// ("Undid: move api"), so an undo far from the view or in a closed panel is not silent.
import i18n from '../i18n';
import { redo, undo, type HistoryStep } from './document';
import { stepLabel } from './history-label';
import { useNotice } from './notice';

function say(kind: 'undid' | 'redid', step: HistoryStep | undefined): void {
  if (!step) return;
  // Undo goes from the step's result back to what came before it; redo the other way: the label reads the step forwards.
  const label = kind === 'undid' ? stepLabel(step.to, step.from) : stepLabel(step.from, step.to);
  const what = i18n.t(`editing.history.step.${label.key}`, label.args);
  useNotice.getState().show(i18n.t(`editing.history.${kind}`, { what }));
}

export function undoAndSay(): void {
  say('undid', undo());
}

export function redoAndSay(): void {
  say('redid', redo());
}
