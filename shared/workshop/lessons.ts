// The workshop's lessons as data: steps with text keys, nodes to highlight, actions to perform and claims to prove on a live Pod.

/** Something a step does to the design or the running Pod, through the same paths a user would take. */
export type StepAction =
  /** Replaces the design with a bundled example (assets/examples/<example>.pod.yaml). */
  | { kind: 'loadExample'; example: string }
  /** Adds an app container (once: nothing happens when one of that name exists). */
  | { kind: 'addContainer'; container: { name: string; image: string; command: string[] } }
  /** Sets a boolean Pod field, e.g. spec.shareProcessNamespace. */
  | { kind: 'setPodField'; field: 'shareProcessNamespace'; value: boolean }
  /** Applies the first quick fix of the first diagnostic with this code. */
  | { kind: 'applyFix'; code: string }
  /** Makes the container's `-p PORT` argument match its first declared containerPort (a fix changes only the declaration). */
  | { kind: 'listenOnDeclaredPort'; container: string }
  | { kind: 'run' }
  /** Down, then run: a running Pod's spec cannot change, so Kubernetes and Podwright re-create it. */
  | { kind: 'recreate' }
  | { kind: 'down' }
  /** Opens the Pod's logs (only these containers when given). */
  | { kind: 'showLogs'; containers?: string[] }
  /** Runs one command in one container and shows its output; used to kill the infra from inside the Pod. */
  | { kind: 'exec'; container: string; command: string[] }
  /** Reads the Pod's status from the engine and shows every container, the infra included. */
  | { kind: 'showStatus' }
  | { kind: 'showCapacity' };

/**
 * How outputs are compared. `text`: the outputs as printed (trailing spaces and NULs evened out). `processes`: `ps -o
 * pid,args` listings, judged by whether each container sees the other containers' main processes.
 */
export type Comparison = 'text' | 'processes';

/** "Prove it": the same command in two or more containers of the live Pod, side by side. */
export interface Proof {
  /** Names the i18n keys lessons.proof.<id>.label and lessons.proof.<id>.why. */
  id: string;
  command: string[];
  containers: string[];
  /** What the lesson claims the outputs show. */
  expect: 'same' | 'different';
  compare: Comparison;
}

export interface LessonStep {
  id: string;
  /** Container or volume names (or raw node ids such as ns:shared) to highlight on the canvas. */
  highlight: string[];
  actions?: StepAction[];
  /** Perform the actions when the step is entered (harmless ones: loading the lesson's example, opening a view). */
  auto?: boolean;
  proofs?: Proof[];
}

export interface Lesson {
  /** Names the i18n keys lessons.<id>.title, lessons.<id>.summary and lessons.<id>.steps.<step>. */
  id: string;
  /** The example the lesson works on, if any. */
  example?: string;
  /** The lesson runs a Pod: the panel shows the Pod's name and offers to clean up. */
  runsPod: boolean;
  steps: LessonStep[];
}

const ps = ['ps', '-o', 'pid,args'];

export const lessons: Lesson[] = [
  {
    id: 'whyPods',
    example: 'helloworld',
    runsPod: false,
    steps: [
      { id: 'program', highlight: ['api', 'main', 'log', 'compute'], actions: [{ kind: 'loadExample', example: 'helloworld' }], auto: true },
      { id: 'api', highlight: ['api'] },
      { id: 'workers', highlight: ['main', 'log', 'log-storage', 'compute', 'data-storage'] },
      { id: 'oneProcess', highlight: ['api', 'main', 'log', 'compute'] },
      { id: 'processManager', highlight: [] },
      {
        id: 'addProcess',
        highlight: ['metrics'],
        actions: [
          {
            kind: 'addContainer',
            container: {
              name: 'metrics',
              image: 'busybox:1.36',
              command: ['sh', '-c', 'while true; do wget -q -O /dev/null http://localhost:80/ && echo api up; sleep 10; done'],
            },
          },
        ],
      },
      { id: 'together', highlight: ['ns:shared', 'log-storage', 'data-storage'] },
    ],
  },
  {
    id: 'podShares',
    example: 'helloworld',
    runsPod: true,
    steps: [
      { id: 'load', highlight: ['api', 'main'], actions: [{ kind: 'loadExample', example: 'helloworld' }], auto: true },
      { id: 'run', highlight: ['ns:shared'], actions: [{ kind: 'run' }] },
      {
        id: 'hostname',
        highlight: ['api', 'main'],
        proofs: [{ id: 'hostname', command: ['hostname'], containers: ['api', 'main'], expect: 'same', compare: 'text' }],
      },
      {
        id: 'network',
        highlight: ['api', 'main', 'ns:shared'],
        proofs: [
          { id: 'sockets', command: ['netstat', '-ltn'], containers: ['api', 'main'], expect: 'same', compare: 'text' },
        ],
      },
      {
        id: 'processes',
        highlight: ['api', 'main'],
        proofs: [{ id: 'processes', command: ps, containers: ['api', 'main'], expect: 'different', compare: 'processes' }],
      },
      {
        id: 'filesystem',
        highlight: ['log', 'compute', 'log-storage', 'data-storage'],
        proofs: [{ id: 'rootfs', command: ['ls', '/'], containers: ['log', 'compute'], expect: 'different', compare: 'text' }],
      },
      {
        id: 'sharePid',
        highlight: ['api', 'main', 'ns:pid'],
        actions: [{ kind: 'setPodField', field: 'shareProcessNamespace', value: true }, { kind: 'recreate' }],
      },
      {
        id: 'processesShared',
        highlight: ['api', 'main', 'ns:pid'],
        proofs: [
          { id: 'processesShared', command: ps, containers: ['api', 'main'], expect: 'same', compare: 'processes' },
        ],
      },
      { id: 'cleanUp', highlight: [], actions: [{ kind: 'down' }] },
    ],
  },
  {
    id: 'sidecar',
    example: 'sidecar-logs',
    runsPod: true,
    steps: [
      {
        id: 'load',
        highlight: ['app', 'log-shipper', 'logs'],
        actions: [{ kind: 'loadExample', example: 'sidecar-logs' }],
        auto: true,
      },
      { id: 'native', highlight: ['log-shipper'] },
      { id: 'run', highlight: ['app', 'log-shipper'], actions: [{ kind: 'run' }] },
      {
        id: 'volume',
        highlight: ['app', 'log-shipper', 'logs'],
        proofs: [
          { id: 'volume', command: ['ls', '/var/log/app'], containers: ['app', 'log-shipper'], expect: 'same', compare: 'text' },
        ],
      },
      { id: 'logs', highlight: ['log-shipper'], actions: [{ kind: 'showLogs' }], auto: true },
      { id: 'cleanUp', highlight: [], actions: [{ kind: 'down' }] },
    ],
  },
  {
    id: 'portClash',
    example: 'port-clash',
    runsPod: true,
    steps: [
      { id: 'load', highlight: ['web', 'admin'], actions: [{ kind: 'loadExample', example: 'port-clash' }], auto: true },
      { id: 'diagnostic', highlight: ['admin'] },
      { id: 'run', highlight: ['web', 'admin'], actions: [{ kind: 'run' }] },
      // Both start almost together: whichever binds second fails, so the lesson shows every container's log.
      { id: 'logs', highlight: ['web', 'admin'], actions: [{ kind: 'showLogs' }], auto: true },
      {
        id: 'fix',
        highlight: ['admin'],
        actions: [{ kind: 'applyFix', code: 'POD_PORT_CLASH' }, { kind: 'listenOnDeclaredPort', container: 'admin' }],
      },
      {
        id: 'rerun',
        highlight: ['web', 'admin'],
        actions: [{ kind: 'recreate' }],
        proofs: [
          { id: 'bothListen', command: ['netstat', '-ltn'], containers: ['web', 'admin'], expect: 'same', compare: 'text' },
        ],
      },
      { id: 'cleanUp', highlight: [], actions: [{ kind: 'down' }] },
    ],
  },
  {
    id: 'infra',
    example: 'helloworld',
    runsPod: true,
    steps: [
      { id: 'load', highlight: ['ns:shared'], actions: [{ kind: 'loadExample', example: 'helloworld' }], auto: true },
      { id: 'holds', highlight: ['ns:shared'] },
      {
        id: 'run',
        highlight: ['ns:pid'],
        actions: [{ kind: 'setPodField', field: 'shareProcessNamespace', value: true }, { kind: 'recreate' }],
      },
      {
        id: 'pidOne',
        highlight: ['api', 'main', 'ns:pid'],
        proofs: [
          { id: 'pidOne', command: ['cat', '/proc/1/cmdline'], containers: ['api', 'main'], expect: 'same', compare: 'text' },
        ],
      },
      { id: 'status', highlight: [], actions: [{ kind: 'showStatus' }], auto: true },
      {
        id: 'kill',
        highlight: ['ns:pid'],
        actions: [{ kind: 'exec', container: 'main', command: ['kill', '1'] }, { kind: 'showStatus' }],
      },
      { id: 'kubelet', highlight: [] },
      { id: 'cleanUp', highlight: [], actions: [{ kind: 'down' }] },
    ],
  },
  {
    id: 'scheduling',
    example: 'scheduled-as-one-unit',
    runsPod: false,
    steps: [
      {
        id: 'load',
        highlight: ['app', 'log-collector'],
        actions: [{ kind: 'loadExample', example: 'scheduled-as-one-unit' }],
        auto: true,
      },
      { id: 'nodes', highlight: ['app', 'log-collector'], actions: [{ kind: 'showCapacity' }], auto: true },
      { id: 'oneByOne', highlight: ['log-collector'], actions: [{ kind: 'showCapacity' }], auto: true },
      { id: 'init', highlight: [], actions: [{ kind: 'showCapacity' }], auto: true },
    ],
  },
];

export function lessonById(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}

export const titleKey = (lesson: Lesson): string => `lessons.${lesson.id}.title`;
export const summaryKey = (lesson: Lesson): string => `lessons.${lesson.id}.summary`;
export const stepKey = (lesson: Lesson, step: LessonStep): string => `lessons.${lesson.id}.steps.${step.id}`;
export const proofLabelKey = (proof: Proof): string => `lessons.proof.${proof.id}.label`;
export const proofWhyKey = (proof: Proof): string => `lessons.proof.${proof.id}.why`;
export const actionKey = (action: StepAction): string => `lessons.action.${action.kind}`;

/** Every translation key the lessons use, so a test can demand each in every language. */
export function lessonKeys(all: readonly Lesson[] = lessons): string[] {
  const keys = new Set<string>();
  for (const lesson of all) {
    keys.add(titleKey(lesson));
    keys.add(summaryKey(lesson));
    for (const step of lesson.steps) {
      keys.add(stepKey(lesson, step));
      for (const action of step.actions ?? []) keys.add(actionKey(action));
      for (const proof of step.proofs ?? []) {
        keys.add(proofLabelKey(proof));
        keys.add(proofWhyKey(proof));
      }
    }
  }
  return [...keys];
}

/** The node id for a highlight entry: raw ids pass through, names resolve to a container, else a volume. */
export function highlightIds(names: readonly string[], containers: ReadonlySet<string>): string[] {
  return names.map((n) => (n.includes(':') ? n : containers.has(n) ? `container:${n}` : `volume:${n}`));
}

/**
 * The containers and volumes a step works on (highlights, proofs, commands, logs) that its own actions do not make:
 * what the design must hold for the step to make sense. None for a step that opens its example itself.
 */
export function stepNeeds(step: LessonStep): string[] {
  const actions = step.actions ?? [];
  if (actions.some((a) => a.kind === 'loadExample')) return [];
  const made = new Set(actions.flatMap((a) => (a.kind === 'addContainer' ? [a.container.name] : [])));
  const named = [
    ...step.highlight,
    ...(step.proofs ?? []).flatMap((p) => p.containers),
    ...actions.flatMap((a) =>
      a.kind === 'exec' || a.kind === 'listenOnDeclaredPort'
        ? [a.container]
        : a.kind === 'showLogs'
          ? (a.containers ?? [])
          : [],
    ),
  ];
  // Raw node ids (ns:shared) are the Pod's own namespaces, there in every design.
  return [...new Set(named)].filter((n) => !n.includes(':') && !made.has(n));
}

/** What `step` needs that a design with these container and volume names lacks; empty when it fits. */
export function missingForStep(step: LessonStep, names: ReadonlySet<string>): string[] {
  return stepNeeds(step).filter((n) => !names.has(n));
}

/** The step that opens the example step `index` works on: the last one at or before it that loads an example. */
export function exampleStepFor(lesson: Lesson, index: number): number | undefined {
  for (let i = Math.min(index, lesson.steps.length - 1); i >= 0; i--)
    if (lesson.steps[i]!.actions?.some((a) => a.kind === 'loadExample')) return i;
  return undefined;
}
