// Performs a step's actions and proofs: design edits through the document store, Pod operations through pod-ops.
import { addContainer, containerNames as podContainerNames, containersOf, volumesOf } from '../../../../shared/design';
import { readProject } from '../../../../shared/design/project';
import type { Pod } from '../../../../shared/model';
import {
  missingForStep,
  type Lesson,
  type LessonStep,
  type Proof,
  type StepAction,
} from '../../../../shared/workshop/lessons';
import { judge, mainCommandLine, type ProofOutput } from '../../../../shared/workshop/prove';
import { examples, loadText, type Example } from '../../files';
import { isDirty, useDocument } from '../../store/document';
import { diagnosticsOf } from '../../store/diagnostics';
import { applyQuickFix } from '../../components/ProblemsPanel';
import { usePanel } from '../../components/panel-tabs';
import { useLogView } from '../../logs/store';
import { useCapacity } from '../capacity/store';
import { downPod, execIn, podStatus, recentLogs, recreatePod, runPod } from './pod-ops';
import { doneKey, proofKey, useLessons } from './store';
import { ApiError } from '../../../../shared/api/api-error';
import i18n from '../../i18n';

function containerNames(): string[] {
  const pod = useDocument.getState().doc.pod;
  return [...containersOf(pod, 'initContainers'), ...containersOf(pod, 'containers')].map((c) => c.name);
}

/** The names of the design's containers and volumes: what a lesson step can find in it. */
export function designNames(pod: Pod): Set<string> {
  return new Set([...podContainerNames(pod), ...volumesOf(pod).map((v) => v.name)]);
}

/** The step names containers or volumes the design does not have (a lesson resumed on another design). */
function offDesign(step: LessonStep): boolean {
  return missingForStep(step, designNames(useDocument.getState().doc.pod)).length > 0;
}

/** The design already holds the example's containers (perhaps renamed or extended by the lesson): keep the user's edits. */
function isExampleLoaded(name: string): boolean {
  const example = examples.find((e) => e.name === name);
  const read = example ? readProject(example.source) : undefined;
  if (!read?.ok) return false;
  const current = new Set(containerNames());
  const wanted = podContainerNames(read.doc.pod);
  return wanted.length > 0 && wanted.every((n) => current.has(n));
}

function setShareProcessNamespace(value: boolean): void {
  useDocument.getState().change((doc) => {
    if ((doc.pod.spec?.shareProcessNamespace === true) === value) return doc;
    const spec = { ...doc.pod.spec };
    if (value) spec.shareProcessNamespace = true;
    else delete spec.shareProcessNamespace;
    return { ...doc, pod: { ...doc.pod, spec }, pidJoins: value ? null : doc.pidJoins };
  });
}

/**
 * After a port fix changed only the declaration, the process's `-p PORT` follows the first declared port: as its own
 * argument (`httpd -f -p 80`) or inside a shell script (`sh -c '… httpd -f -p 80 & wait $!'`).
 */
function listenOnDeclaredPort(name: string): void {
  useDocument.getState().change((doc) => {
    const containers = containersOf(doc.pod, 'containers');
    const index = containers.findIndex((c) => c.name === name);
    const c = containers[index];
    const port = c?.ports?.[0]?.containerPort;
    if (!c || port === undefined || !Array.isArray(c.command)) return doc;
    const command = withListenPort(c.command, String(port));
    if (command.every((part, i) => part === c.command![i])) return doc;
    const next = containers.slice();
    next[index] = { ...c, command };
    return { ...doc, pod: { ...doc.pod, spec: { ...doc.pod.spec, containers: next } } };
  });
}

/** `command` with the value of its `-p` option set to `port`. */
export function withListenPort(command: readonly string[], port: string): string[] {
  return command.map((part, i) => {
    if (command[i - 1] === '-p') return port;
    return part.includes(' ') ? part.replace(/(^|\s)-p\s+\d+/, `$1-p ${port}`) : part;
  });
}

async function showLogs(containers: string[] | undefined): Promise<void> {
  usePanel.getState().setTab('logs');
  const view = useLogView.getState();
  if (containers?.length === 1) view.focusContainer(containers[0]!);
  else view.showAllContainers();
  // The lesson's own view of the same lines, fetched (not followed) so the step can quote them.
  const lines = await recentLogs(containers);
  useLessons.getState().patch({ output: { ...useLessons.getState().output, logs: { containers, lines } } });
}

/** The user kept their design when the step asked to open its example: the step stops, not done. */
class KeptDesign extends Error {}

/**
 * Whether opening an example would put aside the user's own work: a design with containers that is unsaved, or was
 * opened from or saved to a file. An untouched example or an empty design is replaced without asking.
 */
function ownDesign(): boolean {
  const state = useDocument.getState();
  const empty = state.others.length === 0 && containerNames().length === 0;
  return !empty && (isDirty(state) || state.fileName !== null);
}

/** Asks in the lesson panel whether to open `example` in place of the design (no browser confirm on top). */
function askToReplace(example: Example): Promise<boolean> {
  const state = useDocument.getState();
  return new Promise((resolve) =>
    useLessons.getState().patch({
      question: {
        example: example.name,
        design: state.fileName ?? state.doc.pod.metadata?.name ?? '',
        unsaved: isDirty(state),
        answer: (replace) => {
          useLessons.getState().patch({ question: undefined });
          resolve(replace);
        },
      },
    }),
  );
}

async function performOne(action: StepAction, auto: boolean): Promise<void> {
  const lessons = useLessons.getState();
  switch (action.kind) {
    case 'loadExample': {
      if (auto && isExampleLoaded(action.example)) return;
      const example = examples.find((e) => e.name === action.example);
      if (!example) throw new Error(`no example ${action.example}`);
      if (ownDesign() && !(await askToReplace(example))) throw new KeptDesign();
      if (!(await loadText(example.source, null))) throw new Error(`the example ${action.example} did not open`);
      return;
    }
    case 'addContainer': {
      const template = action.container;
      if (containerNames().includes(template.name)) return;
      useDocument.getState().change((doc) => addContainer(doc, template, 'containers').doc);
      return;
    }
    case 'setPodField':
      setShareProcessNamespace(action.value);
      return;
    case 'applyFix': {
      const d = diagnosticsOf(useDocument.getState().doc).all.find((x) => x.code === action.code && x.fixes.length > 0);
      if (d) applyQuickFix(d.fixes[0]!);
      return;
    }
    case 'listenOnDeclaredPort':
      listenOnDeclaredPort(action.container);
      return;
    case 'run':
      await runPod();
      return;
    case 'recreate':
      await recreatePod();
      return;
    case 'down':
      await downPod();
      return;
    case 'showLogs':
      await showLogs(action.containers);
      return;
    case 'exec': {
      const r = await execIn(action.container, action.command);
      lessons.patch({ output: { ...useLessons.getState().output, exec: { ...action, ...r } } });
      return;
    }
    case 'showStatus': {
      // A moment for the engine's events to settle after a kill.
      await new Promise((r) => setTimeout(r, auto ? 0 : 1500));
      const status = await podStatus();
      useLessons.getState().patch({ output: { ...useLessons.getState().output, status: status ?? null } });
      return;
    }
    case 'showCapacity':
      useCapacity.getState().setOpen(true);
      return;
  }
}

/**
 * Lesson work runs one piece at a time, in the order asked: a "Prove it" clicked while the step's actions still run
 * waits for them (it would otherwise look at the Pod being re-created), and no request is dropped.
 */
let queue: Promise<void> = Promise.resolve();
let pending = 0;

function enqueue(work: () => Promise<void>): Promise<void> {
  pending++;
  useLessons.getState().patch({ busy: true });
  const next = queue.then(work).finally(() => {
    pending--;
    if (pending === 0) useLessons.getState().patch({ busy: false });
  });
  queue = next.catch(() => undefined);
  return next;
}

/** A step's work stopped: the user kept their design (the step is not done), or something failed. */
function stepFailed(err: unknown): void {
  if (err instanceof KeptDesign) useLessons.getState().patch({ kept: true });
  else useLessons.getState().patch({ error: err instanceof Error ? err.message : String(err) });
}

/** Performs the step's actions in order; `auto` is entering the step (only auto steps), else the Do it button. */
export function performStep(lesson: Lesson, step: LessonStep, auto = false): Promise<void> {
  const actions = step.actions ?? [];
  if (actions.length === 0) return Promise.resolve();
  useLessons.getState().patch({ error: undefined, kept: false });
  return enqueue(async () => {
    // Never act on containers that are not there: the panel offers the example, or the step that opens it, instead.
    if (offDesign(step)) return;
    try {
      for (const action of actions) await performOne(action, auto);
      const done = new Set(useLessons.getState().done);
      done.add(doneKey(lesson, step));
      useLessons.getState().patch({ done });
    } catch (err) {
      stepFailed(err);
    }
  });
}

/** Opens the lesson's example in place of the design (asking first when the design is the user's own work). */
export function openLessonExample(lesson: Lesson): Promise<void> {
  const example = lesson.example;
  if (!example) return Promise.resolve();
  useLessons.getState().patch({ error: undefined, kept: false });
  return enqueue(async () => {
    try {
      await performOne({ kind: 'loadExample', example }, false);
    } catch (err) {
      stepFailed(err);
    }
  });
}

/** Runs the proof's command in each container, one after the other (so one ps never lists the other's ps). */
export function prove(lesson: Lesson, step: LessonStep, proof: Proof): Promise<void> {
  if (offDesign(step)) return Promise.resolve();
  const key = proofKey(lesson, step, proof.id);
  useLessons.getState().setProof(key, { busy: true, waiting: useLessons.getState().busy, outputs: [] });
  return enqueue(async () => {
    useLessons.getState().setProof(key, { busy: true, outputs: [] });
    const outputs: ProofOutput[] = [];
    try {
      for (const container of proof.containers) {
        const r = await execIn(container, proof.command);
        outputs.push({ container, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode });
      }
      const pod = useDocument.getState().doc.pod;
      const mains: Record<string, string> = {};
      for (const c of [...containersOf(pod, 'initContainers'), ...containersOf(pod, 'containers')]) {
        const line = mainCommandLine(c);
        if (line) mains[c.name] = line;
      }
      useLessons.getState().setProof(key, { busy: false, outputs, result: judge(outputs, proof.compare, mains) });
    } catch (err) {
      useLessons.getState().setProof(key, { busy: false, outputs, error: proofErrorText(err) });
    }
  });
}

/** Why a proof could not run, in the UI language where the back end's refusal is one the lessons expect. */
function proofErrorText(err: unknown): string {
  const pod = err instanceof ApiError && err.code === 'NOT_FOUND' ? (err.details as { pod?: unknown })?.pod : undefined;
  if (typeof pod === 'string') return i18n.t('lessons.podNotRunning', { pod });
  return err instanceof Error ? err.message : String(err);
}
