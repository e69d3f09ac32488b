// How labels read on a node or in a message, apart from the selector rules (catalog/selectors.ts) so the canvas can
// show them without loading the rules.

/** `app=web, tier=front`: labels as people write them on the command line. */
export function labelText(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}
