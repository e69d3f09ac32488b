// Writes new Kubernetes objects as YAML in the key order kubectl users expect (apiVersion, kind, metadata, spec...).
import { Document } from 'yaml';
import { isRecord, scalars } from './parse';

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
  for (const node of scalars(doc.contents)) {
    if (typeof node.value !== 'string') continue;
    if (nonCharacter.test(node.value)) node.type = 'QUOTE_DOUBLE';
    else if (!node.type && readsDifferentlyIn11(node.value)) node.type = 'QUOTE_DOUBLE';
  }
  if (commentBefore !== undefined) doc.commentBefore = commentBefore;
  // The yaml library writes U+FFFE and U+FFFF raw even inside double quotes, where YAML (and our reader) want an
  // escape. They can only sit in the scalars forced to double quotes above, so escaping them in the text is safe.
  return doc
    .toString({ lineWidth: 0 })
    .replace(nonCharacters, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The two non-characters YAML may not hold raw (C0 controls the yaml library already escapes). */
const nonCharacter = /[\uFFFE\uFFFF]/;
const nonCharacters = /[\uFFFE\uFFFF]/g;

// What YAML 1.1 resolves a plain scalar to other than a string: booleans, nulls, ints (binary, octal, hex, base 60,
// with underscores), floats and timestamps. Spelled out as one expression because calling a parser per scalar made
// writing a large Pod several times slower.
const yaml11NotString = new RegExp(
  '^(?:' +
    [
      '[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF',
      '~|null|Null|NULL|<<',
      '[-+]?(?:0b[01_]+|0[0-7_]+|[0-9][0-9_]*|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+)',
      '[-+]?(?:[0-9][0-9_]*)?\\.[0-9._]*(?:[eE][-+]?[0-9]+)?',
      '[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+',
      '[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*',
      '[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)',
      '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?',
    ].join('|') +
    ')$',
);

/** Whether a YAML 1.1 reader (kubectl's go-yaml, docker-compose's PyYAML) would take this plain text as a non-string. */
export function readsDifferentlyIn11(s: string): boolean {
  return s.length <= 64 && yaml11NotString.test(s);
}

/** YAML for one object. Sequences are indented under their key, as in the Kubernetes documentation. */
export function writeObject(value: unknown): string {
  return toYamlText(kubectlOrder(value));
}

/** A multi-document YAML stream, `---` between objects. */
export function writeObjects(values: readonly unknown[]): string {
  return values.map(writeObject).join('---\n');
}
