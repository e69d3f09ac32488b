// The two-way YAML panel (CodeMirror 6): canvas edits rewrite it, valid typing updates the canvas, diagnostics mark lines.
import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  drawSelection,
  highlightActiveLine,
  lineNumbers,
  type DecorationSet,
} from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pod } from '../../../shared/model';
import { applyValue, parseManifest } from '../../../shared/manifest';
import { podYaml, readProject } from '../../../shared/canvas';
import { rangesOfPaths } from '../canvas/yaml-ranges';
import { diagnosticsOf, graphOf, useDocument } from '../store/document';

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
 * The text for `pod`. Once the user has typed in the editor, their comments and layout are kept (edits are spliced in
 * place) while the text still parses; otherwise the manifest is written afresh in kubectl order.
 */
function textFor(pod: Pod, current: string, typed: boolean): string {
  if (!typed) return podYaml(pod);
  const file = parseManifest(current);
  if (file.problems.length === 0 && file.documents.length === 1) {
    try {
      return applyValue(file, 0, pod).source;
    } catch {
      // An edit the splicer cannot make in place: write the whole manifest afresh.
    }
  }
  return podYaml(pod);
}

function markersFor(text: string, state = useDocument.getState()): Marker[] {
  const diagnostics = diagnosticsOf(state.doc).all;
  const ranges = rangesOfPaths(
    text,
    diagnostics.map((d) => d.path),
  );
  const out: Marker[] = [];
  diagnostics.forEach((d, i) => {
    const r = ranges[i];
    if (r) out.push({ from: r.from, to: r.to, severity: d.severity, message: `${d.code}: ${d.message}` });
  });
  return out;
}

const parseDelayMs = 150;

export function YamlEditor({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const [parseError, setParseError] = useState<string | undefined>();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** The Pod this editor last sent to the store: when the store echoes it back, the text stays as typed. */
    let sentPod: Pod | undefined;
    let applying = false;
    /** True once the user typed here since the last load: from then on their formatting is worth keeping. */
    let typed = false;

    const commitText = (text: string): void => {
      const result = readProject(text);
      if (!result.ok) {
        setParseError(result.error);
        return;
      }
      setParseError(undefined);
      sentPod = result.doc.pod;
      const pod = result.doc.pod;
      useDocument
        .getState()
        .change((doc) => (doc.pod === pod ? doc : { ...doc, pod }), { group: 'yaml', origin: 'yaml' });
      view.current?.dispatch({ effects: setMarkers.of(markersFor(text)) });
    };

    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLine(),
      drawSelection(),
      yaml(),
      syntaxHighlighting(defaultHighlightStyle),
      markerField,
      EditorState.tabSize.of(2),
      EditorView.contentAttributes.of({ 'aria-label': t('yaml.editorLabel') }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged || applying) return;
        typed = true;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => commitText(update.state.doc.toString()), parseDelayMs);
      }),
    ];
    const initial = podYaml(useDocument.getState().doc.pod);
    const editor = new EditorView({ parent: host.current!, state: EditorState.create({ doc: initial, extensions }) });
    view.current = editor;
    editor.dispatch({ effects: setMarkers.of(markersFor(initial)) });

    const unsubscribe = useDocument.subscribe((state, previous) => {
      if (state.doc.pod === previous.doc.pod && state.doc.pidJoins === previous.doc.pidJoins) return;
      const current = editor.state.doc.toString();
      let text = current;
      if (state.origin === 'load') typed = false;
      if (state.doc.pod !== sentPod) {
        if (timer) clearTimeout(timer);
        text = textFor(state.doc.pod, current, typed);
        setParseError(undefined);
        if (text !== current) {
          applying = true;
          editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
          applying = false;
        }
      }
      editor.dispatch({ effects: setMarkers.of(markersFor(text, state)) });
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
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
    const [range] = rangesOfPaths(editor.state.doc.toString(), [path]);
    if (range) editor.dispatch({ effects: EditorView.scrollIntoView(range.from, { y: 'start', yMargin: 8 }) });
  }, [selection, visible]);

  useEffect(() => {
    if (visible) view.current?.requestMeasure();
  }, [visible]);

  return (
    <div className="yaml-panel">
      {parseError && (
        <p className="yaml-error" role="alert">
          {t('yaml.parseError')}: {parseError}
        </p>
      )}
      <div ref={host} className="yaml-editor" data-testid="yaml-editor" />
    </div>
  );
}
