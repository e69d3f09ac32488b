// The log panel's memory: a fixed-size ring of lines, the filtered view over it and the search matches in that view,
// all updated incrementally so a flood of lines costs O(batch), not O(buffer), per frame.

export type LogStream = 'stdout' | 'stderr' | 'tty' | 'meta';

export interface LogLine {
  /** Position in the whole stream since the last clear; never reused, so views can refer to lines by it. */
  seq: number;
  container: string;
  stream: LogStream;
  /** The engine's RFC 3339 timestamp. */
  time: string;
  /** The same instant in epoch milliseconds. */
  t: number;
  text: string;
  /** The line was longer than the back end's limit; text is its beginning. */
  truncated?: boolean;
  /** On a cluster: the replica Pod the line came from (one run, several Pods). */
  replica?: string;
  /** For stream 'meta': what happened, so the panel can say it in the user's language. */
  meta?: { kind: 'stopped'; exitCode: number } | { kind: 'attempt'; attempt: number } | { kind: 'unavailable' };
}

export type NewLogLine = Omit<LogLine, 'seq'>;

/** Which lines the view shows: an empty `containers` set means every container. */
export interface LogFilter {
  containers: ReadonlySet<string>;
  stderrOnly: boolean;
}

export const showAll: LogFilter = { containers: new Set(), stderrOnly: false };

export function passes(line: LogLine, filter: LogFilter): boolean {
  if (filter.containers.size > 0 && !filter.containers.has(line.container)) return false;
  // Meta lines (a container stopped, restarted) belong to the container, not to a stream: keep them under stderr only.
  if (filter.stderrOnly && line.stream !== 'stderr' && line.stream !== 'meta') return false;
  return true;
}

/** Case-insensitive plain-text search (what users type into a log search box is rarely a regex). */
export function matchRanges(text: string, query: string): Array<[number, number]> {
  if (!query) return [];
  const hay = text.toLowerCase();
  const needle = query.toLowerCase();
  const out: Array<[number, number]> = [];
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) {
    out.push([at, at + needle.length]);
  }
  return out;
}

export function lineMatches(line: LogLine, query: string): boolean {
  return query !== '' && line.text.toLowerCase().includes(query.toLowerCase());
}

/** A growable list of sequence numbers with a cheap drop-from-the-front (no O(n) shift per dropped line). */
class SeqList {
  private items: number[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }
  at(i: number): number | undefined {
    return this.items[this.head + i];
  }
  push(seq: number): void {
    this.items.push(seq);
  }
  /** Drops every entry below `first`; entries are ascending. */
  dropBelow(first: number): void {
    while (this.head < this.items.length && this.items[this.head]! < first) this.head++;
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
  /** Index of the first entry >= seq (binary search). */
  lowerBound(seq: number): number {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo - this.head;
  }
  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

export class LogBuffer {
  private readonly ring: Array<LogLine | undefined>;
  /** seq of the oldest line still held. */
  private first = 0;
  /** seq the next line gets. */
  private next = 0;
  private readonly view = new SeqList();
  private readonly matches = new SeqList();
  private filter: LogFilter = showAll;
  private query = '';
  /** Lines the ring had to drop since the last clear. */
  dropped = 0;

  constructor(readonly capacity = 50_000) {
    this.ring = new Array<LogLine | undefined>(capacity);
  }

  /** Lines held (before filtering). */
  get size(): number {
    return this.next - this.first;
  }
  /** Lines the view shows. */
  get visibleCount(): number {
    return this.view.length;
  }
  /** Lines in the view that match the search. */
  get matchCount(): number {
    return this.matches.length;
  }

  get(seq: number): LogLine | undefined {
    if (seq < this.first || seq >= this.next) return undefined;
    return this.ring[seq % this.capacity];
  }

  /** The i-th line of the filtered view. */
  visible(i: number): LogLine | undefined {
    const seq = this.view.at(i);
    return seq === undefined ? undefined : this.get(seq);
  }

  /** The view index of the i-th search match. */
  matchIndex(i: number): number | undefined {
    const seq = this.matches.at(i);
    return seq === undefined ? undefined : this.view.lowerBound(seq);
  }

  /** The number of the first match at or after view index `index` (for "3 of 12" after a scroll). */
  matchAtOrAfter(index: number): number {
    const seq = this.view.at(index);
    return seq === undefined ? this.matches.length : this.matches.lowerBound(seq);
  }

  /** Takes ownership of `lines` (numbers them in place: one object per line matters under a flood). */
  append(lines: readonly NewLogLine[]): void {
    for (const incoming of lines) {
      const line = incoming as LogLine;
      line.seq = this.next++;
      this.ring[line.seq % this.capacity] = line;
      if (passes(line, this.filter)) {
        this.view.push(line.seq);
        if (lineMatches(line, this.query)) this.matches.push(line.seq);
      }
    }
    const over = this.next - this.first - this.capacity;
    if (over > 0) {
      this.first += over;
      this.dropped += over;
      this.view.dropBelow(this.first);
      this.matches.dropBelow(this.first);
    }
  }

  setFilter(filter: LogFilter): void {
    this.filter = filter;
    this.rebuild();
  }

  setQuery(query: string): void {
    this.query = query;
    this.matches.clear();
    if (!query) return;
    for (let i = 0; i < this.view.length; i++) {
      const line = this.visible(i)!;
      if (lineMatches(line, query)) this.matches.push(line.seq);
    }
  }

  clear(): void {
    this.ring.fill(undefined);
    this.first = this.next;
    this.dropped = 0;
    this.view.clear();
    this.matches.clear();
  }

  /** Every line of the view, oldest first (for save and copy). */
  *lines(from = 0, to = this.view.length): Generator<LogLine> {
    for (let i = from; i < to; i++) yield this.visible(i)!;
  }

  private rebuild(): void {
    this.view.clear();
    for (let seq = this.first; seq < this.next; seq++) {
      const line = this.ring[seq % this.capacity]!;
      if (passes(line, this.filter)) this.view.push(seq);
    }
    this.setQuery(this.query);
  }
}
