// What one field manager applied to a live object, read back from its managedFields (FieldsV1), as client-go's
// Extract<Kind> does: the fields it owns and nothing else. Re-applying this with one value changed (a Deployment's
// replicas) changes that value alone; applying only the changed field would drop every other field the manager owned,
// and a real kube-apiserver refuses a Deployment stripped so (selector and template required).
type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The part of `value` that the field set `owned` (FieldsV1) names. */
function extract(value: unknown, owned: Json): unknown {
  const keys = Object.keys(owned).filter((k) => k !== '.');
  // A leaf, or a field owned whole: its value as it is.
  if (keys.length === 0) return value;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      for (const key of keys) {
        const sub = isJson(owned[key]) ? owned[key] : {};
        if (key.startsWith('k:')) {
          const match = JSON.parse(key.slice(2)) as Json;
          if (isJson(item) && Object.entries(match).every(([k, v]) => item[k] === v))
            items.push({ ...match, ...(extract(item, sub) as Json) });
        } else if (key.startsWith('v:')) {
          if (JSON.stringify(item) === key.slice(2)) items.push(item);
        }
      }
    }
    return items;
  }
  if (!isJson(value)) return value;
  const out: Json = {};
  for (const key of keys) {
    if (!key.startsWith('f:')) continue;
    const name = key.slice(2);
    if (name in value) out[name] = extract(value[name], isJson(owned[key]) ? owned[key] : {});
  }
  return out;
}

/**
 * The configuration `manager` last applied to `live` (its Apply entries' fields), with the object's identity, or
 * undefined when that manager applied nothing to it.
 */
export function appliedConfiguration(live: Json, manager: string): Json | undefined {
  const meta = isJson(live.metadata) ? live.metadata : {};
  const entries = (Array.isArray(meta.managedFields) ? meta.managedFields : []).filter(
    (e): e is Json => isJson(e) && e.manager === manager && e.operation === 'Apply' && isJson(e.fieldsV1),
  );
  if (entries.length === 0) return undefined;
  let config: Json = {};
  for (const entry of entries) config = merge(config, extract(live, entry.fieldsV1 as Json) as Json);
  const metadata = isJson(config.metadata) ? config.metadata : {};
  return {
    ...config,
    apiVersion: live.apiVersion,
    kind: live.kind,
    metadata: { ...metadata, name: meta.name, ...(meta.namespace ? { namespace: meta.namespace } : {}) },
  };
}

function merge(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isJson(out[k]) && isJson(v) ? merge(out[k], v) : v;
  return out;
}
