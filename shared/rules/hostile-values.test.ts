// A file can give any field an object whose toString and valueOf are not functions ({ toString: 0 } is plain YAML), and
// String() or a template literal of it throws. No rule may: each names such a value as JSON (found in CI, see issue 16).
import { describe, expect, it } from 'vitest';
import { readDesign } from '../manifest';
import { checkDesign } from './index';

const hostile = { toString: 0, valueOf: 0 };

const specs: Record<string, unknown>[] = [
  { containers: [{ name: 'a', image: 'x', resources: { limits: { memory: hostile, cpu: hostile } } }] },
  { containers: [{ name: 'a', image: 'x', resources: { limits: { memory: '1Gi' }, requests: { memory: hostile } } }] },
  { containers: [{ name: 'a', image: 'x', resources: { limits: { memory: hostile }, requests: { memory: '2Gi' } } }] },
  {
    securityContext: { windowsOptions: { hostProcess: hostile } },
    containers: [{ name: 'a', image: 'x', securityContext: { windowsOptions: { hostProcess: true } } }],
  },
  { hostNetwork: true, containers: [{ name: 'a', image: 'x', ports: [{ containerPort: hostile, hostPort: 5 }] }] },
  {
    containers: [{ name: 'a', image: 'x' }],
    volumes: [
      {
        name: 'v',
        configMap: {
          name: hostile,
          items: [
            { key: 'a', path: 'p' },
            { key: 'b', path: 'p' },
          ],
        },
      },
    ],
  },
];

describe('a value whose toString is not a function', () => {
  it.each(specs.map((spec, i) => [i, spec] as const))('Pod %i: checked without throwing', (_i, spec) => {
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
    expect(() => checkDesign(readDesign(text, { name: 'hostile.yaml' }))).not.toThrow();
  });

  it('names it in the message as JSON', () => {
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: specs[5] });
    const messages = checkDesign(readDesign(text, { name: 'hostile.yaml' })).pods.flatMap((p) =>
      p.diagnostics.map((d) => d.message),
    );
    expect(messages.join('\n')).toContain('{\\"toString\\":0,\\"valueOf\\":0}');
  });
});
