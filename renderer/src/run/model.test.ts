// The pure run logic: what refuses or asks before a run, the status reducer, pull progress and the stage line.
import { describe, expect, it } from 'vitest';
import type { PodSnapshot } from '../../../shared/api/contract';
import type { CanvasDocument } from '../../../shared/design';
import { validatePod } from '../../../shared/rules';
import type { Pod } from '../../../shared/model/pod';
import {
  applyPull,
  applyStatusEvent,
  containerFault,
  designIdFor,
  formatUptime,
  graceLeft,
  initNames,
  podFault,
  podRefOf,
  type ProgressEvent,
  pullPercent,
  runDecision,
  runErrorOf,
  shownPhase,
  shownState,
  stageLine,
  stoppedByStop,
  warningKey,
} from './model';
import { ApiError } from '../../../shared/api/errors';

function pod(spec: Record<string, unknown>, name = 'web'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec } as unknown as Pod;
}

function doc(p: Pod): CanvasDocument {
  return { pod: p, layout: {}, pidJoins: null };
}

const snapshot = (name: string, phase: PodSnapshot['phase'] = 'Running'): PodSnapshot => ({
  name,
  namespace: 'default',
  phase,
  restartPolicy: 'Always',
  containers: [],
});

const progress = (p: Partial<ProgressEvent>): ProgressEvent => ({
  kind: 'progress',
  name: 'web',
  namespace: 'default',
  stage: 'check',
  message: '',
  ...p,
});

describe('run refusal', () => {
  it('refuses a Pod the API server would reject, listing every reason', () => {
    const d = validatePod(pod({ containers: [{ name: 'Bad_Name', image: '' }] }));
    const decision = runDecision(d, new Set());
    expect(decision.blockers.map((x) => x.code).sort()).toEqual(['CONTAINER_IMAGE_REQUIRED', 'CONTAINER_NAME_INVALID']);
  });

  it('refuses a Pod without containers', () => {
    expect(runDecision(validatePod(pod({ containers: [] })), new Set()).blockers[0]?.code).toBe(
      'POD_CONTAINERS_REQUIRED',
    );
  });

  it('runs a port clash (Kubernetes accepts it; it fails at runtime) after asking once', () => {
    const d = validatePod(
      pod({
        containers: [
          { name: 'a', image: 'nginx', ports: [{ containerPort: 80 }] },
          { name: 'b', image: 'nginx', ports: [{ containerPort: 80 }] },
        ],
      }),
    );
    expect(d.some((x) => x.code === 'POD_PORT_CLASH' && x.severity === 'error')).toBe(true);
    const first = runDecision(d, new Set());
    expect(first.blockers).toEqual([]);
    expect(first.warnings.map((x) => x.code)).toContain('POD_PORT_CLASH');
    const again = runDecision(d, new Set(first.warnings.map(warningKey)));
    expect(again).toEqual({ blockers: [], warnings: [], hostAccess: [] });
  });

  it('asks about warnings but not about infos', () => {
    const d = validatePod(
      pod({
        containers: [{ name: 'a', image: 'busybox', command: ['sleep', '3600'] }],
        volumes: [{ name: 'unused', emptyDir: {} }],
      }),
    );
    const decision = runDecision(d, new Set());
    expect(decision.blockers).toEqual([]);
    expect(decision.warnings.map((x) => x.code)).toEqual(['VOLUME_UNUSED']);
    expect(runDecision([{ ...decision.warnings[0]!, severity: 'info' }], new Set()).warnings).toEqual([]);
  });

  it('runs a clean Pod without a question', () => {
    expect(
      runDecision(
        validatePod(pod({ containers: [{ name: 'a', image: 'busybox', command: ['sleep', '3600'] }] })),
        new Set(),
      ),
    ).toEqual({
      blockers: [],
      warnings: [],
      hostAccess: [],
    });
  });

  it('asks about access to this computer apart from the other warnings, and once', () => {
    const d = validatePod(
      pod({
        volumes: [{ name: 'engine', hostPath: { path: '/var/run/docker.sock' } }],
        containers: [{ name: 'a', image: 'busybox', volumeMounts: [{ name: 'engine', mountPath: '/sock' }] }],
      }),
    );
    const first = runDecision(d, new Set());
    expect(first.hostAccess.map((x) => x.code)).toEqual(['HOST_PATH_SENSITIVE']);
    expect(first.warnings.map((x) => x.code)).not.toContain('HOST_PATH_SENSITIVE');
    const again = runDecision(d, new Set([...first.hostAccess, ...first.warnings].map(warningKey)));
    expect(again).toMatchObject({ hostAccess: [], warnings: [] });
  });
});

describe('what Run sends', () => {
  it('labels the design with the file name as a label value', () => {
    expect(designIdFor('sidecar-logs.pod.yaml')).toBe('sidecar-logs');
    expect(designIdFor('My Project (2).yaml')).toBe('my-project-2');
    expect(designIdFor(null)).toBe('untitled');
    expect(designIdFor('---.yaml')).toBe('untitled');
    expect(designIdFor(`${'x'.repeat(80)}.pod.yaml`)).toHaveLength(63);
  });

  it('reads the Pod reference with the default namespace', () => {
    expect(podRefOf(doc(pod({ containers: [] }, 'api')))).toEqual({ name: 'api', namespace: 'default' });
    const p = pod({ containers: [] });
    p.metadata = { name: 'x', namespace: 'team' };
    expect(podRefOf(doc(p))).toEqual({ name: 'x', namespace: 'team' });
  });
});

describe('status reducer', () => {
  it('adds, replaces and removes snapshots by namespace/name', () => {
    let pods = applyStatusEvent({}, { kind: 'status', pod: snapshot('a', 'Pending') });
    pods = applyStatusEvent(pods, { kind: 'status', pod: snapshot('b') });
    pods = applyStatusEvent(pods, { kind: 'status', pod: snapshot('a', 'Running') });
    expect(Object.keys(pods).sort()).toEqual(['default/a', 'default/b']);
    expect(pods['default/a']?.phase).toBe('Running');
    const removed = applyStatusEvent(pods, { kind: 'removed', name: 'a', namespace: 'default' });
    expect(Object.keys(removed)).toEqual(['default/b']);
    // Unknown removals and progress leave the same object, so selectors do not fire.
    expect(applyStatusEvent(removed, { kind: 'removed', name: 'zz', namespace: 'default' })).toBe(removed);
    expect(applyStatusEvent(removed, progress({}))).toBe(removed);
  });

  it('shows a container state, or the failure a rolled-back run reported for it', () => {
    const running = shownState({
      name: 'app',
      role: 'app',
      image: 'busybox',
      state: { state: 'running', startedAt: '2026-01-01T00:00:00Z' },
      restartCount: 2,
    });
    expect(running).toEqual({ state: 'running', startedAt: Date.parse('2026-01-01T00:00:00Z'), restartCount: 2 });
    const failed = shownState(undefined, { code: 'INIT_FAILED', message: 'boom', container: 'init', exitCode: 3 });
    expect(failed).toMatchObject({ state: 'terminated', exitCode: 3, reason: 'Error', message: 'boom' });
    expect(shownState(undefined, { code: 'PORT_TAKEN', message: 'taken', container: 'POD' })).toMatchObject({
      state: 'waiting',
      reason: 'PORT_TAKEN',
    });
    expect(shownState(undefined)).toBeUndefined();
  });

  it('formats uptimes short', () => {
    expect(formatUptime(3_400)).toBe('3s');
    expect(formatUptime(245_000)).toBe('4m 05s');
    expect(formatUptime((2 * 60 + 3) * 60_000)).toBe('2h 03m');
    expect(formatUptime((3 * 24 + 4) * 3_600_000)).toBe('3d 4h');
    expect(formatUptime(-5)).toBe('0s');
  });
});

describe('progress', () => {
  const layer = (id: string, status: string, current?: number, total?: number) =>
    progress({
      stage: 'pull',
      message: `busybox:1.36: ${id} ${status}`,
      layer: { id, status, current, total },
    });

  it('tracks pull progress per image, weighted by layer size', () => {
    let pulls = applyPull({}, progress({ stage: 'pull', message: 'Pulling busybox:1.36', container: 'app' }));
    expect(pullPercent(pulls['busybox:1.36']!)).toBe(0);
    pulls = applyPull(pulls, layer('aaa', 'Downloading', 30, 100));
    pulls = applyPull(pulls, layer('bbb', 'Downloading', 0, 100));
    expect(pullPercent(pulls['busybox:1.36']!)).toBe(15);
    pulls = applyPull(pulls, layer('bbb', 'Download complete'));
    expect(pullPercent(pulls['busybox:1.36']!)).toBe(65);
    pulls = applyPull(pulls, layer('aaa', 'Pull complete'));
    expect(pullPercent(pulls['busybox:1.36']!)).toBe(100);
    // Other stages leave the pulls alone.
    expect(applyPull(pulls, progress({ stage: 'create', container: 'app' }))).toBe(pulls);
  });

  it('counts finished layers when the engine gives no sizes', () => {
    let pulls = applyPull({}, layer('a', 'Pulling fs layer'));
    pulls = applyPull(pulls, layer('b', 'Already exists'));
    expect(pullPercent(pulls['busybox:1.36']!)).toBe(50);
  });

  it('says what a run is doing', () => {
    const d = doc(
      pod({
        initContainers: [
          { name: 'migrate', image: 'x' },
          { name: 'shipper', image: 'x', restartPolicy: 'Always' },
          { name: 'seed', image: 'x' },
        ],
        containers: [{ name: 'app', image: 'x' }],
      }),
    );
    const inits = initNames(d);
    expect(inits).toEqual(['migrate', 'seed']);
    expect(stageLine(progress({ stage: 'create', container: 'POD' }), inits, {})).toEqual({
      key: 'run.stage.createInfra',
      args: {},
    });
    expect(stageLine(progress({ stage: 'init', container: 'seed' }), inits, {})).toEqual({
      key: 'run.stage.init',
      args: { n: 2, total: 2, name: 'seed' },
    });
    expect(stageLine(progress({ stage: 'start', container: 'shipper' }), inits, {}).key).toBe('run.stage.startSidecar');
    expect(stageLine(progress({ stage: 'volume', message: 'Creating volume "logs" (emptyDir)' }), inits, {})).toEqual({
      key: 'run.stage.volume',
      args: { name: 'logs' },
    });
    const pulls = applyPull({}, layer('a', 'Downloading', 45, 100));
    expect(stageLine(layer('a', 'Downloading', 45, 100), inits, pulls)).toEqual({
      key: 'run.stage.pull',
      args: { image: 'busybox:1.36', percent: 45 },
    });
  });
});

describe('run errors', () => {
  it('reads the runtime code and context from an ApiError', () => {
    const err = new ApiError('INTERNAL', 'Init container "init" exited with code 3', {
      pod: { code: 'INIT_FAILED', container: 'init', exitCode: 3, logs: 'boom' },
    });
    expect(runErrorOf(err)).toEqual({
      code: 'INIT_FAILED',
      message: 'Init container "init" exited with code 3',
      container: 'init',
      exitCode: 3,
      logs: 'boom',
      problems: undefined,
    });
  });

  it('falls back to the API code when details are missing or malformed', () => {
    expect(runErrorOf(new ApiError('ENGINE_UNREACHABLE', 'gone'))).toEqual({
      code: 'ENGINE_UNREACHABLE',
      message: 'gone',
    });
    expect(runErrorOf(new ApiError('CONFLICT', 'x', { pod: { code: 7 } }))).toEqual({ code: 'CONFLICT', message: 'x' });
    expect(runErrorOf('weird')).toEqual({ code: 'INTERNAL', message: 'weird' });
  });
});

describe('a stopped Pod', () => {
  const snapshot = (states: ('running' | 'terminated')[], exitCode = 137) => ({
    name: 'p',
    namespace: 'default',
    phase: 'Running' as const,
    restartPolicy: 'Always' as const,
    containers: states.map((state, i) => ({
      name: i === 0 ? 'POD' : `c${i}`,
      role: i === 0 ? ('infra' as const) : ('app' as const),
      image: 'x',
      restartCount: 0,
      state:
        state === 'running'
          ? { state: 'running' as const, startedAt: '2026-01-01T00:00:00Z' }
          : { state: 'terminated' as const, exitCode, reason: 'Error', startedAt: '', finishedAt: '' },
    })),
  });

  it('shows Stopped once every container, the infra too, has exited (Kubernetes would say Running)', () => {
    expect(shownPhase(snapshot(['terminated', 'terminated', 'terminated']))).toBe('Stopped');
    expect(shownPhase(snapshot(['running', 'terminated', 'terminated']))).toBe('Running');
    expect(shownPhase(snapshot(['terminated', 'running']))).toBe('Running');
  });

  it('shows a container a stop ended as stopped, not as an error; a crash of its own stays an error', () => {
    const stopped = shownState(snapshot(['terminated', 'terminated']).containers[1]);
    expect(stoppedByStop(stopped, 'Stopped')).toBe(true);
    expect(stoppedByStop(stopped, 'Running')).toBe(false);
    expect(stoppedByStop(shownState(snapshot(['terminated', 'terminated'], 2).containers[1]), 'Stopped')).toBe(false);
  });

  it('counts the grace period down in whole seconds, never below zero', () => {
    const stopping = {
      kind: 'stop' as const,
      ref: { name: 'p', namespace: 'default' },
      startedAt: 1000,
      graceSeconds: 30,
      now: false,
    };
    expect(graceLeft(stopping, 1000)).toBe(30);
    // The shared clock ticks once a second: a reading from before the start still says the whole period.
    expect(graceLeft(stopping, 400)).toBe(30);
    expect(graceLeft(stopping, 3500)).toBe(28);
    expect(graceLeft(stopping, 60_000)).toBe(0);
    expect(graceLeft({ ...stopping, graceSeconds: undefined }, 5000)).toBeUndefined();
  });
});

describe('a Pod that failed under its containers (issue 21, finding 11)', () => {
  const running = { state: 'running' as const, startedAt: '2026-01-01T00:00:00Z' };
  const faulted = (reason: string | undefined, web: PodSnapshot['containers'][number]['state'], id?: string) =>
    ({
      name: 'p',
      namespace: 'default',
      phase: 'Failed' as const,
      restartPolicy: 'Always' as const,
      ...(reason ? { reason } : {}),
      containers: [
        {
          name: 'POD',
          role: 'infra' as const,
          image: 'pause',
          restartCount: 0,
          id: 'i',
          state: { state: 'terminated' as const, exitCode: 137, reason: 'Error' },
        },
        { name: 'web', role: 'app' as const, image: 'x', restartCount: 0, ...(id ? { id } : {}), state: web },
      ],
    }) satisfies PodSnapshot;

  it('knows the reasons the engine gives, and no other', () => {
    expect(podFault(faulted('InfraStopped', running, 'w'))).toBe('InfraStopped');
    expect(podFault(faulted('RunInterrupted', running, 'w'))).toBe('RunInterrupted');
    expect(podFault(faulted(undefined, running, 'w'))).toBeUndefined();
    expect(podFault(faulted('SomethingNew', running, 'w'))).toBeUndefined();
    expect(podFault(undefined)).toBeUndefined();
  });

  it('says a container still running lost its network when the infra stopped or went', () => {
    expect(containerFault(faulted('InfraStopped', running, 'w'), 'web')).toBe('networkGone');
    expect(containerFault(faulted('InfraMissing', running, 'w'), 'web')).toBe('networkGone');
    // One that has ended lost nothing more; the infra itself is no node of the canvas.
    const ended = { state: 'terminated' as const, exitCode: 0, reason: 'Completed' };
    expect(containerFault(faulted('InfraStopped', ended, 'w'), 'web')).toBeUndefined();
    expect(containerFault(faulted('InfraStopped', running, 'w'), 'POD')).toBeUndefined();
    expect(containerFault(faulted(undefined, running, 'w'), 'web')).toBeUndefined();
  });

  it('says a container was removed when the kubelet would not find it (and not for a real exit of that reason)', () => {
    const lost = { state: 'terminated' as const, exitCode: 137, reason: 'ContainerStatusUnknown', message: 'gone' };
    expect(containerFault(faulted('ContainerMissing', lost), 'web')).toBe('removed');
    // Even when the Pod's first fault is its infra: the container is still gone.
    expect(containerFault(faulted('InfraStopped', lost), 'web')).toBe('removed');
    expect(containerFault(faulted('ContainerMissing', lost, 'w'), 'web')).toBeUndefined();
  });

  it('says a container of an interrupted run will never start', () => {
    const creating = { state: 'waiting' as const, reason: 'ContainerCreating' };
    expect(containerFault(faulted('RunInterrupted', creating, 'w'), 'web')).toBe('neverStarted');
    expect(containerFault(faulted(undefined, creating, 'w'), 'web')).toBeUndefined();
  });
});
