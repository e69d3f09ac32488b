// The YAML panel's model, apart from the view: it keeps the editor's text equal to panelText(store) whatever changes
// the store (canvas, inspector, undo, redo, a load), and reads the user's typing back into the store (typeText), so
// the text and the design never disagree. The view (components/YamlEditor.tsx) gives it an EditorView; tests give it
// a plain EditorState holder.
import type { ChangeSet, EditorState, TransactionSpec } from '@codemirror/state';
import type { Pod } from '../../../shared/model';
import { podYaml } from '../../../shared/design/project';
import { holdPendingEdits, useDocument, type DocumentState, type TypedText } from '../store/document';
import { shareStructure } from '../store/share';
import { readContainerEdit } from './incremental';
import { panelText, readPanelText, type PanelProblem } from './panel-text';
import { spliceContainerEdit } from './splice';

/** What the model needs of an editor: its state, and a way to change it. */
export interface PanelHost {
  readonly state: EditorState;
  dispatch(spec: TransactionSpec): void;
}

export interface PanelListener {
  /** The text stopped reading as a Pod (with why and where), or reads again (undefined). */
  problem(problem: PanelProblem | undefined): void;
  /** The text or the design changed: diagnostics markers need placing again. */
  settled(state: DocumentState): void;
}

/**
 * How long typing must pause before the text is read into the design, when reading is slow: in a big design a read
 * per keystroke would hold up the next keystroke's echo. A design that reads quickly is read on every keystroke.
 */
const readDelayMs = 150;
const quickReadMs = 20;
/** Once typing pauses, the whole text is read again (the one-item reading is checked) and a splice verified. */
const settleMs = 1000;

export class YamlPanelModel {
  /** The store's typed text and Pod the editor's text was made from, or was read as: compared on every store change. */
  private shownTyped: TypedText | undefined;
  private shownPod: Pod;
  /** The text is the writer's manifest of shownPod, byte for byte (never typed): a container edit can be spliced in. */
  private written = true;
  /** The Pod the text said before the typing not yet read, and where that typing is (in the current text). */
  private basePod: Pod;
  private pending: { from: number; to: number } | undefined;
  private lastReadMs = 0;
  private applying = false;
  private readTimer: ReturnType<typeof setTimeout> | undefined;
  private readQueued = false;
  private rereadTimer: ReturnType<typeof setTimeout> | undefined;
  private verifyTimer: ReturnType<typeof setTimeout> | undefined;
  private problem: PanelProblem | undefined;
  private stops: (() => void)[] = [];
  /** Set while the panel's own typing goes into the store: that change is not one to show. */
  private committing = false;
  /**
   * Where the last typing was (in the current text), and a count of typing bursts: keys typed next to the last ones
   * (within the store's group window) are one undo step; typing somewhere else starts another, as in a text editor.
   */
  private lastEdit: { from: number; to: number } | undefined;
  private burst = 0;

  constructor(
    private readonly host: PanelHost,
    private readonly listener: PanelListener,
  ) {
    const state = useDocument.getState();
    this.shownTyped = state.typed;
    this.shownPod = state.doc.pod;
    this.basePod = state.doc.pod;
  }

  /** The text for the store as it is now: what a new editor starts with. */
  static initialText(): string {
    const state = useDocument.getState();
    return panelText(state.typed, state.doc.pod);
  }

  /** Follows the store until the returned function is called. */
  start(): () => void {
    this.stops.push(useDocument.subscribe((state, previous) => this.storeChanged(state, previous)));
    this.stops.push(holdPendingEdits(() => this.flush()));
    this.settleProblem(this.host.state.doc.toString(), useDocument.getState());
    return () => {
      for (const stop of this.stops) stop();
      this.stops = [];
      for (const timer of [this.readTimer, this.rereadTimer, this.verifyTimer]) if (timer) clearTimeout(timer);
    };
  }

  /** True while the model itself changes the text: the view's update listener ignores those changes. */
  get changingText(): boolean {
    return this.applying;
  }

  /** The user changed the text (`changes` against the text before): read it soon, as one undo step per burst. */
  userChanged(changes: ChangeSet): void {
    this.written = false;
    const last = this.lastEdit && {
      from: changes.mapPos(this.lastEdit.from, -1),
      to: changes.mapPos(this.lastEdit.to, 1),
    };
    let here: { from: number; to: number } | undefined;
    changes.iterChangedRanges((fromA, toA, fromB, toB) => {
      if (last && !(fromA <= this.lastEdit!.to && toA >= this.lastEdit!.from)) this.burst++;
      here = here ? { from: Math.min(here.from, fromB), to: Math.max(here.to, toB) } : { from: fromB, to: toB };
    });
    this.lastEdit =
      here && last && here.from <= last.to && here.to >= last.from
        ? { from: Math.min(here.from, last.from), to: Math.max(here.to, last.to) }
        : here;
    let edited = this.pending && {
      from: changes.mapPos(this.pending.from, -1),
      to: changes.mapPos(this.pending.to, 1),
    };
    changes.iterChangedRanges((_fromA, _toA, fromB, toB) => {
      edited = edited ? { from: Math.min(edited.from, fromB), to: Math.max(edited.to, toB) } : { from: fromB, to: toB };
    });
    this.pending = edited;
    if (this.readTimer) clearTimeout(this.readTimer);
    this.readTimer = undefined;
    // A quick read in a microtask, before the browser draws a frame, so the design follows the key at once (the view
    // is still inside its update here); a slow one after a pause in typing.
    if (this.lastReadMs < quickReadMs) {
      if (!this.readQueued) {
        this.readQueued = true;
        queueMicrotask(() => {
          this.readQueued = false;
          this.read();
        });
      }
    } else {
      this.readTimer = setTimeout(() => this.read(), readDelayMs);
    }
  }

  /** Reads typing not yet read into the store now (before undo or redo, so they take back what is on screen). */
  flush(): void {
    if (this.readTimer) clearTimeout(this.readTimer);
    this.readTimer = undefined;
    if (this.pending || this.readQueued) this.read();
  }

  /**
   * Reads the text into the store: an edit inside one container's item is read from that item alone, anything else
   * from the whole text. Parts equal to the current design keep their identity, so only what changed redraws.
   */
  private read(): void {
    if (!this.pending) return;
    const started = performance.now();
    const current = useDocument.getState().doc.pod;
    const text = this.host.state.doc.toString();
    const quick =
      this.basePod === current
        ? readContainerEdit(this.host.state, this.pending, this.basePod)
        : { declined: 'the design changed since the text was read' };
    if ('pod' in quick) {
      // The one-item reading is quick by nature; time spent here parsing the text's tree once is not per key.
      this.lastReadMs = 0;
      this.commit(text, shareStructure(current, quick.pod));
      this.rereadLater();
      return;
    }
    // Why a keystroke costs a whole-text read; the benchmark counts these (hidden unless the console shows debug).
    console.debug(`podwright: YAML read whole: ${quick.declined}`);
    const reading = readPanelText(text);
    this.lastReadMs = performance.now() - started;
    this.commit(text, 'pod' in reading ? shareStructure(current, reading.pod) : undefined, reading);
  }

  /** Puts the typed text (and the Pod it reads as, if it does) into the store, as the panel's own change. */
  private commit(text: string, pod: Pod | undefined, reading?: ReturnType<typeof readPanelText>): void {
    if (pod !== undefined) {
      this.pending = undefined;
      this.basePod = pod;
    }
    this.committing = true;
    try {
      useDocument.getState().typeText(text, pod, `yaml:${this.burst}`);
    } finally {
      this.committing = false;
    }
    const after = useDocument.getState();
    this.shownTyped = after.typed;
    this.shownPod = after.doc.pod;
    this.setProblem(reading && 'problem' in reading ? reading.problem : undefined);
    this.listener.settled(after);
  }

  /** Once typing pauses, the whole text is read as well; where it differs from the one-item reading, it wins. */
  private rereadLater(): void {
    if (this.rereadTimer) clearTimeout(this.rereadTimer);
    this.rereadTimer = setTimeout(() => {
      const state = useDocument.getState();
      if (this.pending || state.typed !== this.shownTyped || state.doc.pod !== this.shownPod) return;
      const text = this.host.state.doc.toString();
      const reading = readPanelText(text);
      if (!('pod' in reading)) return this.setProblem(reading.problem);
      const pod = shareStructure(state.doc.pod, reading.pod);
      if (pod !== state.doc.pod) this.commit(text, pod, reading);
    }, settleMs);
  }

  /** The store changed: unless it is the panel's own typing, the text becomes panelText(store) again. */
  private storeChanged(state: DocumentState, previous: DocumentState): void {
    if (this.committing) return;
    if (state.typed === this.shownTyped && state.doc.pod === this.shownPod) {
      if (state.doc !== previous.doc || state.others !== previous.others) this.listener.settled(state);
      return;
    }
    // Typing not read yet is overtaken by a change from elsewhere (the store already has what it read).
    if (this.readTimer) clearTimeout(this.readTimer);
    this.readTimer = undefined;
    const fromWriter = !state.typed && !this.shownTyped && this.written;
    // A canvas edit of one container in a text that is the writer's: splice that container's item in place, which in a
    // big design costs far less than writing it all (yaml/splice.test.ts proves the result is the writer's text).
    const spliced = fromWriter ? spliceContainerEdit(this.host.state, this.shownPod, state.doc.pod) : undefined;
    const text = spliced ?? panelText(state.typed, state.doc.pod);
    this.shownTyped = state.typed;
    this.shownPod = state.doc.pod;
    this.basePod = state.doc.pod;
    this.pending = undefined;
    this.lastEdit = undefined;
    this.written = !state.typed;
    this.replaceText(text);
    if (spliced !== undefined) this.verifyLater();
    this.settleProblem(text, state);
    this.listener.settled(state);
  }

  /** A shown text that is the typed one may not read (undo back into broken typing): say why. */
  private settleProblem(text: string, state: DocumentState): void {
    const exact = state.typed !== undefined && state.typed.pod === state.doc.pod;
    if (!exact) return this.setProblem(undefined);
    const reading = readPanelText(text);
    this.setProblem('problem' in reading ? reading.problem : undefined);
  }

  /**
   * A spliced text is the writer's text by construction; once the user stops, the whole manifest is written once
   * more and any difference put right, so the panel can never drift from the writer.
   */
  private verifyLater(): void {
    if (this.verifyTimer) clearTimeout(this.verifyTimer);
    this.verifyTimer = setTimeout(() => {
      const pod = this.shownPod;
      if (!this.written || pod !== useDocument.getState().doc.pod) return;
      const written = podYaml(pod);
      if (written === this.host.state.doc.toString()) return;
      // A splice that differs from the writer is a bug in yaml/splice.ts: put the text right, and say so.
      console.warn('podwright: the spliced YAML differed from the written manifest; rewritten');
      this.replaceText(written);
    }, settleMs);
  }

  private setProblem(problem: PanelProblem | undefined): void {
    if (problem === this.problem) return;
    this.problem = problem;
    this.listener.problem(problem);
  }

  /** Replaces the text with `next` by changing only the part that differs, so the editor re-parses little. */
  private replaceText(next: string): void {
    const current = this.host.state.doc.toString();
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
    this.applying = true;
    try {
      this.host.dispatch({
        changes: { from: start, to: current.length - end, insert: next.slice(start, next.length - end) },
      });
    } finally {
      this.applying = false;
    }
  }
}
