// Writes new Kubernetes objects as YAML in the key order kubectl users expect (apiVersion, kind, metadata, spec...).
import { stringify } from 'yaml';
import { isRecord } from './parse';

const topOrder = ['apiVersion', 'kind', 'metadata', 'spec', 'data', 'stringData', 'binaryData', 'type', 'status'];
const metadataOrder = ['name', 'generateName', 'namespace', 'labels', 'annotations'];
/** Lists whose items are named objects; `name` leads each item, and for containers `image` follows. */
const namedLists = new Set([
  'containers',
  'initContainers',
  'ephemeralContainers',
  'volumes',
  'env',
  'ports',
  'volumeMounts',
]);

/** A copy of `value` with keys reordered the kubectl way; keys it does not know keep their order after the known ones. */
export function kubectlOrder(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    const named = key !== undefined && namedLists.has(key);
    const containers = key === 'containers' || key === 'initContainers' || key === 'ephemeralContainers';
    return value.map((item) => {
      if (!isRecord(item)) return kubectlOrder(item);
      const ordered = named ? reorder(item, containers ? ['name', 'image'] : ['name']) : item;
      return orderChildren(ordered);
    });
  }
  if (!isRecord(value)) return value;
  if (key === undefined && ('apiVersion' in value || 'kind' in value)) return orderChildren(reorder(value, topOrder));
  if (key === 'metadata') return orderChildren(reorder(value, metadataOrder));
  return orderChildren(value);
}

function orderChildren(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (k === 'template' && isRecord(v)) out[k] = orderChildren(reorder(v, ['metadata', 'spec']));
    else out[k] = kubectlOrder(v, k);
  }
  return out;
}

function reorder(obj: Record<string, unknown>, first: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of first) if (k in obj) out[k] = obj[k];
  for (const [k, v] of Object.entries(obj)) if (!(k in out)) out[k] = v;
  return out;
}

/** YAML for one object. Sequences are indented under their key, as in the Kubernetes documentation. */
export function writeObject(value: unknown): string {
  return stringify(kubectlOrder(value), { lineWidth: 0, aliasDuplicateObjects: false });
}

/** A multi-document YAML stream, `---` between objects. */
export function writeObjects(values: readonly unknown[]): string {
  return values.map(writeObject).join('---\n');
}
