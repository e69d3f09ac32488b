import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { podFieldTypes } from '../model/fields';
import { applyFix } from './fix';
import { codes, container, found, makePod } from './testing/pods';

describe('UNKNOWN_FIELD', () => {
  it('finds a misspelt field at its Kubernetes path and offers the rename', () => {
    const pod = makePod({ containers: [container('web', { ports: [{ containerport: 80 } as never] })] });
    const [d] = found(pod, 'UNKNOWN_FIELD');
    expect(d?.path).toBe('spec.containers[0].ports[0].containerport');
    expect(d?.message).toBe('unknown field "containerport" (did you mean "containerPort"?)');
    const fixed = applyFix(pod, d!.fixes[0]!);
    expect(fixed.spec.containers[0]?.ports?.[0]).toEqual({ containerPort: 80 });
    expect(codes(fixed)).toEqual([]);
  });

  it('suggests one-edit typos and walks lists, volumes and metadata', () => {
    const pod = makePod(
      {
        volumes: [{ name: 'v', emptyDir: {}, readonly: true } as never],
        containers: [container('c', { volumeMount: [] } as never)],
      },
      { lables: { a: 'b' } },
    );
    expect(found(pod, 'UNKNOWN_FIELD').map((d) => d.path)).toEqual([
      'metadata.lables',
      'spec.containers[0].volumeMount',
      'spec.volumes[0].readonly',
    ]);
    expect(found(pod, 'UNKNOWN_FIELD')[0]?.message).toMatch(/did you mean "labels"/);
  });

  it('does not look into maps and free-form values (labels, limits, annotations)', () => {
    const pod = makePod(
      { containers: [container('c', { resources: { limits: { 'example.com/anything': '1' } } })] },
      { labels: { anyKey: 'x' } },
    );
    expect(found(pod, 'UNKNOWN_FIELD')).toEqual([]);
  });

  it('knows the 1.34 fields (restartPolicyRules, fileKeyRef) and flags the newer onExit wrapper', () => {
    const pod = makePod({
      initContainers: [
        container('i', {
          restartPolicy: 'Always',
          restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }],
        } as never),
      ],
    });
    expect(found(pod, 'UNKNOWN_FIELD')).toEqual([]);
    const newer = makePod({
      initContainers: [container('i', { restartPolicyRules: [{ action: 'Restart', onExit: {} }] } as never)],
    });
    expect(found(newer, 'UNKNOWN_FIELD').map((d) => d.path)).toEqual([
      'spec.initContainers[0].restartPolicyRules[0].onExit',
    ]);
  });
});

/**
 * The field table must know every field that kubernetes-models declares for the same types, or a valid Pod would
 * be flagged. Read from its .d.ts files, following the type references from IPod.
 */
describe('podFieldTypes against the kubernetes-models declarations', () => {
  const require = createRequire(import.meta.url);
  const modelsRoot = dirname(require.resolve('kubernetes-models/package.json'));
  const machineryRoot = dirname(require.resolve('@kubernetes-models/apimachinery/package.json'));

  function declared(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const queue: string[] = [join(modelsRoot, 'v1', 'Pod.d.ts')];
    while (queue.length > 0) {
      const file = queue.pop()!;
      const type = file.split('/').pop()!.replace('.d.ts', '');
      if (out.has(type)) continue;
      const text = readFileSync(file, 'utf8');
      const body = /export interface I\w+(?: extends [^{]+)? \{([\s\S]*?)\n\}/.exec(text)?.[1];
      if (!body) continue;
      out.set(
        type,
        [...body.matchAll(/^\s{4}"([^"]+)"\??:/gm)].map((m) => m[1]!),
      );
      for (const m of text.matchAll(/import \{ [^}]+ \} from "([^"]+)";/g)) {
        const spec = m[1]!;
        if (spec.startsWith('./')) queue.push(join(dirname(file), `${spec}.d.ts`));
        else if (spec.startsWith('@kubernetes-models/apimachinery/'))
          queue.push(join(machineryRoot, `${spec.slice('@kubernetes-models/apimachinery/'.length)}.d.ts`));
      }
    }
    return out;
  }

  it('covers every declared field of every type it describes', () => {
    const types = declared();
    expect(types.size).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const [type, fields] of types) {
      const known = podFieldTypes[type];
      if (!known) continue;
      for (const field of fields) if (!(field in known)) missing.push(`${type}.${field}`);
    }
    expect(missing).toEqual([]);
    for (const type of [
      'Pod',
      'PodSpec',
      'Container',
      'ContainerPort',
      'Volume',
      'VolumeMount',
      'EnvVar',
      'Probe',
      'ObjectMeta',
    ])
      expect(podFieldTypes[type], type).toBeDefined();
  });
});
