// What one run has created on the engine, and what it has asked to create without an answer yet: the rollback removes
// exactly this, and when the engine goes away the run can say by name what may be left on it.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Labels } from '../../../../shared/plan';
import { isEngineLost } from '../connection/engine-lost';

export interface CreatedContainer {
  id: string;
  /** The container's name in the Pod spec ("POD" for the infra, "volumes" for the volume helper). */
  container: string;
  /** Its Docker name, as `docker ps` shows it. */
  name: string;
}

/**
 * A run's token, on every object it creates (Labels.run): "<host>/<pid>/<random>". The rollback finds by it what a lost
 * answer hid, and status finds by it a run whose process is gone (runOwnerGone).
 */
export function newRunToken(): string {
  return `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
}

export class RunLedger {
  readonly containers: CreatedContainer[] = [];
  /** Volumes this run made (never a claim's, which outlives the Pod). */
  readonly volumes: string[] = [];
  /** The network, when this run had to create it. */
  network: string | undefined;
  /** Docker names whose create was sent and not answered (or answered by a lost connection): they may exist. */
  private readonly asked = new Set<string>();

  constructor(readonly token = newRunToken()) {}

  /** `labels` with this run's token. */
  labelled(labels: Record<string, string> = {}): Record<string, string> {
    return { ...labels, [Labels.run]: this.token };
  }

  /**
   * Runs the create of `name`, which may exist on the engine from the moment it is sent until the engine answers; if
   * the connection is lost instead, it may exist still.
   */
  async asking<T>(name: string, create: () => Promise<T>): Promise<T> {
    this.asked.add(name);
    try {
      const made = await create();
      this.asked.delete(name);
      return made;
    } catch (err) {
      if (!isEngineLost(err)) this.asked.delete(name);
      throw err;
    }
  }

  /** Whether the run made (or may have made) anything at all. */
  get empty(): boolean {
    return this.names().length === 0;
  }

  /** Everything the run made or may have made, by Docker name: containers, volumes, then the network. */
  names(): string[] {
    const made = [...this.containers.map((c) => c.name), ...this.volumes];
    const unanswered = [...this.asked].filter((n) => !made.includes(n));
    return [...made, ...unanswered, ...(this.network ? [this.network] : [])];
  }
}

/**
 * Whether the process that made a run's objects is known to be gone: on this host, its PID no longer exists (this
 * process: it has no run of the Pod in progress). On another host nobody can tell, so it is not. A PID reused since is
 * taken for the run's, as `kill -0` cannot tell them apart.
 */
export function runOwnerGone(token: string, inProgressHere: boolean): boolean {
  const [host, pidText] = token.split('/');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return !inProgressHere;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
