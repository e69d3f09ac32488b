// One colour per container, stable for a Pod: containers take palette slots in spec order, so two containers
// of a Pod never share a colour (up to the palette's size) and a container keeps its colour across runs.

/** Slots in the palette; the CSS defines --log-c0 .. --log-c7 for each theme. */
export const PALETTE_SIZE = 8;

function hash(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** The palette slot of `container`, given the Pod's containers in spec order (init containers first). */
export function colourSlot(container: string, podContainers: readonly string[]): number {
  const at = podContainers.indexOf(container);
  // A name the spec does not know (the Pod changed since the run) still gets a stable slot.
  return at >= 0 ? at % PALETTE_SIZE : hash(container) % PALETTE_SIZE;
}

/**
 * colourSlot for every container of a Pod at once: each name's slot looked up, not searched for (a Pod of 5,000
 * containers searched its list once per chip and per line drawn).
 */
export function colourSlots(podContainers: readonly string[]): (container: string) => number {
  const slots = new Map<string, number>();
  podContainers.forEach((name, at) => {
    if (!slots.has(name)) slots.set(name, at % PALETTE_SIZE);
  });
  return (container) => slots.get(container) ?? hash(container) % PALETTE_SIZE;
}
