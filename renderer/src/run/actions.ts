// The run actions for the one registry (renderer/src/actions.ts): Run, Cancel, Stop, Down and Restart with their shortcuts,
// so the run bar, the command palette and the keyboard share one definition of when each applies.
import type { Action } from '../actions';
import { ESCAPE_OWNERS } from '../escape';
import { useRun, type RunBusy } from './store';

export type RunActionId = 'run' | 'cancel' | 'stop' | 'down' | 'restart';

export interface RunButtonsState {
  busy: RunBusy;
  /** The followed Pod exists on the engine. */
  hasPod: boolean;
  /** Some container of it is not terminated. */
  running: boolean;
}

/** Run stays enabled while the design has errors: pressing it lists why it is refused. */
export function runActionEnabled(id: RunActionId, s: RunButtonsState): boolean {
  // Cancel stays enabled while it rolls back (a repeat is ignored): a disabled button would drop keyboard focus.
  if (id === 'cancel') return s.busy === 'run';
  if (s.busy) return false;
  if (id === 'run') return true;
  if (id === 'stop') return s.hasPod && s.running;
  return s.hasPod;
}

function current(): RunButtonsState {
  const s = useRun.getState();
  return {
    busy: s.busy,
    hasPod: s.snapshot !== undefined,
    running: s.snapshot?.containers.some((c) => c.state.state !== 'terminated') ?? false,
  };
}

/** Escape belongs to an open modal dialog, or to a popup or menu that has the focus (it closes that, not the run). */
function escapeTaken(): boolean {
  if (typeof document === 'undefined') return false;
  if (document.querySelector('[aria-modal="true"]') !== null) return true;
  return document.activeElement?.closest(ESCAPE_OWNERS) != null;
}

export const runActions: Action[] = [
  {
    id: 'run',
    label: 'run.action.run',
    shortcut: { key: 'F5' },
    enabled: () => runActionEnabled('run', current()),
    perform: () => void useRun.getState().run(),
  },
  {
    // Escape is the usual "get me out of this"; a dialog's or menu's Escape closes that, not the run.
    id: 'cancel',
    label: 'run.action.cancel',
    shortcut: { key: 'Escape' },
    enabled: () => runActionEnabled('cancel', current()) && !escapeTaken(),
    perform: () => void useRun.getState().cancel(),
  },
  {
    id: 'stop',
    label: 'run.action.stop',
    shortcut: { key: 'F5', shift: true },
    enabled: () => runActionEnabled('stop', current()),
    perform: () => void useRun.getState().stop(),
  },
  {
    id: 'down',
    label: 'run.action.down',
    enabled: () => runActionEnabled('down', current()),
    perform: () => void useRun.getState().down(),
  },
  {
    // While a stop waits out the grace period: kill now instead (grace 0).
    id: 'stopNow',
    label: 'editing.stop.now',
    enabled: () => useRun.getState().stopping !== undefined && !useRun.getState().stopping!.now,
    perform: () => void useRun.getState().stopNow(),
    paletteOnly: true,
  },
  {
    id: 'restart',
    label: 'run.action.restart',
    shortcut: { key: 'F5', mod: true, shift: true },
    enabled: () => runActionEnabled('restart', current()),
    perform: () => void useRun.getState().restart(),
  },
];
