// Performs a step's actions and proofs: design edits through the document store, Pod operations through pod-ops.
import { addContainer, containerNames as podContainerNames, containersOf, readProject } from '../../../../shared/design';
import type { Lesson, LessonStep, Proof, StepAction } from '../../../../shared/workshop/lessons';
import { judge, mainCommandLine, type ProofOutput } from '../../../../shared/workshop/prove';
import { examples, loadExample } from '../../files';
import { diagnosticsOf, useDocument } from '../../store/document';
import { applyQuickFix } from '../../components/ProblemsPanel';
import { usePanel } from '../../components/BottomPanel';
import { useLogView } from '../../logs/store';
import { useCapacity } from '../capacity/store';
import { downPod, execIn, podStatus, recentLogs, recreatePod, runPod } from './pod-ops';
import { doneKey, proofKey, useLessons } from './store';

function containerNames(): string[] {
  const pod = useDocument.getState().doc.pod;
  return [...containersOf(pod, 'initContainers'), ...containersOf(pod, 'containers')].map((c) => c.name);
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

/** After a port fix changed only the declaration, the `-p PORT` argument follows the first declared port. */
function listenOnDeclaredPort(name: string): void {
  useDocument.getState().change((doc) => {
    const containers = containersOf(doc.pod, 'containers');
    const index = containers.findIndex((c) => c.name === name);
    const c = containers[index];
    const port = c?.ports?.[0]?.containerPort;
    if (!c || port === undefined || !Array.isArray(c.command)) return doc;
    const at = c.command.indexOf('-p');
    if (at < 0 || at + 1 >= c.command.length || c.command[at + 1] === String(port)) return doc;
    const command = c.command.slice();
    command[at + 1] = String(port);
    const next = containers.slice();
    next[index] = { ...c, command };
    return { ...doc, pod: { ...doc.pod, spec: { ...doc.pod.spec, containers: next } } };
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

async function performOne(action: StepAction, auto: boolean): Promise<void> {
  const lessons = useLessons.getState();
  switch (action.kind) {
    case 'loadExample': {
      if (auto && isExampleLoaded(action.example)) return;
      const example = examples.find((e) => e.name === action.example);
      if (!example) throw new Error(`no example ${action.example}`);
      loadExample(example);
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

/** Performs the step's actions in order; `auto` is entering the step (only auto steps), else the Do it button. */
export async function performStep(lesson: Lesson, step: LessonStep, auto = false): Promise<void> {
  const actions = step.actions ?? [];
  if (actions.length === 0 || useLessons.getState().busy) return;
  useLessons.getState().patch({ busy: true, error: undefined });
  try {
    for (const action of actions) await performOne(action, auto);
    const done = new Set(useLessons.getState().done);
    done.add(doneKey(lesson, step));
    useLessons.getState().patch({ done });
  } catch (err) {
    useLessons.getState().patch({ error: err instanceof Error ? err.message : String(err) });
  } finally {
    useLessons.getState().patch({ busy: false });
  }
}

/** Runs the proof's command in each container, one after the other (so one ps never lists the other's ps). */
export async function prove(lesson: Lesson, step: LessonStep, proof: Proof): Promise<void> {
  const key = proofKey(lesson, step, proof.id);
  const store = useLessons.getState();
  store.setProof(key, { busy: true, outputs: [] });
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
    useLessons
      .getState()
      .setProof(key, { busy: false, outputs, error: err instanceof Error ? err.message : String(err) });
  }
}
