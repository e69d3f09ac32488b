// `podwright validate`: checks designs and manifests (YAML or JSON, multi-document, `-` for stdin) through the one
// reader and the one design check, so it says what the app's Problems panel and `podwright run` say, at the same paths.
import { Option, type Command } from 'commander';
import { readDesign } from '../../../shared/manifest/read';
import { checkDesign, type DesignCheck } from '../../../shared/rules';
import type { Diagnostic } from '../../../shared/model/diagnostic';
import { colorFor, palette, place, problemLines } from '../problem-lines';
import { label, readInput } from '../read-input';
import type { RegisterCommand } from './index';

export type ValidateFormat = 'text' | 'json';

/** One diagnostic as `--format json` prints it; `line`/`column`/`document` where the file holds the field. */
export interface ReportedDiagnostic extends Pick<Diagnostic, 'code' | 'severity' | 'category' | 'path' | 'message'> {
  line?: number;
  column?: number;
  document?: number;
}

/** One file's verdict, as `--format json` prints it. */
export interface FileReport {
  file: string;
  valid: boolean;
  diagnostics: ReportedDiagnostic[];
}

export interface FileResult {
  report: FileReport;
  /** The file could not be read or parsed, or held nothing to check (exit code 2). */
  unreadable: boolean;
  /** The design check, for the text format; absent when the file could not be read at all. */
  check?: DesignCheck;
  /** Why the file could not be read. */
  readError?: string;
}

function reported(d: Diagnostic, pod?: string): ReportedDiagnostic {
  const out: ReportedDiagnostic = {
    code: d.code,
    severity: d.severity,
    category: d.category,
    path: d.path,
    // The JSON shape has no pod field, so a file with several Pods says which one in the message.
    message: pod ? `(pod ${pod}) ${d.message}` : d.message,
  };
  if (d.at) Object.assign(out, { line: d.at.line, column: d.at.column, document: d.at.document });
  return out;
}

/** Validates one file; never throws. */
export async function validateFile(file: string): Promise<FileResult> {
  const name = label(file);
  let text: string;
  try {
    text = await readInput(file);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      report: {
        file: name,
        valid: false,
        diagnostics: [{ code: 'FILE_UNREADABLE', severity: 'error', category: 'kubernetes', path: '', message: reason }],
      },
      unreadable: true,
      readError: `${name}: cannot read: ${reason}`,
    };
  }
  const check = checkDesign(readDesign(text, { name }));
  const several = check.pods.length > 1;
  const diagnostics = [
    ...check.problems.map((d) => reported(d)),
    ...check.pods.flatMap((p) => p.diagnostics.map((d) => reported(d, several ? p.name : undefined))),
    // Said in the JSON too, so a file of Services does not look checked and clean.
    ...check.notes.filter((n) => n.code === 'KIND_NOT_CHECKED').map((d) => reported(d)),
  ];
  const unreadable = !check.readable || check.problems.some((d) => d.code === 'NOTHING_TO_CHECK');
  return { report: { file: name, valid: check.accepted, diagnostics }, unreadable, check };
}

export function formatText(results: FileResult[], options: { color: boolean; explain: boolean }): string {
  const c = palette(options.color);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  const explained = new Set<string>();
  const count = (d: Diagnostic): void => {
    if (d.severity === 'error') errors++;
    if (d.severity === 'warning') warnings++;
  };
  for (const r of results) {
    const file = r.report.file;
    lines.push(c.bold(file));
    if (r.readError) {
      errors++;
      lines.push(`  ${c.red('error  ')} ${r.readError}`);
    }
    const check = r.check;
    if (!check) continue;
    for (const d of check.problems) {
      count(d);
      lines.push(...problemLines(d, c, { indent: '  ', file, explain: options.explain, explained }));
    }
    for (const pod of check.pods) {
      const accepted = !pod.diagnostics.some((d) => d.severity === 'error' && d.category === 'kubernetes');
      const verdict = accepted ? c.green('accepted by Kubernetes') : c.red('rejected by Kubernetes');
      const from = pod.origin.kind === 'Pod' ? '' : ` (template of ${pod.origin.kind} "${pod.origin.name ?? ''}")`;
      lines.push(`  pod ${pod.name}${from}: ${verdict}${pod.diagnostics.length === 0 ? ', no problems found' : ''}`);
      for (const d of pod.diagnostics) {
        count(d);
        lines.push(...problemLines(d, c, { indent: '    ', file, explain: options.explain, explained }));
      }
    }
    for (const n of check.notes) lines.push(`  ${c.dim(`note: ${n.at ? `${place(file, n)}: ` : ''}${n.message}`)}`);
  }
  lines.push(
    `${results.length} file${results.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return lines.join('\n') + '\n';
}

/** 2 when a file could not be read or held nothing to check, else 1 when any error (of any category), else 0. */
export function exitCodeFor(results: FileResult[]): number {
  if (results.some((r) => r.unreadable)) return 2;
  return results.some((r) => r.report.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

export const registerValidate: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('validate')
    .description(
      'Check designs and manifests (Pods and the Pod templates of workloads; YAML or JSON; "-" reads stdin) the way Kubernetes and a container runtime would.',
    )
    .argument('<files...>', 'manifest files; multi-document files validate every Pod and workload')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--explain', 'explain each kind of problem for a workshop audience', false)
    .action(async (files: string[], opts: { format: ValidateFormat; explain: boolean }) => {
      const results: FileResult[] = [];
      for (const file of files) results.push(await validateFile(file));
      if (opts.format === 'json')
        process.stdout.write(
          JSON.stringify(
            results.map((r) => r.report),
            null,
            2,
          ) + '\n',
        );
      else process.stdout.write(formatText(results, { color: colorFor(process.stdout), explain: opts.explain }));
      setExitCode(exitCodeFor(results));
    });
};
