// The lesson being taught: which lesson and step, what the step's actions and proofs produced, and stepping through it.
import { create } from 'zustand';
import type { PodSnapshot } from '../../../../shared/api/contract';
import { lessonById, type Lesson, type LessonStep } from '../../../../shared/workshop/lessons';
import type { ProofOutput, ProofResult } from '../../../../shared/workshop/prove';
import type { LogLine } from './pod-ops';

export interface ProofRun {
  busy: boolean;
  /** Asked for while the step's actions still run: it runs once they are done (a click is never dropped). */
  waiting?: boolean;
  outputs: ProofOutput[];
  result?: ProofResult;
  error?: string;
}

/** What a step's actions left to show: logs, the engine's status, one command's output. */
export interface StepOutput {
  logs?: { containers: string[] | undefined; lines: LogLine[] };
  status?: PodSnapshot | null;
  exec?: { container: string; command: string[]; stdout: string; stderr: string; exitCode: number | null };
}

/** A lesson step about to open its example in place of the user's design: the panel asks first. */
export interface ReplaceQuestion {
  example: string;
  /** The design's name (its file, else its Pod's), and whether it has unsaved changes. */
  design: string;
  unsaved: boolean;
  answer: (replace: boolean) => void;
}

export interface LessonState {
  open: boolean;
  lessonId: string | undefined;
  stepIndex: number;
  /** A step's actions (or a proof) are running: stepping waits, and further requests queue behind them. */
  busy: boolean;
  question: ReplaceQuestion | undefined;
  /** The user kept their design when a step asked to replace it: the step is not done. */
  kept: boolean;
  error: string | undefined;
  /** Steps whose actions were done, as "lesson/step". */
  done: Set<string>;
  proofs: Record<string, ProofRun>;
  output: StepOutput;
  setOpen: (open: boolean) => void;
  toggle: () => void;
  pick: (lessonId: string | undefined) => void;
  go: (index: number) => void;
  patch: (p: Partial<LessonState>) => void;
  setProof: (key: string, run: ProofRun) => void;
}

export const useLessons = create<LessonState>((set, get) => ({
  open: false,
  lessonId: undefined,
  stepIndex: 0,
  busy: false,
  question: undefined,
  kept: false,
  error: undefined,
  done: new Set(),
  proofs: {},
  output: {},
  setOpen: (open) => set({ open }),
  toggle: () => set({ open: !get().open }),
  pick: (lessonId) => {
    if (get().busy) return;
    set({ lessonId, stepIndex: 0, error: undefined, kept: false, proofs: {}, output: {}, done: new Set() });
  },
  go: (index) => {
    const lesson = currentLesson(get());
    // A step whose actions still run is not left: the next step (and its proofs) would see the Pod half made.
    if (!lesson || get().busy) return;
    const stepIndex = Math.max(0, Math.min(lesson.steps.length - 1, index));
    if (stepIndex === get().stepIndex) return;
    set({ stepIndex, error: undefined, kept: false, output: {} });
  },
  patch: (p) => set(p),
  setProof: (key, run) => set({ proofs: { ...get().proofs, [key]: run } }),
}));

export function currentLesson(s: Pick<LessonState, 'lessonId'>): Lesson | undefined {
  return s.lessonId ? lessonById(s.lessonId) : undefined;
}

export function currentStep(s: Pick<LessonState, 'lessonId' | 'stepIndex'>): LessonStep | undefined {
  return currentLesson(s)?.steps[s.stepIndex];
}

export const doneKey = (lesson: Lesson, step: LessonStep): string => `${lesson.id}/${step.id}`;
export const proofKey = (lesson: Lesson, step: LessonStep, proofId: string): string =>
  `${lesson.id}/${step.id}/${proofId}`;
