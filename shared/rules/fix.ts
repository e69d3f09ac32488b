// Applies a quick fix to a Pod without changing the original: a small JSON Patch (add, replace, remove).
import type { Pod } from '../model/pod';
import type { PatchOperation, QuickFix } from './types';

/** JSON Pointer for Kubernetes-style segments: pointer('spec', 'containers', 1, 'name') → /spec/containers/1/name */
export function pointer(...segments: (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    const s = String(segment);
    out += '/' + (s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s);
  }
  return out;
}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new Error(`not a JSON Pointer: ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayIndex(key: string, length: number, appendAllowed: boolean): number {
  if (appendAllowed && key === '-') return length;
  if (!/^(0|[1-9][0-9]*)$/.test(key)) throw new Error(`not an array index: ${key}`);
  const index = Number(key);
  if (index > length || (!appendAllowed && index >= length)) throw new Error(`index ${key} out of range`);
  return index;
}

/** Copies only the containers along the path, so unchanged branches stay shared with the input. */
function applyAt(node: unknown, keys: string[], op: PatchOperation): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) {
    if (op.op === 'remove') throw new Error('cannot remove the root');
    return op.value;
  }
  if (Array.isArray(node)) {
    const copy = node.slice();
    if (rest.length > 0) {
      const index = arrayIndex(key, node.length, false);
      copy[index] = applyAt(node[index], rest, op);
    } else if (op.op === 'add') {
      copy.splice(arrayIndex(key, node.length, true), 0, op.value);
    } else if (op.op === 'replace') {
      copy[arrayIndex(key, node.length, false)] = op.value;
    } else {
      copy.splice(arrayIndex(key, node.length, false), 1);
    }
    return copy;
  }
  if (!isRecord(node)) {
    // Missing parents of an `add` are created, so a fix can add `volumes` to a Pod that has none; a null parent is
    // the zero value Go reads it as (a `containers: [null]` entry is an empty container), so it is created too.
    if ((node === undefined || node === null) && op.op === 'add')
      return applyAt(/^(0|-)$/.test(key) ? [] : {}, keys, op);
    throw new Error(`cannot apply ${op.op} below a non-object at ${key}`);
  }
  const copy: Record<string, unknown> = { ...node };
  if (rest.length > 0) copy[key] = applyAt(node[key], rest, op);
  else if (op.op === 'remove') {
    if (!Object.hasOwn(node, key)) throw new Error(`nothing to remove at ${key}`);
    delete copy[key];
  } else copy[key] = op.value;
  return copy;
}

/** The Pod with the fix applied. Throws when the fix no longer fits the Pod (it was made for another version). */
export function applyFix(pod: Pod, fix: QuickFix): Pod {
  let result: unknown = pod;
  for (const op of fix.patch) result = applyAt(result, parsePointer(op.path), op);
  return result as Pod;
}
