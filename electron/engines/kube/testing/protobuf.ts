// Just enough of Kubernetes' protobuf envelope to read the one body kubectl sends only as protobuf and Podwright's
// tests cross-check with it: a SelfSubjectAccessReview (`kubectl auth can-i`). Everything else kubectl sends as JSON.

type Fields = Map<number, (Buffer | number)[]>;

function varint(buf: Buffer, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= buf.length) throw new Error('truncated varint');
    const b = buf[at++]!;
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, at];
    shift += 7;
    if (shift > 49) throw new Error('varint too long');
  }
}

/** The fields of one message: numbers for varints, buffers for length-delimited values. */
export function fields(buf: Buffer): Fields {
  const out: Fields = new Map();
  let at = 0;
  while (at < buf.length) {
    const [key, next] = varint(buf, at);
    at = next;
    const field = Math.floor(key / 8);
    const wire = key % 8;
    let value: Buffer | number;
    if (wire === 0) [value, at] = varint(buf, at);
    else if (wire === 2) {
      const [length, start] = varint(buf, at);
      if (start + length > buf.length) throw new Error('truncated field');
      value = buf.subarray(start, start + length);
      at = start + length;
    } else if (wire === 1) {
      value = buf.readDoubleLE(at);
      at += 8;
    } else if (wire === 5) {
      value = buf.readFloatLE(at);
      at += 4;
    } else throw new Error(`unsupported wire type ${wire}`);
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

const text = (f: Fields, n: number): string | undefined => {
  const v = f.get(n)?.[0];
  return Buffer.isBuffer(v) ? v.toString('utf8') : undefined;
};

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** A SelfSubjectAccessReview from its protobuf body, as JSON. */
export function selfSubjectAccessReview(body: Buffer): Record<string, unknown> {
  if (!body.subarray(0, 4).equals(MAGIC)) throw new Error('not a Kubernetes protobuf body');
  const unknown = fields(body.subarray(4));
  const raw = unknown.get(2)?.[0];
  if (!Buffer.isBuffer(raw)) throw new Error('no object in the protobuf envelope');
  const spec = fields((fields(raw).get(2)?.[0] as Buffer | undefined) ?? Buffer.alloc(0));
  const attrs = spec.get(1)?.[0];
  if (!Buffer.isBuffer(attrs)) return { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: {} };
  const a = fields(attrs);
  const resourceAttributes: Record<string, string> = {};
  ['namespace', 'verb', 'group', 'version', 'resource', 'subresource', 'name'].forEach((name, i) => {
    const value = text(a, i + 1);
    if (value !== undefined && value !== '') resourceAttributes[name] = value;
  });
  return { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes } };
}
