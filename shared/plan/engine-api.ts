// Engine API versions that gate what a plan may ask of the engine (api/docs/CHANGELOG.md in moby).
export const API_SUBPATH_ON_VOLUMES = '1.45';
export const API_MINIMUM = '1.41';

/** Compares dotted API versions: negative when a < b. */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
