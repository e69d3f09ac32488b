// The two-way YAML panel (CodeMirror 6): canvas edits rewrite it, valid typing updates the canvas, diagnostics mark lines.
import { yaml } from '@codemirror/lang-yaml';
import { defaultKeymap, indentWithTab } from '@codemirror/commands';
import { defaultHighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  drawSelection,
  highlightActiveLine,
  keymap,
  lineNumbers,
  type DecorationSet,
} from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { YamlPanelModel } from '../yaml/panel';
import type { PanelProblem } from '../yaml/panel-text';
import { yamlMessageInWords } from '../yaml/problem-words';
import { yamlStructureField } from '../yaml/structure';
import { pathRanges } from '../yaml/tree';
import { graphOf, useDocument } from '../store/document';
import { diagnosticsOf } from '../store/diagnostics';
import { diagnosticText } from '../problems-text';
import '../canvas/pods.css';

interface Marker {
  from: number;
  to: number;
  severity: string;
  message: string;
}

const setMarkers = StateEffect.define<Marker[]>();

const markerField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setMarkers)) continue;
      const doc = tr.state.doc;
      const ranges = effect.value
        .filter((m) => m.from <= doc.length)
        .flatMap((m) => {
          const line = doc.lineAt(m.from);
          const to = Math.min(Math.max(m.to, m.from), doc.length);
          const attrs = { title: m.message, 'data-severity': m.severity };
          const out = [
            Decoration.line({ attributes: { class: `cm-diag-line cm-diag-${m.severity}`, ...attrs } }).range(line.from),
          ];
          if (to > m.from)
            out.push(
              Decoration.mark({ class: `cm-diag-mark cm-diag-${m.severity}`, attributes: attrs }).range(m.from, to),
            );
          return out;
        });
      next = Decoration.set(ranges, true);
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/**
 * Markers for the editor's current text, found through its syntax tree (a fresh parse where that is in doubt), and the
 * place a parse problem points at.
 */
function markersFor(editor: EditorView, state = useDocument.getState(), problem?: PanelProblem): Marker[] {
  const diagnostics = diagnosticsOf(state.doc).all;
  const ranges = pathRanges(
    editor.state,
    diagnostics.map((d) => d.path),
    state.doc.pod,
  );
  const out: Marker[] = [];
  diagnostics.forEach((d, i) => {
    const r = ranges[i];
    if (r)
      out.push({ from: r.from, to: r.to, severity: d.severity, message: `${d.code}: ${diagnosticText(i18next.t, d)}` });
  });
  if (problem?.kind === 'yaml') {
    const text = editor.state.doc;
    const line = text.line(Math.min(Math.max(problem.line, 1), text.lines));
    const from = Math.min(line.from + problem.column - 1, line.to);
    // The diagnostics describe the last design that read, not this text: only the parse problem is marked.
    return [{ from, to: line.to, severity: 'error', message: problemText(i18next.t, problem) }];
  }
  return out;
}

/** A parse problem in words: where it is (line and column) and what the YAML reader said, or that no Pod is there. */
export function problemText(t: TFunction, problem: PanelProblem): string {
  if (problem.kind === 'no-pod') return t('editing.yaml.noPod');
  if (problem.kind === 'reader') return diagnosticText(t, problem.diagnostic);
  const message = yamlMessageInWords(t, problem.message);
  return t('editing.yaml.at', { line: problem.line, column: problem.column, message });
}

export function YamlEditor({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const [problem, setProblem] = useState<PanelProblem | undefined>();
  const problemRef = useRef<PanelProblem | undefined>(undefined);

  useEffect(() => {
    const mark = (state = useDocument.getState()) => {
      const editor = view.current;
      if (editor) editor.dispatch({ effects: setMarkers.of(markersFor(editor, state, problemRef.current)) });
    };
    const model: YamlPanelModel = new YamlPanelModel(
      {
        get state() {
          return view.current!.state;
        },
        dispatch: (spec) => view.current!.dispatch(spec),
      },
      {
        problem: (problem) => {
          problemRef.current = problem;
          setProblem(problem);
          mark();
        },
        settled: (state) => mark(state),
      },
    );
    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLine(),
      drawSelection(),
      yaml(),
      yamlStructureField,
      syntaxHighlighting(defaultHighlightStyle),
      markerField,
      EditorState.tabSize.of(2),
      indentUnit.of('  '),
      // Enter keeps the line's indentation (the YAML language's indent service); Tab indents by two spaces (YAML
      // forbids tabs), Escape then Tab leaves the editor. Undo and redo are the document's (actions.ts), not the
      // editor's: the text is part of the design's history.
      keymap.of([...defaultKeymap, indentWithTab]),
      EditorView.contentAttributes.of({ 'aria-label': t('yaml.editorLabel') }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !model.changingText) model.userChanged(update.changes);
      }),
    ];
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({ doc: YamlPanelModel.initialText(), extensions }),
    });
    view.current = editor;
    const stop = model.start();
    mark();
    // Markers carry rule text, so a language switch re-renders them in the new language.
    const relabel = () => mark();
    i18next.on('languageChanged', relabel);
    return () => {
      i18next.off('languageChanged', relabel);
      stop();
      editor.destroy();
    };
    // The editor lives as long as the panel; its label follows the language on the next mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Selecting a node reveals its YAML.
  const selection = useDocument((s) => s.selection);
  useEffect(() => {
    const editor = view.current;
    if (!editor || !visible || selection.length !== 1) return;
    const node = graphOf(useDocument.getState().doc).byId.get(selection[0]!);
    const path =
      node?.kind === 'container'
        ? `spec.${node.list}[${node.index}]`
        : node?.kind === 'volume'
          ? `spec.volumes[${node.index}]`
          : undefined;
    if (!path) return;
    const [range] = pathRanges(editor.state, [path], useDocument.getState().doc.pod);
    if (range) editor.dispatch({ effects: EditorView.scrollIntoView(range.from, { y: 'start', yMargin: 8 }) });
  }, [selection, visible]);

  useEffect(() => {
    if (visible) view.current?.requestMeasure();
  }, [visible]);

  /** Puts the cursor where the parse problem is, in view, and focuses the editor. */
  const revealProblem = (p: Extract<PanelProblem, { kind: 'yaml' }>) => {
    const editor = view.current;
    if (!editor) return;
    const text = editor.state.doc;
    const line = text.line(Math.min(Math.max(p.line, 1), text.lines));
    const at = Math.min(line.from + p.column - 1, line.to);
    editor.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
    editor.focus();
  };

  // A design of several Pods: the panel shows the active one, and says which.
  const podCount = useDocument((s) => s.others.length + 1);
  const podIndex = useDocument((s) => s.active);
  const podName = useDocument((s) => s.doc.pod.metadata?.name ?? '');

  return (
    <div className="yaml-panel">
      {/* One header row (the panel's grid has one above the editor): which Pod, and a parse error. */}
      {(podCount > 1 || problem) && (
        <div className="yaml-head">
          {podCount > 1 && (
            <p className="yaml-pod" data-testid="yaml-pod">
              {t('pods.place', { index: podIndex + 1, count: podCount, name: podName })}
            </p>
          )}
          {problem && (
            <p className="yaml-error" role="alert">
              <strong>{t('editing.yaml.parseErrorShort')}</strong> {problemText(t, problem)}{' '}
              {problem.kind === 'yaml' && (
                <button type="button" className="link" onClick={() => revealProblem(problem)}>
                  {t('editing.yaml.goTo')}
                </button>
              )}
              <span className="hint"> {t('yaml.parseError')}</span>
            </p>
          )}
        </div>
      )}
      <div ref={host} className="yaml-editor" data-testid="yaml-editor" />
    </div>
  );
}
