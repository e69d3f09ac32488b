// A button bound to one action from the registry: its label, its shortcut in the tooltip and aria-keyshortcuts, and
// perform on click, so the toolbar, the run bar, the arrange bar and the workshop tools show an action the same way.
import type { ReactNode } from 'react';
import { actionLabel, ariaKeyShortcut, shortcutText, type Action } from '../actions';

export interface ActionButtonProps {
  action: Action;
  /** The caller decides, from the state it subscribes to, so the button re-renders when that state changes. */
  disabled?: boolean;
  /** The accessible name; the registry's label when not given. */
  label?: string;
  /** What the button shows (an icon, an icon and a short word); the label when not given, else it is the aria-label. */
  children?: ReactNode;
  className?: string;
  /** A toggle's state (aria-pressed, and the `pressed` class). */
  pressed?: boolean;
  busy?: boolean;
  testId?: string;
}

export function ActionButton({
  action,
  disabled,
  label = actionLabel(action),
  children,
  className,
  pressed,
  busy,
  testId,
}: ActionButtonProps) {
  const shortcut = shortcutText(action.shortcut);
  const classes = ['tool', className, pressed ? 'pressed' : undefined].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      className={classes}
      disabled={disabled}
      onClick={() => action.perform()}
      aria-label={children === undefined ? undefined : label}
      aria-pressed={pressed}
      aria-busy={busy}
      aria-keyshortcuts={ariaKeyShortcut(action.shortcut)}
      title={shortcut ? `${label} (${shortcut})` : label}
      data-testid={testId}
    >
      {children ?? label}
    </button>
  );
}
