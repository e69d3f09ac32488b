// The rule engine on big Pods: one full validatePod pass for 200 and 1000 containers, beside the YAML parse time.
import { parse, stringify } from 'yaml';
import type { Container, Pod, Volume } from '../shared/model';
import { readDesign } from '../shared/manifest';
import { validatePod } from '../shared/rules';
import { detail, time, type Benchmark, type Metric } from './harness';

/** A Pod that exercises most rules: ports (one clash), mounts of shared volumes, env, resources, probes, a sidecar. */
export function bigPod(containers: number): Pod {
  const volumes: Volume[] = [];
  for (let v = 0; v < Math.ceil(containers / 4); v++) volumes.push({ name: `vol-${v}`, emptyDir: {} });
  const list: Container[] = [];
  for (let i = 0; i < containers; i++) {
    list.push({
      name: `c-${i}`,
      image: 'busybox:1.36',
      command: ['sh', '-c', 'sleep 3600'],
      ports: [
        { name: `p-${i}`, containerPort: 10_000 + i },
        i === containers - 1 ? { containerPort: 10_000 } : { containerPort: 20_000 + i, protocol: 'UDP' },
      ],
      env: [
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'MODE', value: 'bench' },
      ],
      volumeMounts: [{ name: `vol-${Math.floor(i / 4)}`, mountPath: '/data', readOnly: i % 4 !== 0 }],
      resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
      readinessProbe: { tcpSocket: { port: `p-${i}` }, periodSeconds: 5 },
    });
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `big-${containers}`, labels: { app: 'bench' } },
    spec: {
      initContainers: [
        { name: 'proxy', image: 'busybox:1.36', restartPolicy: 'Always', ports: [{ containerPort: 15001 }] },
      ],
      containers: list,
      volumes,
    },
  };
}

const bench: Benchmark = {
  id: 'rules',
  title: 'Rule engine: validatePod on big Pods, beside YAML parsing',
  issue: 4,
  async run(ctx) {
    const metrics: Metric[] = [];
    for (const [size, goal, iterations] of [
      [200, 2, 300],
      [1000, 16, 100],
    ] as const) {
      const pod = bigPod(size);
      const text = stringify(pod);
      const diagnostics = validatePod(pod);
      ctx.log(`${size} containers: ${text.length} characters of YAML, ${diagnostics.length} diagnostics`);
      const validate = await time(() => validatePod(pod), iterations, 10);
      const parseOnly = await time(() => parse(text), Math.max(10, iterations / 10), 2);
      const load = await time(() => readDesign(text, { name: 'bench' }), Math.max(10, iterations / 10), 2);
      metrics.push(
        {
          name: `validatePod, ${size}-container Pod (full pass)`,
          value: +validate.median.toFixed(3),
          unit: 'ms',
          goal: { value: goal, better: 'lower' },
          detail: detail(validate, 3),
        },
        {
          name: `YAML parse of the same Pod (yaml.parse)`,
          value: +parseOnly.median.toFixed(2),
          unit: 'ms',
          detail: `${(text.length / 1024).toFixed(0)} KiB; ${detail(parseOnly)}`,
        },
        {
          name: `readDesign (limits + parse + read) of the same Pod`,
          value: +load.median.toFixed(2),
          unit: 'ms',
          detail: detail(load),
        },
      );
    }
    return metrics;
  },
};

export default bench;
