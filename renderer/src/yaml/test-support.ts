// Test support for the YAML panel's tests (no runtime use): a big Pod shaped like the canvas benchmark's 500-node
// design, and editor states whose own syntax tree went through a cut parse.
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState, type ChangeSpec, type Extension } from '@codemirror/state';
import type { Container, Pod, Volume } from '../../../shared/model';

/**
 * `containers` containers (each with a command list, one port and one volume mount) and `volumes` emptyDir volumes.
 * The middle container has no image and listens on 8080; the one after it on 808, so typing a 0 there makes a clash.
 */
export function bigPod(containers: number, volumes: number): Pod {
  const vols: Volume[] = Array.from({ length: volumes }, (_, v) => ({ name: `vol-${v}`, emptyDir: {} }));
  const list: Container[] = Array.from({ length: containers }, (_, c) => ({
    name: `c-${c}`,
    image: 'busybox:1.36',
    command: ['sh', '-c', 'sleep infinity'],
    ports: [{ containerPort: 10000 + c }],
    volumeMounts: [{ name: `vol-${c % volumes}`, mountPath: `/data/${c}` }],
  }));
  const middle = Math.floor(containers / 2);
  delete list[middle]!.image;
  list[middle]!.ports = [{ containerPort: 8080 }];
  list[middle + 1]!.ports = [{ containerPort: 808 }];
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big' }, spec: { containers: list, volumes: vols } };
}

/**
 * An editor state for `text` whose own tree was parsed up to `cut` and then finished from there, as CodeMirror does
 * when a time slice runs out, the view's end is reached or a key arrives mid-parse (`ensureSyntaxTree` to a position
 * cuts the tree exactly there).
 */
export function editorCutAt(text: string, cut: number, extensions: Extension = []): EditorState {
  const state = EditorState.create({ doc: text, extensions: [yaml(), extensions] });
  ensureSyntaxTree(state, cut, 1e9);
  ensureSyntaxTree(state, text.length, 1e9);
  return state;
}

/** The first cut in [from, to) after which CodeMirror's finished tree differs from a fresh parse of `text`. */
export function wrongCut(text: string, from: number, to: number): number | undefined {
  const fresh = yamlLanguage.parser.parse(text).toString();
  for (let cut = from; cut < to; cut++) {
    if (ensureSyntaxTree(editorCutAt(text, cut), text.length, 1e9)!.toString() !== fresh) return cut;
  }
  return undefined;
}

/**
 * Applies `changes` the way a busy machine does: the editor's parse budget per transaction (20 ms) runs out after
 * one parse step, so CodeMirror cuts its tree where the parser stood.
 */
export function busyUpdate(state: EditorState, changes: ChangeSpec): EditorState {
  let clock = Date.now();
  const now = Date.now;
  Date.now = () => (clock += 25);
  try {
    return state.update({ changes }).state;
  } finally {
    Date.now = now;
  }
}
