// Writes new Kubernetes objects as YAML in the key order kubectl users expect (apiVersion, kind, metadata, spec...).
import { Document, parse, visit } from 'yaml';
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

// Objects are built with Object.fromEntries so a key named `__proto__` stays a key instead of becoming a prototype.
function orderChildren(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(obj)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [
        k,
        k === 'template' && isRecord(v) ? orderChildren(reorder(v, ['metadata', 'spec'])) : kubectlOrder(v, k),
      ]),
  );
}

function reorder(obj: Record<string, unknown>, first: readonly string[]): Record<string, unknown> {
  const own = (k: string): boolean => Object.prototype.hasOwnProperty.call(obj, k);
  const known = first.filter(own);
  const rest = Object.keys(obj).filter((k) => !known.includes(k));
  return Object.fromEntries([...known, ...rest].map((k) => [k, obj[k]]));
}

/**
 * YAML text for a value. kubectl (go-yaml) and docker-compose v1 (PyYAML) read YAML 1.1, where a plain `no`, `on`
 * or `0755` is not a string, so strings that YAML 1.1 would read as something else are double-quoted.
 */
export function toYamlText(value: unknown, commentBefore?: string): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && !node.type && readsDifferentlyIn11(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  if (commentBefore !== undefined) doc.commentBefore = commentBefore;
  return doc.toString({ lineWidth: 0 });
}

function readsDifferentlyIn11(s: string): boolean {
  if (s.length === 0 || s.length > 64 || !/^[-+.~<=0-9a-zA-Z]/.test(s) || /\s/.test(s)) return false;
  if (!/^([-+.~<=0-9]|[yYnNtTfFoO][a-zA-Z]{0,4}$)/.test(s)) return false;
  try {
    return parse(s, { version: '1.1' }) !== s;
  } catch {
    return true;
  }
}

/** YAML for one object. Sequences are indented under their key, as in the Kubernetes documentation. */
export function writeObject(value: unknown): string {
  return toYamlText(kubectlOrder(value));
}

/** A multi-document YAML stream, `---` between objects. */
export function writeObjects(values: readonly unknown[]): string {
  return values.map(writeObject).join('---\n');
}
