// A build's stamp: which files went into a bundle, as they were when it was built, so a start can tell in a few
// milliseconds whether the bundle still matches its sources. Plain JavaScript on node:fs only: the CLI's launcher reads
// it before anything else is loaded.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bumped when the stamp's shape changes: a stamp of another shape is simply stale. */
const STAMP_FORMAT = 1;

/**
 * What identifies one version of a file without reading it: size, modification time and change time. The change time
 * cannot be set back by a tool (touch -d, cp -p, tar and git keep or restore mtimes; every one of them sets ctime to
 * now), so an edit is seen even when it keeps the size and restores the old mtime.
 */
function fingerprint(path) {
  const s = statSync(path);
  return [s.size, s.mtimeMs, s.ctimeMs];
}

/**
 * Writes `stampFile` for a bundle built from `inputs` (paths relative to `root`), with `fields` beside them (which build
 * directory, which entry). A file that changed after `startedAt` may have been read before or after its change: it is
 * recorded as unknown, so the next start builds again rather than trust a bundle that may hold the old text. `parts`
 * names subsets of `inputs` (what one command's bundles were built from) that freshStamp can check alone.
 */
export function writeStamp(stampFile, root, inputs, startedAt, fields = {}, parts = {}) {
  const files = {};
  for (const input of [...new Set(inputs)].sort()) {
    const print = fingerprint(join(root, input));
    // File times come from the kernel's coarse clock, which can trail Date.now() by a tick.
    files[input] = Math.max(print[1], print[2]) >= startedAt - 50 ? null : print;
  }
  // A part lists its inputs by their place in `inputs` (JSON keeps the order of keys that are not numbers).
  const at = new Map(Object.keys(files).map((input, i) => [input, i]));
  const indexed = Object.fromEntries(
    Object.entries(parts).map(([name, list]) => [
      name,
      [...new Set(list)].map((input) => at.get(input)).sort((a, b) => a - b),
    ]),
  );
  if (Object.values(indexed).some((list) => list.includes(undefined)))
    throw new Error('a part lists a file that is not an input');
  const temporary = `${stampFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ format: STAMP_FORMAT, ...fields, parts: indexed, inputs: files }));
  // A rename replaces the old stamp in one step: a start never reads half a stamp.
  renameSync(temporary, stampFile);
}

/**
 * The stamp at `stampFile` when every input it lists is still exactly as it was built from (and `needed`, paths
 * relative to the stamp's folder, exist); else undefined. Costs one stat per input. With `part`, when the stamp names
 * that part, only the part's inputs count: a command whose own bundles are fresh runs them, whatever changed in
 * another command's sources.
 */
export function freshStamp(stampFile, root, needed = (_stamp) => [], part = undefined) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
  if (stamp?.format !== STAMP_FORMAT || typeof stamp.inputs !== 'object' || stamp.inputs === null) return undefined;
  let entries = Object.entries(stamp.inputs);
  const only = part !== undefined && Object.hasOwn(stamp.parts ?? {}, part) ? stamp.parts[part] : undefined;
  if (Array.isArray(only)) entries = only.map((i) => entries[i] ?? [String(i), undefined]);
  for (const [input, built] of entries) {
    if (!Array.isArray(built)) return undefined;
    let now;
    try {
      now = fingerprint(join(root, input));
    } catch {
      return undefined;
    }
    if (now[0] !== built[0] || now[1] !== built[1] || now[2] !== built[2]) return undefined;
  }
  const folder = join(stampFile, '..');
  return needed(stamp).every((file) => existsSync(join(folder, file))) ? stamp : undefined;
}
