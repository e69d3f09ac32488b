// The run actions for the one registry (renderer/src/actions.ts): Run, Stop, Down and Restart with their shortcuts,
// so the run bar, the command palette and the keyboard share one definition of when each applies.
import type { Action } from '../actions';
import { useRun, type RunBusy } from './store';

export type RunActionId = 'run' | 'stop' | 'down' | 'restart';

export interface RunButtonsState {
  busy: RunBusy;
  /** The followed Pod exists on the engine. */
  hasPod: boolean;
  /** Some container of it is not terminated. */
  running: boolean;
}

/** Run stays enabled while the design has errors: pressing it lists why it is refused. */
export function runActionEnabled(id: RunActionId, s: RunButtonsState): boolean {
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

export const runActions: Action[] = [
  {
    id: 'run',
    label: 'run.action.run',
    shortcut: { key: 'F5' },
    enabled: () => runActionEnabled('run', current()),
    perform: () => void useRun.getState().run(),
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
    id: 'restart',
    label: 'run.action.restart',
    shortcut: { key: 'F5', mod: true, shift: true },
    enabled: () => runActionEnabled('restart', current()),
    perform: () => void useRun.getState().restart(),
  },
];
