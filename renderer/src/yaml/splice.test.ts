// Tests that splicing one container's text gives exactly what writing the whole manifest gives.
import { yaml } from '@codemirror/lang-yaml';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '../../../shared/model';
import { podYaml } from '../../../shared/design/project';
import { spliceContainerEdit } from './splice';

function pod(): Pod {
  const containers: Container[] = [0, 1, 2].map((i) => ({
    name: `c-${i}`,
    image: 'busybox:1.36',
    command: ['sh', '-c', 'sleep infinity'],
    ports: [{ containerPort: 8000 + i }],
    volumeMounts: [{ name: 'data', mountPath: `/data/${i}` }],
  }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', labels: { app: 'x' } },
    spec: {
      initContainers: [{ name: 'init', image: 'busybox', command: ['true'] }],
      containers,
      volumes: [{ name: 'data', emptyDir: {} }],
    },
  };
}

function withContainer(p: Pod, list: 'containers' | 'initContainers', index: number, c: Container): Pod {
  const items = [...(p.spec[list] ?? [])];
  items[index] = c;
  return { ...p, spec: { ...p.spec, [list]: items } };
}

function splice(before: Pod, after: Pod): string | undefined {
  const state = EditorState.create({ doc: podYaml(before), extensions: [yaml()] });
  return spliceContainerEdit(state, before, after);
}

describe('spliceContainerEdit', () => {
  const before = pod();
  const c1 = before.spec.containers[1]!;
  const edits: [string, Pod][] = [
    ['an image typed', withContainer(before, 'containers', 1, { ...c1, image: 'q' })],
    ['an image that YAML 1.1 reads as a boolean', withContainer(before, 'containers', 1, { ...c1, image: 'n' })],
    ['the image removed', withContainer(before, 'containers', 1, { ...c1, image: undefined })],
    ['the last container', withContainer(before, 'containers', 2, { ...before.spec.containers[2]!, args: ['-v'] })],
    ['the first container', withContainer(before, 'containers', 0, { name: 'renamed' })],
    ['an init container', withContainer(before, 'initContainers', 0, { name: 'init', image: 'x', env: [] })],
    [
      'nested lists and multi-line text',
      withContainer(before, 'containers', 1, { ...c1, args: ['line one\nline two', 'yes', '0755'], ports: [] }),
    ],
  ];
  for (const [what, after] of edits) {
    it(`gives the whole writer's text for ${what}`, () => {
      expect(splice(before, after)).toBe(podYaml(after));
    });
  }

  it('declines edits that are not one changed container', () => {
    expect(splice(before, { ...before, metadata: { name: 'other' } })).toBeUndefined();
    expect(
      splice(before, { ...before, spec: { ...before.spec, containers: before.spec.containers.slice(1) } }),
    ).toBeUndefined();
    const two = withContainer(withContainer(before, 'containers', 0, { name: 'a' }), 'containers', 1, { name: 'b' });
    expect(splice(before, two)).toBeUndefined();
    expect(splice(before, { ...before, spec: { ...before.spec, hostNetwork: true } })).toBeUndefined();
  });
});
