// Property test: random sequences of edits through the canvas, the inspector and the YAML panel (the real panel model
// on a headless editor), interleaved with undo, redo, Pod switches and pauses in typing. After every step the YAML
// text, the canvas graph and the inspector's Pod describe the same document; a text that does not read is exactly what
// was typed, with its problem reported, and the design is the last one that read.
import { EditorState, type ChangeSpec, type TransactionSpec } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildGraph,
  connect,
  emptyDocument,
  removeSelection,
  servicesOf,
  updateVolume,
  type CanvasDocument,
} from '../../../shared/design';
import type { Pod } from '../../../shared/model';
import { addItem, paletteGroups } from '../canvas/items';
import { changeContainer } from '../components/inspector/container-edit';
import { redo, undo, useDocument } from '../store/document';
import { YamlPanelModel, type PanelHost } from './panel';
import { readPanelText, type PanelProblem } from './panel-text';
import { yamlStructureField } from './structure';

/** An editor without a view: the panel model changes it through dispatch, the test types into it the same way. */
class HeadlessEditor implements PanelHost {
  state = EditorState.create({ doc: YamlPanelModel.initialText(), extensions: [yaml(), yamlStructureField] });
  problem: PanelProblem | undefined;
  readonly model = new YamlPanelModel(this, {
    problem: (p) => (this.problem = p),
    settled: () => undefined,
  });

  dispatch(spec: TransactionSpec): void {
    const tr = this.state.update(spec);
    this.state = tr.state;
    if (tr.docChanged && !this.model.changingText) this.model.userChanged(tr.changes);
  }

  type(changes: ChangeSpec): void {
    this.dispatch({ changes });
  }

  get text(): string {
    return this.state.doc.toString();
  }
}

type Edit =
  | { kind: 'add'; item: number }
  | { kind: 'remove'; node: number }
  | { kind: 'connect'; container: number; volume: number }
  | { kind: 'move'; node: number; dx: number; dy: number }
  | { kind: 'renameContainer'; container: number; letters: string }
  | { kind: 'image'; container: number; letters: string }
  | { kind: 'port'; container: number; port: number }
  | { kind: 'renameVolume'; volume: number; letter: string }
  | { kind: 'podName'; letters: string }
  | { kind: 'yamlInsert'; line: number; column: number; text: string }
  | { kind: 'yamlDelete'; at: number; length: number }
  | { kind: 'yamlValue'; key: 'image' | 'name'; occurrence: number; letter: string }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'pause' }
  | { kind: 'addPod' }
  | { kind: 'activate'; pod: number };

const paletteItems = paletteGroups.flatMap((g) => g.items);
const letters = fc.stringMatching(/^[a-z0-9-]{1,3}$/);
/** What people type into YAML: names and values, punctuation that breaks it, and the Enter key. */
const yamlTyping = fc.constantFrom(
  'a',
  'x1',
  ':',
  ' ',
  '-',
  '\n',
  '\n  ',
  '"',
  '[',
  'b: 1',
  '  - name: z\n',
  '#',
  '\t',
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add'), item: fc.nat(paletteItems.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove'), node: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('connect'), container: fc.nat(6), volume: fc.nat(6) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('move'),
      node: fc.nat(20),
      dx: fc.integer({ min: -50, max: 50 }),
      dy: fc.integer({ min: -50, max: 50 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('renameContainer'), container: fc.nat(6), letters }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('image'), container: fc.nat(6), letters }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('port'), container: fc.nat(6), port: fc.integer({ min: 1, max: 70000 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('renameVolume'), volume: fc.nat(6), letter: letters }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('podName'), letters }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('yamlInsert'), line: fc.nat(60), column: fc.nat(20), text: yamlTyping }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('yamlDelete'), at: fc.nat(2000), length: fc.integer({ min: 1, max: 3 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('yamlValue'),
      key: fc.constantFrom('image' as const, 'name' as const),
      occurrence: fc.nat(5),
      letter: letters,
    }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'redo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pause' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'addPod' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('activate'), pod: fc.nat(3) }) },
);

const nth = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

/** Applies one edit the way its view does: the canvas and inspector through the store, the YAML by typing. */
function apply(e: Edit, editor: HeadlessEditor): void {
  const store = useDocument.getState();
  const graph = buildGraph(store.doc);
  const containers = graph.nodes.filter((n) => n.kind === 'container');
  const volumes = graph.nodes.filter((n) => n.kind === 'volume');
  switch (e.kind) {
    case 'add':
      addItem(paletteItems[e.item]!);
      return;
    case 'remove': {
      const node = nth(graph.nodes, e.node);
      if (node) store.change((doc) => removeSelection(doc, [node.id]));
      return;
    }
    case 'connect': {
      const from = nth(containers, e.container);
      const to = nth(volumes, e.volume);
      if (!from || !to) return;
      const result = connect(store.doc, from.id, to.id);
      if (!('refused' in result)) store.change(() => result.doc);
      return;
    }
    case 'move': {
      const node = nth(graph.nodes, e.node);
      if (!node) return;
      store.drag({ [node.id]: { x: node.position.x + e.dx, y: node.position.y + e.dy } });
      store.endDrag();
      return;
    }
    case 'renameContainer':
    case 'image': {
      const node = nth(containers, e.container);
      if (node?.kind !== 'container') return;
      const field = e.kind === 'image' ? 'image' : 'name';
      // One key at a time, as typing into the field does.
      for (const letter of e.letters)
        changeContainer(
          node.list,
          node.index,
          (c) => ({ ...c, [field]: `${(c[field] as string | undefined) ?? ''}${letter}` }),
          `spec.${node.list}[${node.index}].${field}`,
        );
      return;
    }
    case 'port': {
      const node = nth(containers, e.container);
      if (node?.kind !== 'container') return;
      changeContainer(
        node.list,
        node.index,
        (c) => ({ ...c, ports: [...(c.ports ?? []), { containerPort: e.port }] }),
        `spec.${node.list}[${node.index}].ports`,
      );
      return;
    }
    case 'renameVolume': {
      const node = nth(volumes, e.volume);
      if (node?.kind !== 'volume') return;
      store.change((doc) => updateVolume(doc, node.index, (v) => ({ ...v, name: `${v.name}${e.letter}` })), {
        group: `spec.volumes[${node.index}].name`,
      });
      return;
    }
    case 'podName':
      for (const letter of e.letters)
        store.change(
          (doc) => ({
            ...doc,
            pod: { ...doc.pod, metadata: { ...doc.pod.metadata, name: `${doc.pod.metadata?.name ?? ''}${letter}` } },
          }),
          { group: 'pod.name' },
        );
      return;
    case 'yamlInsert': {
      const doc = editor.state.doc;
      const line = doc.line((e.line % doc.lines) + 1);
      editor.type({ from: line.from + Math.min(e.column, line.length), insert: e.text });
      return;
    }
    case 'yamlDelete': {
      const length = editor.state.doc.length;
      if (length === 0) return;
      const from = e.at % length;
      editor.type({ from, to: Math.min(length, from + e.length) });
      return;
    }
    case 'yamlValue': {
      // Click at the end of the n-th `image:` or `- name:` line and type there, key by key.
      const lines = editor.text.split('\n');
      const hits = lines.map((l, i) => [l, i] as const).filter(([l]) => new RegExp(`^\\s*-?\\s*${e.key}: \\S`).test(l));
      const hit = nth(hits, e.occurrence);
      if (!hit) return;
      const end = editor.state.doc.line(hit[1] + 1).to;
      [...e.letter].forEach((letter, i) => editor.type({ from: end + i, insert: letter }));
      return;
    }
    case 'undo':
      undo();
      return;
    case 'redo':
      redo();
      return;
    case 'pause':
      vi.advanceTimersByTime(1100);
      return;
    case 'addPod':
      if (store.others.length < 3) store.addPod();
      return;
    case 'activate':
      store.activate(e.pod % (store.others.length + 1));
      return;
  }
}

/** The Pod as plain data, as a YAML round trip has it. */
const plain = (pod: Pod): unknown => JSON.parse(JSON.stringify(pod));

function graphShape(doc: CanvasDocument): string[] {
  const graph = buildGraph(doc);
  return [...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)].sort();
}

/** The panel's text, the canvas and the inspector describe the active Pod of the store. */
function expectAgreement(editor: HeadlessEditor, history: string): void {
  const state = useDocument.getState();
  const reading = readPanelText(editor.text);
  if ('problem' in reading) {
    // Broken typing stays as typed, and says why; the canvas and inspector keep the last design that read.
    expect(state.typed?.text, history).toBe(editor.text);
    expect(state.typed?.pod, history).toBe(state.doc.pod);
    expect(editor.problem, history).toEqual(reading.problem);
    return;
  }
  expect(editor.problem, history).toBeUndefined();
  // The YAML says what the document says.
  expect(plain(reading.pod), history).toEqual(plain(state.doc.pod));
  // The canvas draws what the YAML says: the same nodes and edges from the text's Pod as from the document's.
  expect(graphShape({ ...state.doc, pod: reading.pod }), history).toEqual(graphShape(state.doc));
  // The inspector shows the selected thing of this document: every selected id is a node or edge of it, the Pod, or
  // one of the design's Services (drawn beside the Pods, not in one).
  const graph = buildGraph(state.doc);
  const services = new Set(servicesOf(state.companions).map((service) => service.id));
  for (const id of state.selection)
    expect(
      id === 'pod' || graph.byId.has(id) || graph.edges.some((x) => x.id === id) || services.has(id),
      `${history}\nselected ${id}`,
    ).toBe(true);
}

describe('the YAML panel, the canvas and the inspector agree through any edits, undo and redo', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    useDocument.getState().load(emptyDocument(), null);
  });
  afterEach(() => vi.useRealTimers());

  it('after every step', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 40 }), (edits) => {
        useDocument.getState().load(emptyDocument(), null);
        const editor = new HeadlessEditor();
        const stop = editor.model.start();
        const done: string[] = [];
        try {
          for (const e of edits) {
            apply(e, editor);
            done.push(JSON.stringify(e));
            // Keys typed a moment ago are read before anything looks at the design (as the next frame would).
            editor.model.flush();
            // Typing within the group window is one undo step; moving the clock past it between steps makes steps.
            vi.advanceTimersByTime(e.kind.startsWith('yaml') ? 50 : 0);
            expectAgreement(editor, done.join('\n'));
          }
          // Undo all the way back, then redo all the way forward: the text follows at each step.
          while (useDocument.temporal.getState().pastStates.length > 0) {
            undo();
            expectAgreement(editor, `${done.join('\n')}\nundo to the start`);
          }
          expect(editor.text).toBe(YamlPanelModel.initialText());
          while (useDocument.temporal.getState().futureStates.length > 0) {
            redo();
            expectAgreement(editor, `${done.join('\n')}\nredo to the end`);
          }
        } finally {
          stop();
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('redo after undo of typing shows the typed text again, and the next key edits it (the bug of issue 22)', () => {
    const editor = new HeadlessEditor();
    const stop = editor.model.start();
    try {
      addItem({ type: 'container', preset: 'container' });
      const at = editor.text.indexOf('- name: app') + '- name: app'.length;
      for (const [i, key] of [...'\n      image: nginx'].entries()) editor.type({ from: at + i, insert: key });
      editor.model.flush();
      expect(useDocument.getState().doc.pod.spec.containers[0]!.image).toBe('nginx');
      undo();
      expect(editor.text).not.toContain('image');
      redo();
      expect(editor.text).toContain('image: nginx');
      undo();
      editor.type({ from: editor.text.indexOf('my-pod') + 6, insert: 'x' });
      editor.model.flush();
      expect(useDocument.getState().doc.pod.metadata.name).toBe('my-podx');
      expect(useDocument.getState().doc.pod.spec.containers[0]!.image).toBeUndefined();
      expect(editor.text).not.toContain('image');
    } finally {
      stop();
    }
  });
});
