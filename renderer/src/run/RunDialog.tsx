// A small modal dialog for the run bar: focus moves in (to the first button), Tab stays inside, Escape closes,
// and focus returns to where it was.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface RunDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** The element that takes focus first; defaults to the first button. */
  initialFocus?: string;
  /** Where focus goes on close when the element it came from is gone (for instance removed with the last item). */
  returnFocus?: () => HTMLElement | null;
  /** Extra class names for the dialog box (a wider dialog, say). */
  className?: string;
}

const focusable = 'button:not([disabled]), [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

export function RunDialog({ title, onClose, children, testId, initialFocus, returnFocus, className }: RunDialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>(initialFocus ?? 'button');
    first?.focus();
    return () => {
      if (before?.isConnected) before.focus?.();
      // A task later, once the store's busy flag is reset and rendered (a disabled button cannot take focus), and only
      // if the user has not moved focus meanwhile.
      else if (returnFocus)
        setTimeout(() => {
          if (document.activeElement === document.body || !document.activeElement) returnFocus()?.focus();
        }, 0);
    };
  }, [initialFocus, returnFocus]);
  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div
        ref={ref}
        className={`dialog run-dialog${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // The app's own shortcuts must not act behind a modal dialog.
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
            return;
          }
          if (e.key !== 'Tab' || !ref.current) return;
          const items = [...ref.current.querySelectorAll<HTMLElement>(focusable)];
          if (items.length === 0) return;
          const at = items.indexOf(document.activeElement as HTMLElement);
          const next = e.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at === items.length - 1 ? 0 : at + 1;
          e.preventDefault();
          items[next]!.focus();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
