// How a log line reads as text: for the panel's time column, for copy and for the saved file.
import type { LogLine } from './buffer';

/** "14:03:07.123" in the viewer's local time (the full RFC 3339 time is in the row's title and saved files). */
export function clockTime(t: number): string {
  const d = new Date(t);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** One line as plain text: "<time> <container> <text>", time optional. */
export function lineText(line: LogLine, withTime: boolean): string {
  return `${withTime ? `${line.time} ` : ''}${line.container} ${line.stream === 'stderr' ? '! ' : ''}${line.text}`;
}

export function linesText(lines: Iterable<LogLine>, withTime: boolean): string {
  const out: string[] = [];
  for (const line of lines) out.push(lineText(line, withTime));
  return out.length ? `${out.join('\n')}\n` : '';
}

/** A file name for a saved log: "<pod>-logs-20260101-140307.log". */
export function logFileName(pod: string, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `${pod || 'pod'}-logs-${stamp}.log`;
}

/** How many display rows a wrapped line takes when `cols` characters fit in one. */
export function wrappedRows(text: string, cols: number): number {
  if (cols <= 0) return 1;
  return Math.max(1, Math.ceil(text.length / cols));
}
