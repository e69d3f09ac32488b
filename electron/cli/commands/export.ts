// `podwright export FILE`: writes a design (or any manifest with a Pod in it) as a Pod, a Deployment + Service, or a
// Compose file, to a directory or stdout.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { exportFromDesign, readDesign as readDesignText } from '../../../shared/design';
import {
  defaultInfraImage,
  defaultLimits,
  formatProblem,
  importManifest,
  parseManifest,
  projectFileSuffix,
  type ExportFile,
} from '../../../shared/manifest';
import type { RegisterCommand } from './index';

export type ExportAs = 'pod' | 'deployment' | 'compose';

export interface ExportOptions {
  as: ExportAs;
  /** A directory, or `-` for stdout (one multi-document stream). */
  out: string;
  single: boolean;
  /** Replaces the drawn replica count; a bare Pod's Deployment has 1 without it. */
  replicas?: number;
  pod?: string;
  infraImage: string;
}

/** What an export produced: files (relative names) with their text, and remarks for the user. */
export interface ExportResult {
  files: ExportFile[];
  notes: string[];
}

export class ExportError extends Error {
  override name = 'ExportError';
}

/** Reads `path` as hostile input: size first, then strict UTF-8, then the YAML limits. */
export async function readDesign(path: string): Promise<string> {
  const info = await stat(path);
  if (!info.isFile()) throw new ExportError(`${path} is not a file`);
  if (info.size > defaultLimits.maxLength) {
    throw new ExportError(`${path} is ${info.size} bytes; the limit is ${defaultLimits.maxLength}`);
  }
  const bytes = await readFile(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ExportError(`${path} is not UTF-8 text`);
  }
}

/**
 * The export itself, without touching the file system (the CLI and the API both use it): the file read as a design,
 * then the one export the app uses too (exportFromDesign), so both write the same text for the same design.
 */
export function exportDesign(source: string, fileName: string, options: Omit<ExportOptions, 'out'>): ExportResult {
  const file = parseManifest(source);
  if (file.problems.length > 0) {
    throw new ExportError(file.problems.map((p) => formatProblem(p, fileName)).join('\n'));
  }
  const read = readDesignText(source);
  if (!read.ok) {
    const aside = importManifest(file)
      .setAside.map((s) => s.kind ?? '?')
      .join(', ');
    throw new ExportError(`${fileName} has no Pod or Pod template${aside ? ` (found: ${aside})` : ''}`);
  }
  const result = exportFromDesign(read.design, {
    as: options.as,
    ...(options.pod !== undefined && { pod: options.pod }),
    ...(options.replicas !== undefined && { replicas: options.replicas }),
    single: options.single,
    infraImage: options.infraImage,
    baseName: basename(fileName).replace(/(\.pod)?\.ya?ml$/, ''),
  });
  if (!result.ok) throw new ExportError(`${fileName} has ${result.error}`);
  return { files: result.files, notes: [...read.notes, ...result.notes] };
}

export async function runExport(path: string, options: ExportOptions): Promise<ExportResult> {
  const source = await readDesign(path);
  const result = exportDesign(source, path, { ...options, single: options.single || options.out === '-' });
  if (options.out === '-') {
    process.stdout.write(result.files.map((f) => f.text).join(''));
  } else {
    await mkdir(options.out, { recursive: true });
    for (const f of result.files) await writeFile(join(options.out, f.name), f.text);
  }
  return result;
}

function parseReplicas(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10_000)
    throw new InvalidArgumentError('replicas must be a whole number from 0 to 10000');
  return n;
}

export const registerExport: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('export')
    .description(
      `Export a design (${projectFileSuffix} or any manifest with a Pod) as clean manifests or a Compose file.`,
    )
    .argument('<file>', 'the design or manifest to export')
    .addOption(new Option('--as <kind>', 'what to write').choices(['pod', 'deployment', 'compose']).default('pod'))
    .option('--out <dir>', 'directory to write into, or - for stdout', '-')
    .option('--single', 'one multi-document file instead of one file per object', false)
    .option('--replicas <n>', 'replicas of the Deployment (default: as drawn, else 1)', parseReplicas)
    .option('--pod <name>', 'which Pod to export when the file holds several')
    .option('--infra-image <image>', 'infra (pause) image for --as compose', defaultInfraImage)
    .action(async (file: string, opts: ExportOptions) => {
      try {
        const result = await runExport(file, opts);
        for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
        if (opts.out !== '-') for (const f of result.files) process.stderr.write(`wrote ${join(opts.out, f.name)}\n`);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        process.stderr.write(`podwright export: ${message}\n`);
        setExitCode(1);
      }
    });
};
