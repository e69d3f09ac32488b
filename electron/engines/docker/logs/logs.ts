// A Pod's logs as one stream: every selected container's lines, tagged and merged in engine-time order, that keeps
// following a container across restarts and never holds more than a bounded number of lines.
import type Docker from 'dockerode';
import { ApiError } from '../../../../shared/api';
import { Labels } from '../../../../shared/model/labels';
import {
  compareTime,
  LogDecoder,
  parseSince,
  toSinceParam,
  parseTimestamp,
  type DecodedLine,
  type LogStream,
} from './logs-parse';
import { lineSplitter } from '../connection/json-lines';
import { ContainerRuns, type EngineTime } from './container-runs';
import { rawGet, type RawBody } from './logs-http';
import { engineLostError, isEngineLost } from '../connection/engine-lost';
import { findPodContainers, isContainerGone, type PodContainer, type PodSelector } from './logs-targets';
import { streamingClient } from '../connection/streaming-client';

export type PodLogEvent =
  | {
      kind: 'line';
      /** The container's name in the Pod spec. */
      container: string;
      stream: LogStream;
      /** The engine's RFC 3339 timestamp; pass it back as `since` to resume after a lost engine. */
      time: string;
      /** The same instant in epoch milliseconds. */
      t: number;
      text: string;
      truncated: boolean;
      /**
       * 0 for the first run of the container the stream shows, +1 for each run after it (placed by the engine's
       * record of the container's exits).
       */
      attempt: number;
    }
  | { kind: 'attempt'; container: string; attempt: number; time: string; t: number }
  | { kind: 'stopped'; container: string; attempt: number; exitCode: number; time: string; t: number };

export interface PodLogOptions extends PodSelector {
  follow?: boolean;
  /** A duration back from now (5m), an RFC 3339 time or Unix seconds. */
  since?: string;
  /** Lines from the end of each container's log to start with. */
  tail?: number;
  maxLineBytes?: number;
  /** Follow mode: how long a line may wait for an earlier one from a quieter container (ms). */
  reorderMs?: number;
  /** Follow mode: how long a stopped container with no restart policy is given to start again (ms). */
  restartGraceMs?: number;
}

/** Lets a consumer that can wait (the CLI writing to a pipe) hold the merge instead of losing lines. */
export interface LogFlow {
  ready(): boolean;
  wait(): Promise<void>;
}

/** Lines queued per container before its engine stream is paused; the engine keeps the rest on disk. */
const HIGH_WATER = 20_000;
const LOW_WATER = 5_000;
/** Looks at a container whose stream closed while it still seemed to run, before calling the engine lost. */
const SAME_RUN_RECHECKS = 5;
const SAME_RUN_RECHECK_MS = 100;
/**
 * Lines emitted per turn of the event loop. The subscription's EventPump flushes between turns, so a consumer
 * that keeps up never sees its queue exceed this; only one that lags loses lines (reported as skipped).
 */
const BURST = 2_000;

interface Item {
  event: PodLogEvent;
  sec: number;
  nano: number;
  /** Wall-clock ms when it arrived here. */
  arrived: number;
}

type SourceState = 'connecting' | 'open' | 'waiting' | 'ended';

class Source {
  state: SourceState = 'connecting';
  connectedAt = 0;
  startedAt = '';
  /** Which run wrote a line: the container's exits, as the engine recorded them. */
  readonly runs: ContainerRuns;
  /** How many streams were opened for this container: a recheck of an earlier stream's end is stale once this moved on. */
  opened = 0;
  /** The open stream's lines that wait to be placed in their runs. */
  placing: LinePlacement | undefined;
  /** The highest attempt shown so far: a later one gets a restart marker first. */
  shown = 0;
  /** The highest attempt whose exit was shown: each run's end is told once. */
  endShown = -1;
  /** The sort key of the newest item queued: this container's items leave in the order they were queued. */
  lastKey: EngineTime | undefined;
  restartPending = false;
  /** How often the stream closed while inspect still showed the same run; see streamEnded. */
  sameRunCloses = 0;
  stream: RawBody | undefined;
  paused = false;
  /** The newest engine time seen, so a reopened stream does not repeat lines. */
  last: { sec: number; nano: number } | undefined;
  /** Lines at or before this time are repeats on a reopened stream. */
  floor: { sec: number; nano: number } | undefined;
  graceTimer: NodeJS.Timeout | undefined;
  private queue: Item[] = [];
  private head = 0;

  constructor(
    public id: string,
    readonly container: string,
    docker: Docker,
  ) {
    this.runs = new ContainerRuns(docker, id);
  }

  get size(): number {
    return this.queue.length - this.head;
  }

  peek(): Item | undefined {
    return this.queue[this.head];
  }

  push(item: Item): void {
    // Never before the item queued last (a stop recorded before the run's last output was copied, say).
    if (this.lastKey && compareTime(item, this.lastKey) < 0) {
      item.sec = this.lastKey.sec;
      item.nano = this.lastKey.nano;
    }
    if (!Number.isNaN(item.sec)) this.lastKey = { sec: item.sec, nano: item.nano };
    this.queue.push(item);
  }

  shift(): Item {
    const item = this.queue[this.head++]!;
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

/**
 * Streams the Pod's logs into `emit` until the logs end (no follow), every followed container is gone, or
 * `signal` aborts. Rejects with ENGINE_UNREACHABLE (details.lastTime) when the engine goes away mid-stream.
 */
export async function streamPodLogs(
  docker: Docker,
  options: PodLogOptions,
  emit: (event: PodLogEvent) => void,
  signal: AbortSignal,
  flow?: LogFlow,
): Promise<void> {
  let since: string | undefined;
  try {
    since = options.since ? parseSince(options.since) : undefined;
  } catch (err) {
    throw new ApiError('BAD_REQUEST', (err as Error).message, { since: options.since });
  }
  let targets: PodContainer[];
  try {
    targets = await findPodContainers(docker, options);
  } catch (err) {
    throw isEngineLost(err) ? engineLostError(docker, err) : err;
  }
  if (signal.aborted) return;
  const merge = new PodLogMerge(streamingClient(docker), options, emit, signal, flow);
  return merge.run(targets, since);
}

/**
 * One stream's lines on their way to the merge: each waits until the exits before it are known (container-runs.ts),
 * asking the engine's history up to the newest line waiting, one question at a time; lines of the run the stream
 * follows live, once its start is placed, go at once.
 */
class LinePlacement {
  private readonly lines: DecodedLine[] = [];
  private head = 0;
  /** The latest time among the lines waiting (stdout and stderr may arrive a little out of order). */
  private newest: EngineTime | undefined;
  private asking: Promise<void> | undefined;
  private live: EngineTime | undefined;
  /** The engine could not say: lines go with the runs known so far. */
  private blind = false;

  constructor(
    private readonly source: Source,
    private readonly place: (line: DecodedLine) => void,
    private readonly placed: () => void,
  ) {}

  /** Lines decoded but not placed yet (they count towards pausing the stream). */
  get waiting(): number {
    return this.lines.length - this.head;
  }

  /** The first line waiting: no later line of this stream goes to the merge before it. */
  get first(): DecodedLine | undefined {
    return this.lines[this.head];
  }

  add(line: DecodedLine): void {
    this.lines.push(line);
    if (!Number.isNaN(line.sec) && (!this.newest || compareTime(line, this.newest) > 0)) this.newest = line;
    this.flush();
  }

  /** Lines from `started` on belong to the run the stream follows, whose earlier exits are known. */
  liveFrom(started: EngineTime): void {
    this.live = started;
    this.flush();
    this.placed();
  }

  /** Places what waits with the runs known now (the stream was cut). */
  placeAll(): void {
    this.blind = true;
    this.flush();
  }

  /** Resolves once every line so far is placed. */
  async settled(): Promise<void> {
    for (;;) {
      this.flush();
      if (this.waiting === 0 || !this.asking) return;
      await this.asking;
    }
  }

  private ready(line: DecodedLine): boolean {
    return (
      this.blind ||
      Number.isNaN(line.sec) ||
      (this.live !== undefined && compareTime(line, this.live) >= 0) ||
      this.source.runs.knows(line)
    );
  }

  private flush(): void {
    while (this.head < this.lines.length && this.ready(this.lines[this.head]!)) this.place(this.lines[this.head++]!);
    if (this.head === this.lines.length) {
      this.lines.length = 0;
      this.head = 0;
      this.newest = undefined;
      return;
    }
    if (this.asking || !this.newest) return;
    const newest = this.newest;
    this.asking = this.source.runs.learn(newest).then((known) => {
      this.asking = undefined;
      // Not known, or known and still not placeable (never expected): place with what is known, never ask in a loop.
      if (!known || !this.source.runs.knows(newest)) this.blind = true;
      this.flush();
      this.placed();
    });
  }
}

class PodLogMerge {
  private readonly sources: Source[] = [];
  private readonly follow: boolean;
  private window: number;
  private failure: unknown;
  private timer: NodeJS.Timeout | undefined;
  private blocked = false;
  /** Wall clock of the chunk being decoded: one Date.now() per chunk, not per line. */
  private now = Date.now();
  private yielded = false;
  private finished = false;
  private events: (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
  private resolve!: () => void;
  private reject!: (err: unknown) => void;

  constructor(
    private readonly docker: Docker,
    private readonly options: PodLogOptions,
    private readonly emit: (event: PodLogEvent) => void,
    private readonly signal: AbortSignal,
    private readonly flow: LogFlow | undefined,
  ) {
    this.follow = options.follow ?? false;
    this.window = this.follow ? (options.reorderMs ?? 100) : Infinity;
  }

  run(targets: PodContainer[], since: string | undefined): Promise<void> {
    const done = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    const onAbort = (): void => this.stop();
    this.signal.addEventListener('abort', onAbort, { once: true });
    void done.finally(() => this.signal.removeEventListener('abort', onAbort)).catch(() => undefined);
    for (const target of targets) {
      const source = new Source(target.id, target.container, this.docker);
      this.sources.push(source);
    }
    if (this.follow) void this.watchStarts();
    for (const source of this.sources) void this.open(source, { since, tail: this.options.tail });
    return done;
  }

  /** Restarts show up as `start` events; the Pod's label narrows them to ours. */
  private async watchStarts(): Promise<void> {
    try {
      const stream = (await this.docker.getEvents({
        filters: { type: ['container'], event: ['start'], label: [`${Labels.pod}=${this.options.pod}`] },
      })) as NodeJS.ReadableStream & { destroy?: () => void };
      if (this.finished) return stream.destroy?.();
      this.events = stream;
      stream.on(
        'data',
        lineSplitter((line) => this.onStartEvent(line)),
      );
      stream.on('error', (err) => this.lost(err));
      stream.on('end', () => {
        if (!this.finished)
          this.lost(Object.assign(new Error('the engine closed its event stream'), { code: 'ECONNRESET' }));
      });
    } catch (err) {
      this.lost(err);
    }
  }

  private onStartEvent(line: string): void {
    let raw: { id?: string; Actor?: { ID?: string; Attributes?: Record<string, string> } };
    try {
      raw = JSON.parse(line) as typeof raw;
    } catch {
      return;
    }
    const attributes = raw.Actor?.Attributes ?? {};
    if (this.options.namespace && attributes[Labels.namespace] !== this.options.namespace) return;
    const name = attributes[Labels.container];
    const id = raw.Actor?.ID ?? raw.id;
    if (!name || !id) return;
    let source = this.sources.find((s) => s.container === name);
    if (!source) {
      // A container this stream did not pick, or the Pod's infra: only new app containers join an unfiltered stream.
      if (this.options.containers?.length || attributes[Labels.role] === 'infra') return;
      source = new Source(id, name, this.docker);
      source.state = 'waiting';
      this.sources.push(source);
    }
    if (source.id !== id) source.runs.follow(id);
    source.id = id;
    if (source.state === 'waiting' || source.state === 'ended') this.reopen(source);
    else source.restartPending = true;
  }

  private reopen(source: Source): void {
    clearTimeout(source.graceTimer);
    source.restartPending = false;
    source.floor = source.last;
    void this.open(source, { since: source.last ? toSinceParam(source.last) : undefined });
  }

  private async open(source: Source, from: { since?: string; tail?: number }): Promise<void> {
    source.state = 'connecting';
    source.sameRunCloses = 0;
    const first = source.opened++ === 0;
    let tty: boolean;
    /** When the container is stopped for good (not in a restart back-off): its last run's end. */
    let stoppedAt: EngineTime | undefined;
    try {
      const info = await this.docker.getContainer(source.id).inspect();
      tty = Boolean(info.Config.Tty);
      source.startedAt = info.State.StartedAt;
      // The runs are counted from where this reader starts: its `since`, else the container's creation.
      if (first && from.since) source.runs.from = sinceTime(from.since);
      else if (first) {
        source.runs.from = parseTimestamp(info.Created);
        source.runs.countFromCreation();
      }
      if (!info.State.Running && !info.State.Restarting && info.State.Status !== 'created')
        stoppedAt = parseTimestamp(info.State.FinishedAt);
    } catch (err) {
      if (this.finished) return;
      if (isEngineLost(err)) return this.lost(err);
      if (isContainerGone(err)) return this.gone(source);
      return this.fail(err);
    }
    if (this.finished) return;
    const query: Record<string, unknown> = { follow: this.follow, stdout: true, stderr: true, timestamps: true };
    if (from.since) query.since = from.since;
    if (from.tail !== undefined) query.tail = from.tail;
    const placing = new LinePlacement(
      source,
      (line) => this.onLine(source, line),
      () => this.drain(),
    );
    source.placing = placing;
    // A stopped container's exits are all known once those up to its last end are: lines after that end (copied after
    // the process exited) are its last run's. One question, asked while the log is requested.
    if (stoppedAt && !Number.isNaN(stoppedAt.sec)) {
      const end = stoppedAt;
      void source.runs.learn(end).then((known) => (known ? placing.liveFrom(end) : placing.placeAll()));
    }
    const decoder = new LogDecoder({
      tty,
      timestamps: true,
      maxLineBytes: this.options.maxLineBytes,
      onLine: (line) => {
        if (source.floor && !Number.isNaN(line.sec) && compareTime(line, source.floor) <= 0) return;
        if (!Number.isNaN(line.sec)) source.last = { sec: line.sec, nano: line.nano };
        placing.add(line);
      },
    });
    let body: RawBody | undefined;
    let endedEarly: boolean | undefined;
    const ended = (complete: boolean): void => {
      if (source.stream !== body || this.finished) return;
      decoder.end();
      source.stream = undefined;
      // A body cut short is the engine going away, not the end of the logs: deliver what came, tagged as far as known.
      if (!complete) {
        placing.placeAll();
        return this.lost(Object.assign(new Error('the log stream was cut off'), { code: 'ECONNRESET' }));
      }
      void placing.settled().then(() => {
        if (!this.finished) return this.streamEnded(source);
      });
    };
    try {
      body = await rawGet(this.docker, `/containers/${source.id}/logs`, query, {
        onData: (chunk) => {
          if (this.finished) return;
          this.now = Date.now();
          decoder.write(chunk);
          if (source.size + placing.waiting > HIGH_WATER && !source.paused && body) {
            source.paused = true;
            body.pause();
          }
          this.drain();
        },
        onEnd: (complete) => (body ? ended(complete) : (endedEarly = complete)),
      });
    } catch (err) {
      if (this.finished) return;
      if (isEngineLost(err)) return this.lost(err);
      if (isContainerGone(err)) return this.gone(source);
      return this.fail(err);
    }
    if (this.finished) return body.destroy();
    source.stream = body;
    source.paused = false;
    source.state = 'open';
    source.connectedAt = Date.now();
    if (endedEarly !== undefined) return ended(endedEarly);
    void this.placeLiveRun(source, placing);
  }

  /**
   * The engine has answered the request: the run it follows is the one live now, or an earlier one. Once the exits up
   * to the live run's start are known, every line of the stream can be placed, and a restart is marked.
   */
  private async placeLiveRun(source: Source, placing: LinePlacement): Promise<void> {
    let info: Docker.ContainerInspectInfo;
    try {
      info = await this.docker.getContainer(source.id).inspect();
    } catch {
      // The stream itself reports a lost engine or a removed container.
      return;
    }
    if (this.finished || !(info.State.Running && !info.State.Restarting)) return;
    const started = parseTimestamp(info.State.StartedAt);
    if (!(await source.runs.learn(started)) || this.finished) return;
    placing.liveFrom(started);
    // A restart with nothing written yet is marked too; before anything was shown, the live run may be the first.
    const attempt = source.runs.attemptIfShown(started);
    if (attempt !== undefined && attempt > source.shown)
      this.markAttempt(source, attempt, info.State.StartedAt, started);
    this.drain();
  }

  private onLine(source: Source, line: DecodedLine): void {
    const attempt = source.runs.attemptAt(line);
    if (attempt > source.shown) this.markAttempt(source, attempt, undefined, line);
    const event: PodLogEvent = {
      kind: 'line',
      container: source.container,
      stream: line.stream,
      time: line.time,
      t: Number.isNaN(line.sec) ? this.now : toMs(line),
      text: line.text,
      truncated: line.truncated,
      attempt,
    };
    source.push({ event, sec: line.sec, nano: line.nano, arrived: this.now });
  }

  /** A restart marker before the first thing of a new attempt: at its start when known, else at the exit before it. */
  private markAttempt(source: Source, attempt: number, startedAt: string | undefined, at: EngineTime): void {
    source.shown = attempt;
    this.tellEnds(source, at);
    const exit = source.runs.exitBefore(at) ?? at;
    const time = startedAt ?? toRfc3339(exit);
    const t = startedAt ? toMs(parseTimestamp(startedAt)) : toMs(exit);
    this.enqueue(source, { kind: 'attempt', container: source.container, attempt, time, t }, exit);
  }

  private enqueue(source: Source, event: PodLogEvent, at: { sec: number; nano: number }): void {
    source.push({ event, sec: at.sec, nano: at.nano, arrived: Date.now() });
  }

  /** The engine closed one container's stream: the logs are done, the container stopped, or the engine is gone. */
  private async streamEnded(source: Source): Promise<void> {
    if (!this.follow) {
      source.state = 'ended';
      return this.drain();
    }
    if (source.restartPending) return this.reopen(source);
    source.state = 'waiting';
    let info: Docker.ContainerInspectInfo;
    try {
      info = await this.docker.getContainer(source.id).inspect();
    } catch (err) {
      if (this.finished) return;
      if (isEngineLost(err)) return this.lost(err);
      if (isContainerGone(err)) return this.gone(source);
      return this.fail(err);
    }
    if (this.finished || source.state !== 'waiting') return;
    // A container in its restart back-off reports Running and Restarting both: it is stopped until its next start.
    const running = info.State.Running && !info.State.Restarting;
    if (running && info.State.StartedAt !== source.startedAt) return this.reopen(source);
    if (running && source.sameRunCloses < SAME_RUN_RECHECKS) {
      // dockerd closes a follow stream as the process exits, a moment before inspect shows it stopped (a crash loop
      // hits this every time). The engine just answered, so it is not gone: look again shortly.
      source.sameRunCloses++;
      // Only for this stream of the container: a start event may reopen (and a new stream close) before the timer fires.
      const opened = source.opened;
      setTimeout(() => {
        if (this.finished || source.opened !== opened) return;
        if (source.state === 'waiting' && source.stream === undefined) void this.streamEnded(source);
      }, SAME_RUN_RECHECK_MS);
      return;
    }
    source.sameRunCloses = 0;
    if (info.State.Status === 'created') {
      // Not started yet (an app container while the init containers run): it has not stopped, and its zero
      // FinishedAt ("0001-01-01") put a bogus "exited with code 0" before every other line. Its start event
      // reopens the stream, as its first run, not a restart.
      this.gone(source);
      return;
    }
    if (running) {
      // Still the same run after a few looks, yet the stream closed: the engine dropped us. Ask it again from where we were.
      return this.lost(
        Object.assign(new Error("the engine closed a running container's log stream"), { code: 'ECONNRESET' }),
      );
    }
    const at = parseTimestamp(info.State.FinishedAt);
    await source.runs.learn(at);
    if (this.finished) return;
    const attempt = source.runs.attemptAt(at);
    if (attempt > source.endShown) {
      source.endShown = attempt;
      this.enqueue(
        source,
        {
          kind: 'stopped',
          container: source.container,
          attempt,
          exitCode: info.State.ExitCode,
          time: info.State.FinishedAt,
          t: toMs(at),
        },
        at,
      );
    }
    const policy = info.HostConfig.RestartPolicy?.Name ?? '';
    if (policy === '' || policy === 'no') this.gone(source);
    this.drain();
  }

  /**
   * Tells the end of each run before `at` whose end was not told, from the exits the engine recorded: the engine
   * restarts a container 100 ms after it exits at first, so the reader often finds the next run already live (or opens
   * the log after a few runs), and those runs' "exited with code" would be missing.
   */
  private tellEnds(source: Source, at: EngineTime): void {
    for (const end of source.runs.endsBefore(at)) {
      // Before anything was shown there is no run to end; a code the event did not carry is not guessed.
      const attempt = source.runs.attemptIfShown(end.at);
      if (attempt === undefined || attempt <= source.endShown || end.exitCode === undefined) continue;
      source.endShown = attempt;
      const event: PodLogEvent = {
        kind: 'stopped',
        container: source.container,
        attempt,
        exitCode: end.exitCode,
        time: toRfc3339(end.at),
        t: toMs(end.at),
      };
      this.enqueue(source, event, end.at);
    }
  }

  /** The container will not come back on its own: give it a moment for a manual restart, then end it. */
  private gone(source: Source): void {
    source.state = 'waiting';
    clearTimeout(source.graceTimer);
    source.graceTimer = setTimeout(
      () => {
        if (source.state !== 'waiting') return;
        source.state = 'ended';
        this.drain();
      },
      this.follow ? (this.options.restartGraceMs ?? 2000) : 0,
    );
    this.drain();
  }

  /** Emits every line that can no longer be overtaken by an earlier one, oldest first. */
  private drain(): void {
    if (this.finished || this.blocked || this.yielded) return;
    const now = Date.now();
    let wait = Infinity;
    for (let emitted = 0; ; emitted++) {
      if (emitted === BURST) {
        this.yielded = true;
        setImmediate(() => {
          this.yielded = false;
          this.drain();
        });
        return;
      }
      if (this.flow && !this.flow.ready()) {
        this.blocked = true;
        void this.flow.wait().then(() => {
          this.blocked = false;
          this.drain();
        });
        return;
      }
      let best: Source | undefined;
      for (const s of this.sources) {
        if (s.size === 0) continue;
        if (!best || compareTime(s.peek()!, best.peek()!) < 0) best = s;
      }
      if (!best) break;
      const item = best.peek()!;
      const holdFor = this.holdFor(best, item, now);
      if (holdFor > 0) {
        wait = holdFor;
        break;
      }
      this.emit(best.shift().event);
      if (best.paused && best.size < LOW_WATER) {
        best.paused = false;
        best.stream?.resume();
      }
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    if (Number.isFinite(wait)) this.timer = setTimeout(() => this.drain(), wait);
    if (this.sources.every((s) => s.state === 'ended' && s.size === 0)) this.stop();
  }

  /** How long `item` must still wait for a quieter container that might have an earlier line (0: emit now). */
  private holdFor(owner: Source, item: Item, now: number): number {
    let hold = 0;
    for (const s of this.sources) {
      if (s === owner || s.size > 0) continue;
      // An earlier line that waits for its run to be known goes first: its placing calls drain() again.
      const waiting = s.placing?.first;
      if (waiting) {
        if (compareTime(waiting, item) < 0) return Infinity;
        continue;
      }
      if (s.state === 'waiting' || s.state === 'ended') continue;
      if (!Number.isFinite(this.window)) return Infinity;
      // A line that waited a whole window goes; so does one whose engine time is a window old once the quiet
      // container has been connected that long (its backlog has arrived by then).
      const byArrival = item.arrived + this.window - now;
      const byTime =
        s.state === 'open' ? Math.max(s.connectedAt + this.window - now, item.event.t + this.window - now) : Infinity;
      hold = Math.max(hold, Math.min(byArrival, byTime));
    }
    return hold;
  }

  private lost(err: unknown): void {
    if (this.finished) return;
    const last = this.sources.reduce<{ sec: number; nano: number } | undefined>(
      (acc, s) => (s.last && (!acc || compareTime(s.last, acc) > 0) ? s.last : acc),
      undefined,
    );
    // Deliver what already arrived, then fail: the consumer resumes from the last line it saw.
    this.failure = engineLostError(
      this.docker,
      err,
      last ? { lastTime: new Date(toMs(last)).toISOString(), since: toSinceParam(last) } : {},
    );
    for (const s of this.sources) {
      s.state = 'ended';
      s.stream?.destroy();
      s.stream = undefined;
    }
    this.events?.destroy?.();
    this.window = 0;
    // drain() ends the stream with the failure once what already arrived is out.
    this.drain();
  }

  /** An error that is neither a lost engine nor a removed container: end the stream with it. */
  private fail(err: unknown): void {
    if (this.finished) return;
    this.failure = err;
    this.stop();
  }

  private stop(): void {
    if (this.finished) return;
    const err = this.failure;
    this.finished = true;
    clearTimeout(this.timer);
    this.events?.destroy?.();
    for (const s of this.sources) {
      clearTimeout(s.graceTimer);
      s.stream?.destroy();
      s.stream = undefined;
    }
    if (err) this.reject(err);
    else this.resolve();
  }
}

function toMs(t: { sec: number; nano: number }): number {
  return Number.isNaN(t.sec) ? Date.now() : t.sec * 1000 + t.nano / 1e6;
}

/** An engine time as RFC 3339 with nanoseconds, as the engine writes it. */
function toRfc3339(t: EngineTime): string {
  return `${new Date(t.sec * 1000).toISOString().slice(0, 19)}.${String(t.nano).padStart(9, '0')}Z`;
}

/** The engine time a `since` parameter (Unix seconds with a fraction) names. */
function sinceTime(since: string): EngineTime {
  const [sec, fraction = ''] = since.split('.');
  return { sec: Number(sec), nano: Number(fraction.padEnd(9, '0').slice(0, 9)) };
}
