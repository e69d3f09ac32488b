// Tests that reading one edited container item gives what parsing the whole text gives, and declines what it cannot.
import { yaml } from '@codemirror/lang-yaml';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../shared/model';
import { podYaml, readProject } from '../../../shared/design/project';
import { readContainerEdit } from './incremental';

const base: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: {
    initContainers: [{ name: 'init', image: 'busybox', command: ['true'] }],
    containers: [
      { name: 'a', image: 'nginx', ports: [{ containerPort: 8080 }] },
      { name: 'b', image: 'busybox', ports: [{ containerPort: 808 }], env: [{ name: 'X', value: 'why' }] },
    ],
    volumes: [{ name: 'data', emptyDir: {} }],
  },
};
const text = podYaml(base);

/** Applies `insert` at the first match of `at` (after it when `after`), and reads the edit incrementally. */
function edit(at: string, insert: string, replace = 0): { quick: Pod | undefined; full: Pod | undefined } {
  const pos = text.indexOf(at) + at.length;
  expect(pos).toBeGreaterThanOrEqual(at.length);
  const start = EditorState.create({ doc: text, extensions: [yaml()] });
  const tr = start.update({ changes: { from: pos - replace, to: pos, insert } });
  const edited = { from: pos - replace, to: pos - replace + insert.length };
  const full = readProject(tr.state.doc.toString());
  const read = readContainerEdit(tr.state, edited, base);
  return { quick: 'pod' in read ? read.pod : undefined, full: full.ok ? full.doc.pod : undefined };
}

describe('readContainerEdit', () => {
  it('reads a changed port, image, env value and init command as a whole parse does', () => {
    for (const [at, insert, replace] of [
      ['containerPort: 808', '0', 0],
      ['image: nginx', ':1.27', 0],
      ['value: why', 'not', 0],
      ['image: busybox', ':1', 0],
      ['name: b', '2', 0],
    ] as const) {
      const { quick, full } = edit(at, insert, replace);
      expect(quick, at).toBeDefined();
      expect(quick, at).toEqual(full);
    }
  });

  it('declines edits outside one container, edits that add items, and text a single item cannot carry', () => {
    expect(edit('name: p', 'x').quick).toBeUndefined();
    expect(edit('emptyDir: {}', '\n    - name: more\n      emptyDir: {}').quick).toBeUndefined();
    expect(edit('containerPort: 808', '\n    - name: c').quick).toBeUndefined();
    expect(edit('image: nginx', ' &anchor').quick).toBeUndefined();
    expect(edit('image: nginx', ': [').quick).toBeUndefined();
    // An emptied last list item leaves the item's end in doubt: the whole text is read instead.
    expect(edit('- "true"', '', 6).quick).toBeUndefined();
  });
});
