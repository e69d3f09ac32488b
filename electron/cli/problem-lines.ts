// How the CLI prints a problem, the same way in every command (validate, run, export): where, what, the code and
// category, the message, the explanation once with --explain, and the fixes.
import type { Diagnostic } from '../../shared/model/diagnostic';

export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

export function palette(color: boolean): Palette {
  const wrap = (code: number) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { red: wrap(31), yellow: wrap(33), cyan: wrap(36), dim: wrap(2), bold: wrap(1), green: wrap(32) };
}

/** Colour on a terminal, never in a pipe or when NO_COLOR is set. */
export function colorFor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR;
}

/** `file:line:column` of a problem that knows its place, else the file. */
export function place(file: string, d: Pick<Diagnostic, 'at'>): string {
  return d.at ? `${file}:${d.at.line}:${d.at.column}` : file;
}

/**
 * The lines of one problem, indented by `indent`. `explained` collects codes already explained, so --explain says
 * each once.
 */
export function problemLines(
  d: Diagnostic,
  c: Palette,
  options: { indent: string; file?: string; explain?: boolean; explained?: Set<string> },
): string[] {
  const mark = { error: c.red('error  '), warning: c.yellow('warning'), info: c.cyan('info   ') }[d.severity];
  const where = d.at && options.file ? `${c.dim(`${place(options.file, d)}`)}  ` : '';
  const lines = [`${options.indent}${mark} ${where}${d.path || '(object)'}  ${c.dim(`${d.code} [${d.category}]`)}`];
  const body = `${options.indent}        `;
  lines.push(`${body}${d.message}`);
  if (options.explain && d.explanation && !options.explained?.has(d.code)) {
    options.explained?.add(d.code);
    lines.push(...wrapText(d.explanation, 96).map((l) => `${body}${c.dim(l)}`));
  }
  for (const fix of d.fixes) lines.push(`${body}${c.dim(`fix: ${fix.title}`)}`);
  return lines;
}

export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
