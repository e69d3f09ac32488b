// `podwright validate`: checks Pod manifests (YAML or JSON, multi-document, `-` for stdin) with the rule engine.
import { readFile, stat } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { defaultLimits as defaultLoadLimits, loadPods, type LoadError } from '../../../shared/manifest';
import { acceptedByKubernetes, validatePod, type Diagnostic } from '../../../shared/rules';
import { paint, printable, sayPainted, writeData, type Colour } from '../terminal';
import type { RegisterCommand } from './index';

export type ValidateFormat = 'text' | 'json';

/** One file's verdict, as `--format json` prints it. */
export interface FileReport {
  file: string;
  valid: boolean;
  diagnostics: Pick<Diagnostic, 'code' | 'severity' | 'category' | 'path' | 'message'>[];
}

interface FileResult {
  report: FileReport;
  /** The file could not be read or parsed (exit code 2). */
  unreadable: boolean;
  /** Full diagnostics per Pod, for the text format. */
  pods: { name: string; document: number; diagnostics: Diagnostic[] }[];
  notes: string[];
  problems: string[];
}

async function readStdin(limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Keep one byte over the limit so the loader reports "too large" instead of parsing a truncated text.
    if (size > limit) {
      chunks.push(chunk.subarray(0, chunk.length - (size - limit - 1)));
      break;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readSource(file: string): Promise<string> {
  const limit = defaultLoadLimits.maxLength;
  if (file === '-') return readStdin(limit);
  const info = await stat(file);
  if (!info.isFile()) throw new Error('not a regular file');
  if (info.size > limit) throw new Error(`the file is ${info.size} bytes, over the limit of ${limit}`);
  return readFile(file, 'utf8');
}

function loadProblem(file: string, e: LoadError): string {
  return `${file}:${e.line}:${e.column}: ${e.message}`;
}

/** Validates one file; never throws. */
export async function validateFile(file: string): Promise<FileResult> {
  const label = file === '-' ? '<stdin>' : file;
  const result: FileResult = {
    report: { file: label, valid: false, diagnostics: [] },
    unreadable: false,
    pods: [],
    notes: [],
    problems: [],
  };
  let text: string;
  try {
    text = await readSource(file);
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : err instanceof Error
          ? err.message
          : String(err);
    result.unreadable = true;
    result.problems.push(`${label}: cannot read: ${reason}`);
    result.report.diagnostics.push({
      code: 'FILE_UNREADABLE',
      severity: 'error',
      category: 'kubernetes',
      path: '',
      message: reason,
    });
    return result;
  }
  const loaded = loadPods(text);
  for (const e of loaded.errors) {
    // A document without kind parsed fine but is not a Kubernetes object: an invalid file, not an unreadable one.
    const parse = e.code !== 'no-kind' && e.code !== 'not-an-object';
    if (parse) result.unreadable = true;
    result.problems.push(loadProblem(label, e));
    result.report.diagnostics.push({
      code: parse ? 'PARSE_ERROR' : 'OBJECT_INVALID',
      severity: 'error',
      category: 'kubernetes',
      path: '',
      message: `line ${e.line}, column ${e.column}: ${e.message}`,
    });
  }
  for (const note of loaded.notes) {
    result.notes.push(`document ${note.index + 1} (line ${note.line}): ${note.message}`);
    // Said in the JSON too, so a file of Deployments does not look checked and clean.
    result.report.diagnostics.push({
      code: 'KIND_NOT_VALIDATED',
      severity: 'info',
      category: 'practice',
      path: '',
      message: `document ${note.index + 1} (line ${note.line}): ${note.message}`,
    });
  }
  const several = loaded.pods.length > 1;
  let accepted = loaded.errors.length === 0;
  for (const { pod, index } of loaded.pods) {
    const diagnostics = validatePod(pod);
    const name = typeof pod.metadata?.name === 'string' ? pod.metadata.name : `document ${index + 1}`;
    result.pods.push({ name, document: index, diagnostics });
    if (!acceptedByKubernetes(diagnostics)) accepted = false;
    for (const d of diagnostics)
      result.report.diagnostics.push({
        code: d.code,
        severity: d.severity,
        category: d.category,
        path: d.path,
        // The JSON shape has no pod field, so a file with several Pods says which one in the message.
        message: several ? `(pod ${name}) ${d.message}` : d.message,
      });
  }
  // valid: nothing the API server would reject was found (other kinds are not checked; see KIND_NOT_VALIDATED).
  result.report.valid = accepted;
  if (loaded.pods.length === 0 && loaded.errors.length === 0) result.notes.push('no Pod found in this file');
  return result;
}

interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

function palette(color: boolean): Palette {
  const wrap = (code: Colour) => (s: string) => paint(code, s, color);
  return { red: wrap(31), yellow: wrap(33), cyan: wrap(36), dim: wrap(2), bold: wrap(1), green: wrap(32) };
}

export function formatText(results: FileResult[], options: { color: boolean; explain: boolean }): string {
  const c = palette(options.color);
  const lines: string[] = [];
  const mark = { error: c.red('error  '), warning: c.yellow('warning'), info: c.cyan('info   ') };
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    lines.push(c.bold(r.report.file));
    for (const p of r.problems) lines.push(`  ${c.red('error  ')} ${printable(p)}`);
    for (const pod of r.pods) {
      const verdict = acceptedByKubernetes(pod.diagnostics)
        ? c.green('accepted by Kubernetes')
        : c.red('rejected by Kubernetes');
      lines.push(
        `  pod ${printable(pod.name)}: ${verdict}${pod.diagnostics.length === 0 ? ', no problems found' : ''}`,
      );
      const explained = new Set<string>();
      for (const d of pod.diagnostics) {
        if (d.severity === 'error') errors++;
        if (d.severity === 'warning') warnings++;
        lines.push(`    ${mark[d.severity]} ${printable(d.path) || '(pod)'}  ${c.dim(`${d.code} [${d.category}]`)}`);
        lines.push(`            ${printable(d.message)}`);
        if (options.explain && !explained.has(d.code)) {
          explained.add(d.code);
          lines.push(...wrapText(d.explanation, 96).map((l) => `            ${c.dim(l)}`));
        }
        for (const fix of d.fixes) lines.push(`            ${c.dim(`fix: ${fix.title}`)}`);
      }
    }
    errors += r.problems.length;
    for (const n of r.notes) lines.push(`  ${c.dim(`note: ${n}`)}`);
  }
  lines.push(
    `${results.length} file${results.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return lines.join('\n') + '\n';
}

function wrapText(text: string, width: number): string[] {
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

/** 2 when a file could not be read or parsed, else 1 when any error (of any category), else 0. */
export function exitCodeFor(results: FileResult[]): number {
  if (results.some((r) => r.unreadable)) return 2;
  return results.some((r) => r.report.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

export const registerValidate: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('validate')
    .description(
      'Check Pod manifests (YAML or JSON; "-" reads stdin) the way Kubernetes and a container runtime would.',
    )
    .argument('<files...>', 'manifest files; multi-document files validate every Pod')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--explain', 'explain each kind of problem for a workshop audience', false)
    .action(async (files: string[], opts: { format: ValidateFormat; explain: boolean }) => {
      const results: FileResult[] = [];
      for (const file of files) results.push(await validateFile(file));
      if (opts.format === 'json')
        writeData(
          JSON.stringify(
            results.map((r) => r.report),
            null,
            2,
          ) + '\n',
        );
      else {
        const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
        sayPainted(formatText(results, { color, explain: opts.explain }));
      }
      setExitCode(exitCodeFor(results));
    });
};
