// Manifests: parse and write a 1000-container Pod, and edit one field of it in place.
import { parseAllDocuments } from 'yaml';
import { applyValue, parseManifest, setIn, writeObject } from '../shared/manifest';
import { detail, time, type Benchmark } from './harness';

const CONTAINERS = 1000;

/** A Pod the size of a stress test: each container with ports, env, mounts, probes and resources. */
function bigPod(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'big',
      labels: { app: 'big' },
      annotations: { 'podwright.dev/layout': '{"version":1,"nodes":{}}' },
    },
    spec: {
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: Array.from({ length: CONTAINERS }, (_, i) => ({
        name: `c${i}`,
        image: `registry.example/app:${i}`,
        command: ['sh', '-c', `echo container ${i} && sleep 3600`],
        ports: [{ name: `p${i}`, containerPort: 10_000 + i, protocol: 'TCP' }],
        env: [
          { name: 'INDEX', value: String(i) },
          { name: 'MODE', value: 'no' },
        ],
        volumeMounts: [{ name: 'shared', mountPath: `/data/${i}` }],
        readinessProbe: { tcpSocket: { port: 10_000 + i }, periodSeconds: 5 },
        resources: { limits: { cpu: '100m', memory: '64Mi' } },
      })),
    },
  };
}

const bench: Benchmark = {
  id: 'manifest',
  title: 'Manifests: parse + write of a 1000-container Pod',
  issue: 5,
  async run(ctx) {
    const pod = bigPod();
    const text = writeObject(pod);
    const file = parseManifest(text);
    if (file.problems.length > 0) throw new Error(file.problems[0]!.message);
    ctx.log(`${CONTAINERS} containers: ${text.length} characters, ${text.split('\n').length} lines`);

    const parse = await time(() => parseManifest(text), 20);
    const library = await time(() => parseAllDocuments(text).map((d) => d.toJS()), 20);
    const write = await time(() => writeObject(pod), 20);
    const both = await time(() => writeObject(parseManifest(text).documents[0]!.value), 20);
    let n = 0;
    const edit = await time(
      () => setIn(file, 0, ['spec', 'containers', 500, 'image'], `registry.example/app:v${n++}`),
      20,
    );
    const next = structuredClone(file.documents[0]!.value) as { spec: { containers: { image: string }[] } };
    next.spec.containers[999]!.image = 'registry.example/app:new';
    const diff = await time(() => applyValue(file, 0, next), 10);
    return [
      {
        name: `parse + write, ${CONTAINERS}-container Pod`,
        value: both.median,
        unit: 'ms',
        detail: detail(both),
      },
      {
        name: 'parse alone (yaml CST + Document, limits, number checks)',
        value: parse.median,
        unit: 'ms',
        detail: detail(parse),
      },
      {
        name: 'for comparison: yaml parseAllDocuments + toJS, no checks',
        value: library.median,
        unit: 'ms',
        detail: detail(library),
      },
      {
        name: 'write alone (kubectl key order, YAML 1.1-safe quoting)',
        value: write.median,
        unit: 'ms',
        detail: detail(write),
      },
      {
        name: 'edit one field in place (splice + re-read + verify)',
        value: edit.median,
        unit: 'ms',
        detail: detail(edit),
      },
      { name: 'applyValue with one changed field (diff + edit)', value: diff.median, unit: 'ms', detail: detail(diff) },
    ];
  },
};

export default bench;
