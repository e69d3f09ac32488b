// `podwright export FILE`: writes a design (or any manifest with a Pod in it) as a Pod, a Deployment + Service, or a
// Compose file, to a directory or stdout.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { defaultInfraImage, projectFileSuffix } from '../../../shared/manifest';
import {
  exportDesignText,
  ExportRefused,
  type DesignExport,
  type DesignExportOptions,
  type ExportAs,
} from '../../../shared/design/export-design';
import { colorFor, palette, problemLines } from '../problem-lines';
import { readInput } from '../read-input';
import type { RegisterCommand } from './index';

export type { ExportAs };

export interface ExportOptions extends DesignExportOptions {
  /** A directory, or `-` for stdout (one multi-document stream). */
  out: string;
}

/** What an export produced: files (relative names) with their text, and remarks for the user. */
export type ExportResult = DesignExport;

export async function runExport(path: string, options: ExportOptions): Promise<ExportResult> {
  const source = await readInput(path);
  const result = exportDesignText(source, path, { ...options, single: options.single || options.out === '-' });
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
    .option('--replicas <n>', 'replicas of the Deployment', parseReplicas, 1)
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
        if (err instanceof ExportRefused) {
          const c = palette(colorFor(process.stderr));
          for (const d of err.problems) process.stderr.write(`${problemLines(d, c, { indent: '  ', file }).join('\n')}\n`);
        }
        setExitCode(1);
      }
    });
};
