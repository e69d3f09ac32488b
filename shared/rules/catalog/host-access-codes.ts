// The host-access family by code (host-access.ts holds the rules), so what only sorts problems (the app's run bar,
// whose first screen loads no rules) can tell the family apart without loading its rules. A test keeps the two equal.
export const hostAccessCodes: ReadonlySet<string> = new Set([
  'HOST_PATH_SENSITIVE',
  'PRIVILEGED_CONTAINER',
  'CAPABILITIES_HOST_ACCESS',
  'HOST_NAMESPACES_COMBINED',
]);

/** Whether a problem is one of the host-access family's. */
export function isHostAccess(problem: { code: string }): boolean {
  return hostAccessCodes.has(problem.code);
}
