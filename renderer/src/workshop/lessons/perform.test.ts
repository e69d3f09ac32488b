// Tests lesson work as a user meets it: Next waits while a step's action still runs, a Prove it clicked meanwhile runs
// after it (not against the Pod being re-created, and not dropped), and a step that would open its example in place of
// the user's design asks first and is not done when the user keeps the design.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addContainer, emptyDocument } from '../../../../shared/design';
import { lessonById, type Lesson } from '../../../../shared/workshop/lessons';

// The renderer's i18n reads the saved language; this test runs in Node.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined, removeItem: () => undefined });
vi.stubGlobal('navigator', { language: 'en' });

/** What the Pod operations did, in order; recreate waits until the test lets it finish. */
const calls: string[] = [];
/** What the back end answers an exec with, when set (a Pod that is not running). */
let execRefusal: Error | undefined;
let finishRecreate: () => void = () => undefined;
vi.mock('./pod-ops', () => ({
  runPod: async () => void calls.push('run'),
  downPod: async () => void calls.push('down'),
  recreatePod: () =>
    new Promise<void>((done) => {
      calls.push('recreate started');
      finishRecreate = () => {
        calls.push('recreate finished');
        done();
      };
    }),
  execIn: async (container: string) => {
    calls.push(`exec ${container}`);
    if (execRefusal) throw execRefusal;
    return { stdout: 'PID 1 /pause', stderr: '', exitCode: 0 };
  },
  recentLogs: async () => [],
  podStatus: async () => undefined,
}));

const { useDocument } = await import('../../store/document');
const { performStep, prove, withListenPort } = await import('./perform');
const { doneKey, useLessons } = await import('./store');
const { examples, loadText } = await import('../../files');

/** Opens a bundled example as the lesson's first step would: the steps after it work on its containers. */
async function openExample(name: string): Promise<void> {
  await loadText(examples.find((e) => e.name === name)!.source, null);
}

const lesson = (id: string): Lesson => lessonById(id)!;

beforeEach(() => {
  calls.length = 0;
  execRefusal = undefined;
  useDocument.getState().load(emptyDocument(), null);
  useLessons.setState({ open: true, busy: false, question: undefined, kept: false, error: undefined, proofs: {} });
});

describe('lesson steps', () => {
  it('blocks Next while a step re-creates the Pod, and runs a Prove it clicked meanwhile after it', async () => {
    const podShares = lesson('podShares');
    await openExample('helloworld');
    useLessons.getState().pick(podShares.id);
    const shareStep = podShares.steps.findIndex((s) => s.actions?.some((a) => a.kind === 'recreate'));
    useLessons.setState({ stepIndex: shareStep });
    const step = podShares.steps[shareStep]!;
    const working = performStep(podShares, step);
    await vi.waitFor(() => expect(calls).toContain('recreate started'));
    expect(useLessons.getState().busy).toBe(true);

    // Next (and the presenter's arrow keys, which call the same go) wait for the step.
    useLessons.getState().go(shareStep + 1);
    expect(useLessons.getState().stepIndex).toBe(shareStep);

    // A Prove it clicked now waits for the Pod, says so, and runs afterwards.
    const proofStep = podShares.steps[shareStep + 1]!;
    const proof = proofStep.proofs![0]!;
    const proving = prove(podShares, proofStep, proof);
    const key = `${podShares.id}/${proofStep.id}/${proof.id}`;
    expect(useLessons.getState().proofs[key]).toMatchObject({ busy: true, waiting: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.filter((c) => c.startsWith('exec'))).toEqual([]);

    finishRecreate();
    await Promise.all([working, proving]);
    expect(calls.indexOf('recreate finished')).toBeLessThan(calls.findIndex((c) => c.startsWith('exec')));
    expect(useLessons.getState().proofs[key]?.result).toBeDefined();
    expect(useLessons.getState().busy).toBe(false);
    useLessons.getState().go(shareStep + 1);
    expect(useLessons.getState().stepIndex).toBe(shareStep + 1);
  });

  it('asks before opening the example in place of the user’s design; kept, the step is not done', async () => {
    const whyPods = lesson('whyPods');
    const first = whyPods.steps[0]!;
    // The user's own unsaved design: one container they added.
    useDocument.getState().change((doc) => addContainer(doc, { name: 'mine', image: 'nginx' }, 'containers').doc);
    useLessons.getState().pick(whyPods.id);

    const keeping = performStep(whyPods, first, true);
    await vi.waitFor(() => expect(useLessons.getState().question).toBeDefined());
    expect(useLessons.getState().question).toMatchObject({ example: 'helloworld', unsaved: true });
    useLessons.getState().question!.answer(false);
    await keeping;
    expect(useDocument.getState().doc.pod.spec.containers.map((c) => c.name)).toEqual(['mine']);
    expect(useLessons.getState().done.has(doneKey(whyPods, first))).toBe(false);
    expect(useLessons.getState().kept).toBe(true);

    const opening = performStep(whyPods, first);
    await vi.waitFor(() => expect(useLessons.getState().question).toBeDefined());
    useLessons.getState().question!.answer(true);
    await opening;
    expect(useDocument.getState().doc.pod.spec.containers.map((c) => c.name)).toContain('api');
    expect(useLessons.getState().done.has(doneKey(whyPods, first))).toBe(true);
    expect(useLessons.getState().kept).toBe(false);
  });

  it('opens the example without asking over an empty design or an untouched example', async () => {
    const whyPods = lesson('whyPods');
    useLessons.getState().pick(whyPods.id);
    await performStep(whyPods, whyPods.steps[0]!, true);
    expect(useLessons.getState().question).toBeUndefined();
    expect(useDocument.getState().doc.pod.spec.containers.map((c) => c.name)).toContain('api');
    const sidecar = lesson('sidecar');
    await performStep(sidecar, sidecar.steps[0]!, true);
    expect(useLessons.getState().question).toBeUndefined();
    expect(useDocument.getState().doc.pod.spec.containers.map((c) => c.name)).toContain('app');
  });
});

describe('a step on a design without its containers', () => {
  it('does nothing: no action, no proof', async () => {
    const podShares = lesson('podShares');
    useLessons.getState().pick(podShares.id);
    const shareStep = podShares.steps.find((s) => s.actions?.some((a) => a.kind === 'recreate'))!;
    await performStep(podShares, shareStep);
    const proofStep = podShares.steps.find((s) => s.proofs?.length)!;
    await prove(podShares, proofStep, proofStep.proofs![0]!);
    expect(calls).toEqual([]);
    expect(useDocument.getState().doc.pod.spec?.shareProcessNamespace).toBeUndefined();
    expect(useLessons.getState().done.has(doneKey(podShares, shareStep))).toBe(false);
  });
});

describe('the port fix follows into the process', () => {
  it('sets -p as its own argument or inside a shell script', () => {
    expect(withListenPort(['httpd', '-f', '-p', '80'], '8080')).toEqual(['httpd', '-f', '-p', '8080']);
    expect(withListenPort(['sh', '-c', 'trap "exit 0" TERM; httpd -f -p 80 & wait $!'], '8080')).toEqual([
      'sh',
      '-c',
      'trap "exit 0" TERM; httpd -f -p 8080 & wait $!',
    ]);
    expect(withListenPort(['sh', '-c', 'echo -p is not here'], '8080')).toEqual(['sh', '-c', 'echo -p is not here']);
  });
});

describe('a proof on a Pod that is not running', () => {
  it("says so in the UI language, not in the back end's English", async () => {
    const { ApiError } = await import('../../../../shared/api/api-error');
    const { default: i18n } = await import('../../i18n');
    const { catalogues } = await import('../../locales');
    execRefusal = new ApiError('NOT_FOUND', 'No Pod named "helloworld" is running on this engine.', {
      pod: 'helloworld',
    });
    const podShares = lesson('podShares');
    await openExample('helloworld');
    const step = podShares.steps.find((s) => s.proofs?.length)!;
    const proof = step.proofs![0]!;
    i18n.addResourceBundle('zh-CN', 'translation', catalogues['zh-CN']);
    await i18n.changeLanguage('zh-CN');
    try {
      await prove(podShares, step, proof);
    } finally {
      await i18n.changeLanguage('en');
    }
    const error = useLessons.getState().proofs[`${podShares.id}/${step.id}/${proof.id}`]?.error;
    expect(error).toBe('此引擎上没有名为“helloworld”的正在运行的 Pod：请先运行本步骤的 Pod（“执行”或“运行”）。');
  });
});
