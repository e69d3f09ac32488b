// Tests that paths found through the editor's syntax tree land where a fresh parse (yaml/ranges.ts) puts them.
import { yaml } from '@codemirror/lang-yaml';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { validatePod } from '../../../shared/rules';
import { podYaml, readProject } from '../../../shared/design/project';
import { rangesOfPaths } from './ranges';
import { yamlStructure } from './structure';
import { itemSpan, rangesFromTree } from './tree';

const examples = import.meta.glob('../../../assets/examples/*.pod.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function stateOf(text: string): EditorState {
  return EditorState.create({ doc: text, extensions: [yaml()] });
}

const handWritten = `# a comment
apiVersion: v1
kind: Pod
metadata: {name: "web", labels: {app: web}}
spec:
  'containers':
  - name: a
    image: !!str nginx
    ports: [{containerPort: 80}, {containerPort: 80, hostPort: 8080}]
    env:
      - name: X
        value: |
          many
          lines
  -   name: b
      command: ["sh", "-c"]
  volumes: []
`;

const paths = [
  'spec.containers[0].image',
  'spec.containers[0].ports[1].hostPort',
  'spec.containers[0].ports[1]',
  'spec.containers[0].env[0].value',
  'spec.containers[1].image',
  'spec.containers[1].command[1]',
  'spec.containers[2].image',
  'spec.volumes[0].name',
  'metadata.name',
  'metadata.labels.app',
  'spec.shareProcessNamespace',
  'spec',
];

describe('ranges from the editor tree', () => {
  it('agrees with a fresh parse on hand-written YAML (flow style, quotes, tags, block scalars, missing paths)', () => {
    expect(rangesFromTree(stateOf(handWritten), paths)).toEqual(rangesOfPaths(handWritten, paths));
  });

  it('gives no answer when the text and the Pod it is said to be disagree on a list or key along a path', () => {
    const read = readProject(handWritten);
    if (!read.ok) throw new Error(read.error);
    const pod = read.doc.pod;
    const state = stateOf(handWritten);
    expect(rangesFromTree(state, ['spec.containers[1].image'], pod)).toEqual(
      rangesOfPaths(handWritten, ['spec.containers[1].image']),
    );
    const threeContainers = { ...pod, spec: { ...pod.spec, containers: [...pod.spec.containers, { name: 'c' }] } };
    expect(rangesFromTree(state, ['spec.containers[1].image'], threeContainers)).toBeUndefined();
    const withPid = { ...pod, spec: { ...pod.spec, shareProcessNamespace: true } };
    expect(rangesFromTree(state, ['spec.shareProcessNamespace'], withPid)).toBeUndefined();
  });

  it('gives no answer through a block list or mapping whose lines are not where the tree nests them', () => {
    // A mapping cut short: the tree of the text without its last key, read against the text with it.
    const text = 'spec:\n  containers:\n    - name: a\n      image: x\n  volumes: []\n';
    const short = stateOf(text.replace('  volumes: []\n', ''));
    const tree = yamlStructure(short);
    expect(rangesFromTree(stateOf(text), ['spec.containers[0].image'], undefined, tree)).toBeUndefined();
  });

  it('agrees with a fresh parse for every diagnostic of every example', () => {
    expect(Object.keys(examples).length).toBeGreaterThanOrEqual(6);
    for (const [file, source] of Object.entries(examples)) {
      const read = readProject(source);
      if (!read.ok) throw new Error(read.error);
      const text = podYaml(read.doc.pod);
      const all = [...paths, ...validatePod(read.doc.pod).flatMap((d) => [d.path, ...d.related])];
      expect(rangesFromTree(stateOf(text), all), file).toEqual(rangesOfPaths(text, all));
      // Checked against the Pod the text says, the tree is trusted for every path (no fresh parse needed).
      expect(rangesFromTree(stateOf(text), all, read.doc.pod), file).toEqual(rangesOfPaths(text, all));
    }
  });

  it('finds the span of one list item, from its dash to its last character', () => {
    const state = stateOf(handWritten);
    const span = itemSpan(state, ['spec', 'containers', 1])!;
    expect(handWritten.slice(span.from, span.to)).toBe('-   name: b\n      command: ["sh", "-c"]');
    expect(itemSpan(state, ['spec', 'containers', 5])).toBeUndefined();
  });
});
