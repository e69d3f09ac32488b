// A running Pod's status in Kubernetes' terms: per-container state and the Pod phase (kubelet getPhase),
// computed from the init and app containers only; the infra container is Podwright's, not the user's.

export type ContainerState =
  | { state: 'waiting'; reason: string; message?: string }
  | { state: 'running'; startedAt: string }
  | {
      state: 'terminated';
      exitCode: number;
      reason: string;
      startedAt?: string;
      finishedAt?: string;
      message?: string;
    };

export interface ContainerStatus {
  /** The container's name in the Pod spec ("POD" for the infra). */
  name: string;
  role: 'infra' | 'init' | 'sidecar' | 'app';
  image: string;
  /** The Docker container id, once created. */
  id?: string;
  state: ContainerState;
  restartCount: number;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** The reason Kubernetes shows for a container that exited with `exitCode`. */
export function terminatedReason(exitCode: number, oomKilled = false): string {
  if (oomKilled) return 'OOMKilled';
  return exitCode === 0 ? 'Completed' : 'Error';
}

/**
 * The Pod phase as kubelet_pods.go getPhase computes it. `containers` holds every status; the infra is ignored,
 * init containers gate the start, and sidecars (restartable init containers) count once started.
 */
export function podPhase(restartPolicy: 'Always' | 'OnFailure' | 'Never', containers: ContainerStatus[]): PodPhase {
  const init = containers.filter((c) => c.role === 'init');
  const apps = containers.filter((c) => c.role === 'app');
  let pendingInitialization = false;
  let failedInitialization = false;
  for (const c of init) {
    if (c.state.state === 'terminated') {
      if (c.state.exitCode !== 0) {
        failedInitialization = true;
        pendingInitialization = true;
      }
    } else pendingInitialization = true;
  }
  if (failedInitialization && restartPolicy === 'Never') return 'Failed';
  if (pendingInitialization) return 'Pending';

  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of apps) {
    if (c.state.state === 'running') running++;
    // Waiting after it ran before (a crash loop's back-off) has a last termination: getPhase counts it as stopped,
    // so a crash-looping Pod is Running (restartPolicy Always), not Pending.
    else if (c.state.state === 'waiting' && c.restartCount === 0 && c.state.reason !== 'CrashLoopBackOff') waiting++;
    else if (c.state.state === 'waiting') stopped++;
    else {
      stopped++;
      if (c.state.exitCode === 0) succeeded++;
    }
  }
  if (apps.length === 0) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** One line per container for a terminal: "web  running  since 10:01:02". */
export function describeState(s: ContainerState): string {
  switch (s.state) {
    case 'waiting':
      return `waiting (${s.reason})`;
    case 'running':
      return `running since ${s.startedAt}`;
    case 'terminated':
      return `terminated (${s.reason}, exit code ${s.exitCode})`;
  }
}
