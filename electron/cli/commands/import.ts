// `podwright import FILE`: a Compose file (with the .env, env_file and extends files beside it) becomes a design:
// its Pods, the Services named like the Compose services, ConfigMaps, Secrets and claims. The design goes to --out
// (stdout by default); the grouping, every note and every problem go to stderr.
import { realpath, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { defaultLimits, writeObjects } from '../../../shared/manifest';
import { readComposeProject, type ComposeRead, type PodsMode } from '../../../shared/manifest/compose';
import { readComposeInputs, type ComposeInputs } from '../../files/compose-inputs';
import { readText } from '../../files/files-api';
import type { RegisterCommand } from './index';
import { warn, writeData } from '../terminal';

export interface ImportOptions {
  out: string;
  pods: PodsMode;
  profile: string[];
  volumes: 'emptyDir' | 'pvc';
}

export interface ImportResult {
  /** The design text (every Pod, then the other objects), or undefined when nothing could be read. */
  text?: string;
  read: ComposeRead;
  inputs: ComposeInputs;
}

/** Reads the Compose file at `path` and its side files; the design and what the reader said. */
export async function importCompose(path: string, options: Omit<ImportOptions, 'out'>): Promise<ImportResult> {
  const real = await realpath(path);
  const { text } = await readText(real, path, defaultLimits.maxLength);
  const compose = {
    pods: options.pods,
    volumes: options.volumes,
    ...(options.profile.length > 0 ? { profiles: options.profile } : {}),
  };
  const inputs = await readComposeInputs(real, text, compose);
  const read = readComposeProject(text, {
    name: path,
    files: inputs.files,
    env: inputs.env,
    compose: { ...compose, directory: inputs.directory },
  });
  if (read.read.pods.length === 0) return { read, inputs };
  const design = writeObjects([...read.read.pods.map((p) => p.pod), ...read.read.objects.map((o) => o.object)]);
  return { text: design, read, inputs };
}

/** Lines for stderr: the Pods and why they are grouped, side files not read, notes, then problems with their places. */
export function importReport(path: string, result: ImportResult): string[] {
  const lines: string[] = [];
  for (const { pod, origin } of result.read.read.pods) lines.push(`pod ${pod.metadata.name}: ${origin.name}`);
  for (const r of result.inputs.refused) lines.push(`${path}: side file ${r.path} not read (${r.reason})`);
  for (const n of result.read.read.notes) lines.push(`note: ${n.message}`);
  for (const p of result.read.read.problems) {
    const at = p.at ? `${path}:${p.at.line}:${p.at.column}` : path;
    lines.push(`${at}: ${p.severity} ${p.code}: ${p.message}`);
  }
  return lines;
}

function parsePods(value: string): PodsMode {
  if (value === 'auto' || value === 'one' || value === 'per-service') return value;
  throw new InvalidArgumentError('choose auto, one or per-service');
}

function parseVolumes(value: string): 'emptyDir' | 'pvc' {
  const v = value.toLowerCase();
  if (v === 'emptydir') return 'emptyDir';
  if (v === 'pvc') return 'pvc';
  throw new InvalidArgumentError('choose emptydir or pvc');
}

export const registerImport: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('import')
    .description(
      'Turn a Compose file into a Pod design: Pods, Services named like the Compose services, and notes for what a Pod cannot carry.',
    )
    .argument('<file>', 'the Compose file (compose.yaml, docker-compose.yml)')
    .option('--out <file>', 'where to write the design, or - for stdout', '-')
    .addOption(
      new Option('--pods <mode>', 'group services into Pods: auto (by shared namespaces and volumes), one, per-service')
        .argParser(parsePods)
        .default('auto'),
    )
    .option(
      '--profile <name>',
      'enable a Compose profile (repeat for several)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .addOption(
      new Option('--volumes <kind>', 'project volumes as emptydir or pvc (claims)')
        .argParser(parseVolumes)
        .default('emptyDir'),
    )
    .action(async (file: string, opts: ImportOptions) => {
      try {
        if (opts.out !== '-' && resolve(opts.out) === resolve(file))
          throw new Error('--out must not be the Compose file itself');
        const result = await importCompose(file, opts);
        for (const line of importReport(file, result)) warn(line);
        if (result.text === undefined) {
          warn(`podwright import: ${file} holds no service that could become a Pod`);
          setExitCode(2);
          return;
        }
        if (opts.out === '-') writeData(result.text);
        else {
          await writeFile(opts.out, result.text);
          warn(`wrote ${opts.out}`);
        }
        if (result.read.read.problems.some((p) => p.severity === 'error')) setExitCode(1);
      } catch (err) {
        warn(`podwright import: ${err instanceof Error ? err.message : String(err)}`);
        setExitCode(2);
      }
    });
};
