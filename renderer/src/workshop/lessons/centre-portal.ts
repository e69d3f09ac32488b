// Lets the workshop's cards float over the canvas column (.centre) without touching the layout components.

/**
 * The canvas column to portal a card into. The cards open after the app has mounted (they start closed), so the
 * column is in the DOM by the time anyone asks.
 */
export function centreElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.centre');
}
