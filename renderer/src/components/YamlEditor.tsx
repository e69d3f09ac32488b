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
import i18next from 'i18next';
import type { Pod } from '../../../shared/model';
import { applyValue, parseManifest } from '../../../shared/manifest';
import { podYaml, readProject } from '../../../shared/design';
import { readContainerEdit } from '../canvas/yaml-incremental';
import { spliceContainerEdit } from '../canvas/yaml-splice';
import { yamlStructureField } from '../canvas/yaml-structure';
import { pathRanges } from '../canvas/yaml-tree';
import { diagnosticsOf, graphOf, useDocument } from '../store/document';
import { shareStructure } from '../store/share';
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

/** Markers for the editor's current text, found through its syntax tree (a fresh parse where that is in doubt). */
function markersFor(editor: EditorView, state = useDocument.getState()): Marker[] {
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
  return out;
}

/**
 * How long typing must pause before the text is parsed into the design, when parsing is slow: in a big design a parse
 * per keystroke would hold up the next keystroke's echo. A design that parses quickly is parsed on every keystroke.
 */
const parseDelayMs = 150;
const quickParseMs = 20;

/** Replaces the editor's text with `next` by changing only the part that differs, so the editor re-parses little. */
function replaceText(editor: EditorView, next: string): void {
  const current = editor.state.doc.toString();
  if (current === next) return;
  let start = 0;
  const shortest = Math.min(current.length, next.length);
  while (start < shortest && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shortest - start &&
    current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  )
    end++;
  editor.dispatch({
    changes: { from: start, to: current.length - end, insert: next.slice(start, next.length - end) },
  });
}

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
    /** The Pod whose written manifest the editor shows, exactly; a canvas edit to one container splices its item. */
    let shownPod: Pod | undefined;
    /** How long the last parse of the text took; slow parses wait for a pause in typing. */
    let lastParseMs = 0;
    let verifyTimer: ReturnType<typeof setTimeout> | undefined;
    let reparseTimer: ReturnType<typeof setTimeout> | undefined;
    /** The Pod the text said before the typing not yet read, and where that typing is (in the current text). */
    let basePod: Pod | undefined = useDocument.getState().doc.pod;
    let pending: { from: number; to: number } | undefined;

    /** Puts a Pod read from the text into the design (one undo step per typing burst) and marks the text. */
    const commitPod = (pod: Pod): void => {
      setParseError(undefined);
      sentPod = pod;
      basePod = pod;
      pending = undefined;
      shownPod = undefined;
      useDocument
        .getState()
        .change((doc) => (doc.pod === pod ? doc : { ...doc, pod }), { group: 'yaml', origin: 'yaml' });
      if (view.current) view.current.dispatch({ effects: setMarkers.of(markersFor(view.current)) });
    };

    /**
     * Reads the typing into the design: an edit inside one container's item is read from that item alone, anything
     * else from the whole text. Parts equal to the current design keep their identity, so only what changed redraws.
     */
    const commitText = (): void => {
      const editor = view.current;
      if (!editor) return;
      const started = performance.now();
      const current = useDocument.getState().doc.pod;
      const quick =
        pending && basePod === current
          ? readContainerEdit(editor.state, pending, basePod)
          : { declined: 'the design changed since the text was read' };
      if ('pod' in quick) {
        // The one-item reading is quick by nature; time spent here parsing the text's tree once is not per key.
        lastParseMs = 0;
        commitPod(shareStructure(current, quick.pod));
        reparseLater();
        return;
      }
      // Why a keystroke costs a whole-text read; the benchmark counts these (hidden unless the console shows debug).
      console.debug(`podwright: YAML read whole: ${quick.declined}`);
      const result = readProject(editor.state.doc.toString());
      lastParseMs = performance.now() - started;
      if (!result.ok) {
        setParseError(result.error);
        return;
      }
      commitPod(shareStructure(current, result.doc.pod));
    };

    /** Once typing pauses, the whole text is read as well; where it differs from the one-item reading, it wins. */
    const reparseLater = (): void => {
      if (reparseTimer) clearTimeout(reparseTimer);
      reparseTimer = setTimeout(() => {
        const editor = view.current;
        const current = useDocument.getState().doc.pod;
        if (!editor || pending || current !== sentPod) return;
        const result = readProject(editor.state.doc.toString());
        if (!result.ok) {
          setParseError(result.error);
          return;
        }
        const pod = shareStructure(current, result.doc.pod);
        if (pod !== current) commitPod(pod);
      }, 1000);
    };

    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLine(),
      drawSelection(),
      yaml(),
      yamlStructureField,
      syntaxHighlighting(defaultHighlightStyle),
      markerField,
      EditorState.tabSize.of(2),
      EditorView.contentAttributes.of({ 'aria-label': t('yaml.editorLabel') }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged || applying) return;
        typed = true;
        shownPod = undefined;
        let edited = pending && {
          from: update.changes.mapPos(pending.from, -1),
          to: update.changes.mapPos(pending.to, 1),
        };
        update.changes.iterChangedRanges((_fromA, _toA, fromB, toB) => {
          edited = edited
            ? { from: Math.min(edited.from, fromB), to: Math.max(edited.to, toB) }
            : { from: fromB, to: toB };
        });
        pending = edited;
        if (timer) clearTimeout(timer);
        // Read once the editor has finished this update (it is still inside it here): a quick read in a microtask,
        // before the browser draws a frame, so the design follows the key at once; a slow one after a pause.
        if (lastParseMs < quickParseMs) {
          timer = undefined;
          queueMicrotask(commitText);
        } else {
          timer = setTimeout(commitText, parseDelayMs);
        }
      }),
    ];
    const initialPod = useDocument.getState().doc.pod;
    const initial = podYaml(initialPod);
    shownPod = initialPod;
    const editor = new EditorView({ parent: host.current!, state: EditorState.create({ doc: initial, extensions }) });
    view.current = editor;
    editor.dispatch({ effects: setMarkers.of(markersFor(editor)) });

    /**
     * A spliced text is the writer's text by construction (yaml-splice.test.ts); once the user stops, the whole
     * manifest is written once more and any difference put right, so the panel can never drift from the writer.
     */
    const verifyLater = (): void => {
      if (verifyTimer) clearTimeout(verifyTimer);
      verifyTimer = setTimeout(() => {
        const pod = shownPod;
        if (!pod || pod !== useDocument.getState().doc.pod) return;
        const written = podYaml(pod);
        if (written === editor.state.doc.toString()) return;
        // A splice that differs from the writer is a bug in yaml-splice.ts: put the text right, and say so.
        console.warn('podwright: the spliced YAML differed from the written manifest; rewritten');
        applying = true;
        replaceText(editor, written);
        applying = false;
      }, 1000);
    };

    const unsubscribe = useDocument.subscribe((state, previous) => {
      if (state.doc.pod === previous.doc.pod && state.doc.pidJoins === previous.doc.pidJoins) return;
      if (state.origin === 'load') {
        typed = false;
        shownPod = undefined;
      }
      if (state.doc.pod !== sentPod) {
        if (timer) clearTimeout(timer);
        const spliced =
          !typed && shownPod === previous.doc.pod
            ? spliceContainerEdit(editor.state, shownPod, state.doc.pod)
            : undefined;
        const text = spliced ?? textFor(state.doc.pod, editor.state.doc.toString(), typed);
        shownPod = typed ? undefined : state.doc.pod;
        basePod = state.doc.pod;
        pending = undefined;
        setParseError(undefined);
        applying = true;
        replaceText(editor, text);
        applying = false;
        if (spliced !== undefined) verifyLater();
      }
      editor.dispatch({ effects: setMarkers.of(markersFor(editor, state)) });
    });
    // Markers carry rule text, so a language switch re-renders them in the new language.
    const relabel = () => editor.dispatch({ effects: setMarkers.of(markersFor(editor)) });
    i18next.on('languageChanged', relabel);
    return () => {
      i18next.off('languageChanged', relabel);
      unsubscribe();
      if (timer) clearTimeout(timer);
      if (verifyTimer) clearTimeout(verifyTimer);
      if (reparseTimer) clearTimeout(reparseTimer);
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

  // A design of several Pods: the panel shows the active one, and says which.
  const podCount = useDocument((s) => s.others.length + 1);
  const podIndex = useDocument((s) => s.active);
  const podName = useDocument((s) => s.doc.pod.metadata?.name ?? '');

  return (
    <div className="yaml-panel">
      {/* One header row (the panel's grid has one above the editor): which Pod, and a parse error. */}
      {(podCount > 1 || parseError) && (
        <div className="yaml-head">
          {podCount > 1 && (
            <p className="yaml-pod" data-testid="yaml-pod">
              {t('pods.place', { index: podIndex + 1, count: podCount, name: podName })}
            </p>
          )}
          {parseError && (
            <p className="yaml-error" role="alert">
              {t('yaml.parseError')}: {parseError}
            </p>
          )}
        </div>
      )}
      <div ref={host} className="yaml-editor" data-testid="yaml-editor" />
    </div>
  );
}
