// Where the design's checks (checks.ts) come from: a later part (../lazy.ts), first in line after the first screen,
// loaded with the rules' words. Until it is there the design has no diagnostics; the views that show them re-render
// when it arrives (useChecksLoaded), and whatever must not act without them (Run, Export) awaits `checksPart.load()`.
import { later, useLoaded } from '../lazy';
import { loadLaterWords } from '../i18n';
import type * as ChecksModule from './checks';

type Checks = typeof ChecksModule;

let checks: Checks | undefined;

export const checksPart = later(
  async () => {
    const [module] = await Promise.all([import('./checks'), loadLaterWords('rules')]);
    checks = module;
    return module;
  },
  { first: true },
);

/** The checks, once loaded. */
export function loadedChecks(): Checks | undefined {
  return checks;
}

/** Whether the checks are there; a component that shows diagnostics calls it to draw them when they arrive. */
export function useChecksLoaded(): boolean {
  return useLoaded(checksPart);
}
