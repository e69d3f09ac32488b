// Tests that the tree paths are read from is a fresh parse's tree, where CodeMirror's time-sliced tree can nest wrongly.
import { yamlLanguage } from '@codemirror/lang-yaml';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { podYaml } from '../../../shared/design/project';
import { readContainerEdit } from './incremental';
import { rangesOfPaths } from './ranges';
import { yamlStructure, yamlStructureField } from './structure';
import { bigPod, busyUpdate, editorCutAt, wrongCut } from './test-support';
import { rangesFromTree } from './tree';

const pod = bigPod(20, 10);
const text = podYaml(pod);
const fresh = yamlLanguage.parser.parse(text).toString();

/** An editor state (with the structure field) whose own tree was finished from a cut at `cut`. */
const cutAt = (cut: number): EditorState => editorCutAt(text, cut, yamlStructureField);

describe('the YAML structure tree', () => {
  const cut = wrongCut(text, text.indexOf('- name: c-15'), text.indexOf('- name: c-19'));

  it('is needed: CodeMirror finishing its tree from a cut one nests later lines wrongly (@lezer/yaml 1.0.4)', () => {
    // If this fails, the parser resumes cut trees correctly now and the editor's own tree could serve again.
    expect(cut).toBeDefined();
    const state = cutAt(cut!);
    const editorTree = ensureSyntaxTree(state, text.length, 1e9)!;
    // The damage is what the YAML panel met in about one run in three: the containers list loses items, so the
    // one-container reading declined every keystroke and tree-placed markers went to the wrong item.
    expect(rangesOfPaths(text, ['spec.containers[19].image'])).not.toEqual(
      rangesFromTree(state, ['spec.containers[19].image'], undefined, editorTree),
    );
  });

  it('is the fresh parse after that cut, and after each of 60 keystrokes with the editor cut before every one', () => {
    let state = cutAt(cut!);
    expect(yamlStructure(state).toString()).toBe(fresh);
    const at = text.indexOf('containerPort: 808\n') + 'containerPort: 808'.length;
    for (let key = 0; key < 60; key++) {
      const changes = key % 2 === 0 ? { from: at, insert: '0' } : { from: at, to: at + 1 };
      state = busyUpdate(state, changes); // the editor's tree cut where the parser stood, as on a busy machine
      ensureSyntaxTree(state, state.doc.length, 1e9);
      expect(yamlStructure(state).toString(), `key ${key}`).toBe(
        yamlLanguage.parser.parse(state.doc.toString()).toString(),
      );
    }
  });

  it('is the fresh parse after edits not read in between, and without the field', () => {
    let state = cutAt(cut!);
    yamlStructure(state);
    for (const [at, insert] of [
      [text.indexOf('image: busybox'), 'x'],
      [text.indexOf('- name: c-3'), '- name: extra\n    '],
      [0, '# a comment\n'],
    ] as const)
      state = state.update({ changes: { from: at, insert } }).state;
    const now = yamlLanguage.parser.parse(state.doc.toString()).toString();
    expect(yamlStructure(state).toString()).toBe(now);
    expect(yamlStructure(EditorState.create({ doc: state.doc })).toString()).toBe(now);
  });

  it('lets a keystroke be read from its container alone after the cut that broke the editor tree', () => {
    const at = text.indexOf('containerPort: 808\n') + 'containerPort: 808'.length;
    const state = cutAt(cut!).update({ changes: { from: at, insert: '0' } }).state;
    const read = readContainerEdit(state, { from: at, to: at + 1 }, pod);
    expect(read).toHaveProperty('pod');
    expect('pod' in read && read.pod.spec.containers[11]!.ports).toEqual([{ containerPort: 8080 }]);
  });

  it('places nothing rather than a wrong line when handed the wrongly nested tree and the Pod', () => {
    const state = cutAt(cut!);
    const editorTree = ensureSyntaxTree(state, text.length, 1e9)!;
    const paths = pod.spec.containers.map((_, i) => `spec.containers[${i}].ports[0].containerPort`);
    expect(rangesFromTree(state, paths, pod, editorTree)).toBeUndefined();
    expect(rangesFromTree(state, paths, pod)).toEqual(rangesOfPaths(text, paths));
  });
});
