// Tests that typing into a 500-node design keeps every diagnostic marker on the line its path names, keystroke after
// keystroke, read the way the YAML panel reads them (one container at a time, markers through the syntax tree).
import { ensureSyntaxTree } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../shared/model';
import { podYaml } from '../../../shared/design/project';
import { validatePod } from '../../../shared/rules';
import { readContainerEdit } from './incremental';
import { rangesOfPaths } from './ranges';
import { yamlStructureField } from './structure';
import { bigPod, busyUpdate, editorCutAt, wrongCut } from './test-support';
import { pathRanges } from './tree';

/** Where each key goes: after a piece of text (found afresh each time), typing `key` and then taking it back. */
const places = [
  { after: 'containerPort: 808\n', back: 1, key: '0' }, // the port clash with the container before it
  { after: '- name: c-299\n      image: busybox:1.36\n', back: 1, key: 'x' }, // the last container's image
  { after: '- name: c-0\n', back: 1, key: 'q' }, // the first container's name
  { after: 'mountPath: /data/200\n', back: 1, key: '7' }, // a mount far down the list
];

describe('markers while typing into a 500-node design', () => {
  it('sit on the line of their path after each of 60 keystrokes, with no whole-text read', () => {
    let pod: Pod = bigPod(300, 199);
    const loaded = podYaml(pod);
    // The design arrives with the editor's own tree finished from a cut that nests it wrongly: the one run in three.
    const cut = wrongCut(loaded, loaded.indexOf('- name: c-250'), loaded.indexOf('- name: c-260'));
    expect(cut).toBeDefined();
    let state = editorCutAt(loaded, cut!, yamlStructureField);
    const declined: string[] = [];
    let checked = 0;
    let at = 0;
    for (let key = 0; key < 60; key++) {
      const place = places[Math.floor(key / 2) % places.length]!;
      const text = state.doc.toString();
      if (key % 2 === 0) at = text.indexOf(place.after) + place.after.length - place.back;
      expect(at, place.after).toBeGreaterThan(place.after.length);
      // Type on even keys, take it back on odd ones.
      const changes = key % 2 === 0 ? { from: at, insert: place.key } : { from: at, to: at + 1 };
      state = busyUpdate(state, changes);
      // The editor's own tree is finished later from where it was cut (the parse worker, or a caller asking for it).
      ensureSyntaxTree(state, state.doc.length, 1e9);
      const edited = key % 2 === 0 ? { from: at, to: at + 1 } : { from: at, to: at };
      const read = readContainerEdit(state, edited, pod);
      if (!('pod' in read)) declined.push(`key ${key}: ${read.declined}`);
      else pod = read.pod;

      const diagnostics = validatePod(pod);
      const paths = [...new Set(diagnostics.flatMap((d) => [d.path, ...d.related]))];
      const lineOf = (pos: number | undefined) => (pos === undefined ? undefined : state.doc.lineAt(pos).number);
      const truth = rangesOfPaths(state.doc.toString(), paths);
      const marked = pathRanges(state, paths, pod);
      paths.forEach((path, i) => {
        expect(lineOf(marked[i]?.from), `key ${key}: ${path}`).toBe(lineOf(truth[i]?.from));
        checked++;
      });
    }
    expect(declined).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  }, 120_000);
});
