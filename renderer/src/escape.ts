// Who owns the Escape key: the dialog, menu or popup it was pressed in closes; only otherwise is it a shortcut
// (Escape cancels a run in progress).

/**
 * What Escape closes when pressed inside it: a dialog (modal or a popover), a menu, a list, an open popup's button, a
 * select's open list (an option has the key only while the list is open: the selects draw it in the page).
 */
export const ESCAPE_OWNERS =
  '[role=dialog], [role=alertdialog], dialog, [role=menu], [role=listbox], [aria-haspopup][aria-expanded="true"], select option';

/**
 * Whether a dialog, menu or popup took this Escape: pressed inside one (closing it may already have unmounted it,
 * which leaves the target's own ancestors in place), or consumed by a handler (preventDefault).
 */
export function escapeTakenBy(e: Pick<KeyboardEvent, 'defaultPrevented' | 'target'>): boolean {
  const target = e.target as { closest?: (selectors: string) => unknown } | null;
  return e.defaultPrevented || (typeof target?.closest === 'function' && target.closest(ESCAPE_OWNERS) != null);
}
