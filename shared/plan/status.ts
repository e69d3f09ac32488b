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

/**
 * How long `ms` milliseconds is, in the words `docker ps` uses (go-units' HumanDuration), lower-cased to sit inside a
 * sentence: "less than a second", "3 seconds", "about a minute", "5 minutes", "about an hour", "3 days".
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (!(seconds >= 1)) return 'less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'about a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'about an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/**
 * The engine's time (RFC 3339, nanoseconds and all) in epoch ms; undefined for none, an unreadable one, or the zero
 * time ("0001-01-01T00:00:00Z") an engine gives a container that never started or stopped.
 */
export function engineTime(time: string | undefined): number | undefined {
  if (!time) return undefined;
  const ms = Date.parse(time);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** How long ago `time` was, from `now` (ms); an engine clock a little ahead of this one counts as just now. */
export function durationSince(time: number, now: number): string {
  return humanDuration(Math.max(0, now - time));
}

/**
 * One line per container for a terminal, with human times from `now` (epoch ms) as `docker ps` shows them:
 * "running, up 3 minutes", "terminated (Completed, exit code 0) 2 hours ago", "waiting (ContainerCreating)".
 * Machine-readable output (--json) keeps the engine's own timestamps.
 */
export function describeState(s: ContainerState, now: number): string {
  switch (s.state) {
    case 'waiting':
      return `waiting (${s.reason})`;
    case 'running': {
      const started = engineTime(s.startedAt);
      return started === undefined ? 'running' : `running, up ${durationSince(started, now)}`;
    }
    case 'terminated': {
      const finished = engineTime(s.finishedAt);
      const when = finished === undefined ? '' : ` ${durationSince(finished, now)} ago`;
      return `terminated (${s.reason}, exit code ${s.exitCode})${when}`;
    }
  }
}
