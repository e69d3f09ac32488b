// Which run of a container wrote a log line, from the engine's own record of the container's exits ('die' events).
//
// A follow request serves the log from `since` and then the run that is live when the engine answers it, which on a
// busy machine may be a run or two later than the one the request was made for: the stream's own run is not the
// line's run. The engine logs 'die' only after it has copied the run's last output (moby handleContainerExit waits
// for the stream copiers, closes the logger, then logs the event), and the next run starts after that, so the die
// times are exact separators between runs. Neither StartedAt (a run may print before it is recorded) nor FinishedAt
// (output is copied after the process exits) is.
import type Docker from 'dockerode';
import { lineSplitter } from '../connection/json-lines';
import { compareTime, toSinceParam } from './logs-parse';

export interface EngineTime {
  sec: number;
  nano: number;
}

/** One container's exits, learnt from the engine's event history as far as the log read so far needs them. */
export class ContainerRuns {
  /** Engine times of the exits known, sorted. */
  private readonly exits: EngineTime[] = [];
  /** Each known exit's code, as its 'die' event gave it, by the exit's engine time. */
  private readonly codes = new Map<string, number>();
  /** The exits are complete up to this engine time. */
  private knownUntil: EngineTime | undefined;
  private learning: Promise<void> = Promise.resolve();
  /** Exits before the first thing shown: attempt 0 is the first run the reader saw. */
  private base: number | undefined;
  /** Where the first question to the history starts: the container's creation, or the reader's `since`. */
  from: EngineTime = { sec: 0, nano: 0 };

  constructor(
    private readonly docker: Docker,
    private id: string,
  ) {}

  /**
   * Numbers runs from the container's first (counted from its creation): the log then says the same number as the
   * engine's restart count on the container's node, however late it was opened. Without it, attempt 0 is the first run
   * the reader saw (a log asked `since` a time).
   */
  countFromCreation(): void {
    this.base = 0;
  }

  /** The container was recreated under the same Pod name (a new id): its runs start over. */
  follow(id: string): void {
    this.id = id;
  }

  /**
   * Makes the exits complete up to `until` (an engine time in the past, so the engine answers from its history at
   * once), asking only for what is not known yet, from `from` on. Resolves false when the engine could not say (gone,
   * or without event history): the exits stay as they were.
   */
  learn(until: EngineTime): Promise<boolean> {
    const learnt = this.learning.then(async () => {
      const since = this.knownUntil ?? this.from;
      // Exits before `from` are not counted: up to there, nothing is missing.
      this.knownUntil = since;
      if (compareTime(until, since) <= 0) return true;
      try {
        const found = await exitsBetween(this.docker, this.id, since, until);
        for (const exit of found) {
          this.add(exit.at);
          if (exit.code !== undefined) this.codes.set(timeKey(exit.at), exit.code);
        }
        this.knownUntil = until;
        return true;
      } catch {
        return false;
      }
    });
    this.learning = learnt.then(() => undefined);
    return learnt;
  }

  /** Whether every exit before `t` is known, so that a line written at `t` can be placed. */
  knows(t: EngineTime): boolean {
    return this.knownUntil !== undefined && compareTime(t, this.knownUntil) <= 0;
  }

  /**
   * The attempt of the run that was live at engine time `t`: 0 for the first run shown, +1 per exit since. The first
   * call shows something: call it in the order things are shown (a stream's lines come oldest first).
   */
  attemptAt(t: EngineTime): number {
    const before = this.exitsBefore(t);
    this.base ??= before;
    return Math.max(0, before - this.base);
  }

  /** attemptAt without showing anything: undefined until something was shown (older lines may still come). */
  attemptIfShown(t: EngineTime): number | undefined {
    return this.base === undefined ? undefined : Math.max(0, this.exitsBefore(t) - this.base);
  }

  /** The exit that ended the run before the one live at `t` (where a restart marker sorts), if known. */
  exitBefore(t: EngineTime): EngineTime | undefined {
    const n = this.exitsBefore(t);
    return n > 0 ? this.exits[n - 1] : undefined;
  }

  /**
   * The known exits before `t`, oldest first, with the code each run exited with: how a run's end is told when the
   * engine restarted the container before the reader could look at it (its inspect then shows the next run).
   */
  endsBefore(t: EngineTime): { at: EngineTime; exitCode: number | undefined }[] {
    return this.exits.slice(0, this.exitsBefore(t)).map((at) => ({ at, exitCode: this.codes.get(timeKey(at)) }));
  }

  private exitsBefore(t: EngineTime): number {
    if (Number.isNaN(t.sec)) return this.exits.length;
    let lo = 0;
    let hi = this.exits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareTime(this.exits[mid]!, t) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private add(t: EngineTime): void {
    const at = this.exitsBefore(t);
    if (this.exits[at] && compareTime(this.exits[at], t) === 0) return;
    this.exits.splice(at, 0, t);
  }
}

const timeKey = (t: EngineTime): string => `${t.sec}.${t.nano}`;

interface Exit {
  at: EngineTime;
  code: number | undefined;
}

/** The exit code a 'die' event carries among its attributes, if it reads as one. */
function exitCodeOf(line: string): number | undefined {
  try {
    const code = (JSON.parse(line) as { Actor?: { Attributes?: Record<string, unknown> } }).Actor?.Attributes?.exitCode;
    return typeof code === 'string' && /^\d{1,3}$/.test(code) ? Number(code) : undefined;
  } catch {
    return undefined;
  }
}

/** The container's 'die' events between two engine times, from the engine's event history. */
async function exitsBetween(docker: Docker, id: string, since: EngineTime, until: EngineTime): Promise<Exit[]> {
  const stream = (await docker.getEvents({
    since: toSinceParam(since),
    until: toSinceParam(until),
    filters: { type: ['container'], container: [id], event: ['die'] },
    // The engine takes fractional Unix seconds; the typings say whole ones.
  } as unknown as Docker.GetEventsOptions)) as NodeJS.ReadableStream;
  const found: Exit[] = [];
  await new Promise<void>((resolve, reject) => {
    stream.on(
      'data',
      lineSplitter((line) => {
        // timeNano has more digits than a double keeps: read it as text.
        const nano = /"timeNano":(\d{10,})/.exec(line)?.[1];
        if (nano)
          found.push({ at: { sec: Number(nano.slice(0, -9)), nano: Number(nano.slice(-9)) }, code: exitCodeOf(line) });
      }),
    );
    let ended = false;
    stream.on('end', () => {
      ended = true;
      resolve();
    });
    // Closed before its end: the history is not complete, so nothing is learnt from it.
    stream.on('close', () => (ended ? resolve() : reject(new Error('the event history was cut off'))));
    stream.on('error', reject);
  });
  return found;
}
