// Cancelling a run from the run store against a fake API: what Cancel sends, "cancelling" while the engine rolls
// back, design state after RUN_CANCELLED (not an error), and the registry's Cancel action with Escape.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PodSnapshot } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { Pod } from '../../../shared/model/pod';

const calls: { method: string; input: unknown }[] = [];
let answers: Record<string, (input: unknown) => unknown> = {};

vi.mock('../api', () => ({
  api: () => ({
    call: async (method: string, input: unknown) => {
      calls.push({ method, input });
      const answer = answers[method];
      if (!answer) throw new Error(`unexpected call ${method}`);
      return answer(input);
    },
    subscribe: () => () => undefined,
  }),
}));

const { useRun, receiveStatusEvents } = await import('./store');
const { runActions, runActionEnabled } = await import('./actions');
const { useDocument } = await import('../store/document');

function load(name = 'shop'): void {
  const spec = { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] };
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec } as unknown as Pod;
  useDocument.getState().load({ pod, layout: {}, pidJoins: null }, 'shop.pod.yaml');
}

/** A promise the test settles by hand, to hold pod.run "in progress". */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const cancelledError = (): ApiError =>
  new ApiError('CANCELLED', 'Starting Pod "shop" was cancelled; what it had created was removed.', {
    pod: { code: 'RUN_CANCELLED' },
  });

function creating(name: string): PodSnapshot {
  return {
    name,
    namespace: 'default',
    design: 'shop',
    phase: 'Pending',
    restartPolicy: 'Always',
    containers: [
      {
        name: 'POD',
        role: 'infra',
        image: 'pause',
        state: { state: 'waiting', reason: 'ContainerCreating' },
        restartCount: 0,
      },
    ],
  };
}

const cancelAction = runActions.find((a) => a.id === 'cancel')!;

beforeEach(() => {
  calls.length = 0;
  answers = {};
  useRun.setState(useRun.getInitialState(), true);
  load();
});

/** Presses Run with pod.run held in progress until the test settles it. */
async function startRun(): Promise<{ run: ReturnType<typeof deferred<PodSnapshot>>; running: Promise<void> }> {
  const run = deferred<PodSnapshot>();
  answers['pod.run'] = () => run.promise;
  const running = useRun.getState().run();
  await vi.waitFor(() => expect(calls.map((c) => c.method)).toEqual(['pod.run']));
  return { run, running };
}

describe('cancel', () => {
  it('asks the engine to cancel the run in progress, says "cancelling", then returns to design state without an error', async () => {
    const cancel = deferred<{ outcome: string }>();
    answers['pod.cancel'] = () => cancel.promise;
    const { run, running } = await startRun();
    // The engine reports the Pod being created: the canvas follows it.
    receiveStatusEvents([
      { kind: 'status', pod: creating('shop') },
      { kind: 'progress', name: 'shop', namespace: 'default', stage: 'init', message: 'Running init', container: 'x' },
    ]);
    expect(useRun.getState().snapshot?.phase).toBe('Pending');

    const cancelling = useRun.getState().cancel();
    expect(useRun.getState()).toMatchObject({ busy: 'run', cancelling: true });
    expect(calls.at(-1)).toEqual({ method: 'pod.cancel', input: { name: 'shop', namespace: 'default' } });
    // A second press while it rolls back sends nothing more.
    await useRun.getState().cancel();
    expect(calls.filter((c) => c.method === 'pod.cancel')).toHaveLength(1);

    // The engine has rolled back: pod.run fails with RUN_CANCELLED and pod.cancel answers.
    run.reject(cancelledError());
    cancel.resolve({ outcome: 'cancelled' });
    await Promise.all([running, cancelling]);
    expect(useRun.getState()).toMatchObject({
      busy: undefined,
      cancelling: false,
      error: undefined,
      snapshot: undefined,
      pinned: undefined,
      stage: undefined,
      pods: {},
    });
  });

  it('cancels the Pod this window started, even when the bar now follows another (a leftover attached meanwhile)', async () => {
    answers['pod.cancel'] = () => ({ outcome: 'cancelled' });
    const { run, running } = await startRun();
    useRun.getState().attach({ name: 'old', namespace: 'default' });
    const cancelling = useRun.getState().cancel();
    expect(calls.at(-1)).toEqual({ method: 'pod.cancel', input: { name: 'shop', namespace: 'default' } });
    run.reject(cancelledError());
    await Promise.all([running, cancelling]);
    expect(useRun.getState()).toMatchObject({ busy: undefined, cancelling: false, error: undefined });
  });

  it('does nothing when no run is in progress', async () => {
    await useRun.getState().cancel();
    expect(calls).toEqual([]);
    expect(useRun.getState().cancelling).toBe(false);
  });

  it('a cancel while the earlier run of the design is being removed never starts the new run', async () => {
    const removing = deferred<{ containers: number; volumes: number }>();
    useRun.setState({ pods: { 'default/shop': { ...creating('shop'), phase: 'Running' } } });
    answers['pod.down'] = () => removing.promise;
    answers['pod.cancel'] = () => ({ outcome: 'not-running' });
    const running = useRun.getState().run();
    await vi.waitFor(() => expect(calls.map((c) => c.method)).toEqual(['pod.down']));
    await useRun.getState().cancel();
    removing.resolve({ containers: 2, volumes: 0 });
    await running;
    expect(calls.map((c) => c.method)).toEqual(['pod.down', 'pod.cancel']);
    expect(useRun.getState()).toMatchObject({
      busy: undefined,
      cancelling: false,
      error: undefined,
      snapshot: undefined,
    });
  });

  it('a run that fails for another reason while cancelling still shows its error', async () => {
    answers['pod.cancel'] = () => ({ outcome: 'finished' });
    const { run, running } = await startRun();
    await useRun.getState().cancel();
    run.reject(new ApiError('CONFLICT', 'Host port 8080 is already in use', { pod: { code: 'PORT_TAKEN' } }));
    await running;
    expect(useRun.getState().error).toMatchObject({ code: 'PORT_TAKEN', during: 'run' });
    expect(useRun.getState().cancelling).toBe(false);
  });

  it('a cancel the back end refuses is shown, and the run goes on', async () => {
    answers['pod.cancel'] = () => {
      throw new ApiError('DISCONNECTED', 'The connection to the back end is gone.');
    };
    const { run, running } = await startRun();
    await useRun.getState().cancel();
    expect(useRun.getState()).toMatchObject({ busy: 'run', cancelling: false, error: { code: 'DISCONNECTED' } });
    run.resolve({ ...creating('shop'), phase: 'Running' });
    await running;
    expect(useRun.getState().snapshot?.phase).toBe('Running');
    // The Pod runs: no "The Pod did not run" box left over from the refused cancel.
    expect(useRun.getState().error).toBeUndefined();
  });
});

describe('the Cancel action', () => {
  it('is bound to Escape and applies only while a run is in progress', () => {
    expect(cancelAction.shortcut).toEqual({ key: 'Escape' });
    const doc = useDocument.getState();
    expect(cancelAction.enabled(doc)).toBe(false);
    useRun.setState({ busy: 'run' });
    expect(cancelAction.enabled(doc)).toBe(true);
    // While it rolls back it stays enabled (keyboard focus stays on it); the store ignores the repeat (see above).
    useRun.setState({ cancelling: true });
    expect(cancelAction.enabled(doc)).toBe(true);
    for (const busy of ['stop', 'down', undefined] as const)
      expect(runActionEnabled('cancel', { busy, hasPod: true, running: true })).toBe(false);
    // The other buttons stay disabled while a run is in progress; only Cancel applies.
    for (const id of ['run', 'stop', 'down', 'restart'] as const)
      expect(runActionEnabled(id, { busy: 'run', hasPod: true, running: true })).toBe(false);
  });

  it('leaves Escape to a menu or popover that has the focus (its Escape closes it), and to a modal dialog', () => {
    const doc = useDocument.getState();
    useRun.setState({ busy: 'run' });
    // A stand-in DOM: elements by their attributes, innermost first; closest() takes attribute and tag selectors.
    type Attrs = Record<string, string>;
    const matches = (el: Attrs, selector: string): boolean =>
      selector.trim() === el.tag ||
      ([...selector.matchAll(/\[([\w-]+)(?:="?([^"\]]*)"?)?\]/g)].every(
        ([part, name, value]) => part !== undefined && name! in el && (value === undefined || el[name!] === value),
      ) &&
        selector.trim().startsWith('['));
    const focusIn = (...path: Attrs[]) => {
      const element = {
        closest: (selectors: string) => path.find((el) => selectors.split(',').some((s) => matches(el, s))) ?? null,
      };
      vi.stubGlobal('document', { querySelector: () => null, activeElement: element });
    };
    try {
      focusIn({ tag: 'button', role: 'menuitem' }, { tag: 'div', role: 'menu' });
      expect(cancelAction.enabled(doc)).toBe(false); // the Recent files menu
      focusIn({ tag: 'button' }, { tag: 'div', role: 'dialog' });
      expect(cancelAction.enabled(doc)).toBe(false); // the canvas export popover (not modal)
      focusIn({ tag: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'true' });
      expect(cancelAction.enabled(doc)).toBe(false); // a menu's own button while the menu is open
      focusIn({ tag: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false' });
      expect(cancelAction.enabled(doc)).toBe(true);
      focusIn({ tag: 'button', 'data-testid': 'run-cancel' }, { tag: 'div', role: 'group' });
      expect(cancelAction.enabled(doc)).toBe(true);
      vi.stubGlobal('document', { querySelector: () => ({}), activeElement: null });
      expect(cancelAction.enabled(doc)).toBe(false); // a modal dialog is open
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('performs the store cancel', async () => {
    answers['pod.cancel'] = () => ({ outcome: 'cancelled' });
    const { run, running } = await startRun();
    cancelAction.perform();
    expect(useRun.getState().cancelling).toBe(true);
    run.reject(cancelledError());
    await running;
    expect(calls.map((c) => c.method)).toEqual(['pod.run', 'pod.cancel']);
    expect(useRun.getState()).toMatchObject({ busy: undefined, snapshot: undefined, error: undefined });
  });
});
