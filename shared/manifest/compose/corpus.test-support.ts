// Test support: the shared Compose corpus (../shared/testdata/compose, INDEX.tsv naming each file's features) read the
// way the CLI reads a Compose file: the reader says which side files it wants, they are read from beside the file,
// and it reads again. Used only by tests; it reads the disk, so shared/ code must not.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readComposeProject, type ComposeRead, type ComposeReadOptions } from './index';

export const composeCorpusDir = join(process.cwd(), '../shared/testdata/compose');

export interface CorpusFile {
  /** Path relative to the corpus folder (INDEX.tsv's first column). */
  path: string;
  repo: string;
  features: Set<string>;
}

export const composeCorpus: CorpusFile[] = readFileSync(join(composeCorpusDir, 'INDEX.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [path, repo, , , , features] = line.split('\t');
    return { path: path!, repo: repo!, features: new Set((features ?? '').split(',')) };
  });

/** Files whose variables come from a template the corpus README says to copy to `.env`. */
const dotenvTemplates: Record<string, string> = { 'mattermost_docker/docker-compose.yml': 'env.example' };

export interface CorpusRead extends ComposeRead {
  file: string;
  directory: string;
  text: string;
  files: Record<string, string>;
  rounds: number;
}

/** Reads one corpus file with its side files, as the CLI does (at most five rounds of asking). */
export function readCorpusFile(
  path: string,
  compose: ComposeReadOptions = {},
  env: Record<string, string> = {},
): CorpusRead {
  const file = join(composeCorpusDir, path);
  const directory = dirname(file);
  const text = readFileSync(file, 'utf8');
  const files: Record<string, string> = {};
  const template = dotenvTemplates[path];
  if (template) files['.env'] = readFileSync(join(directory, template), 'utf8');
  const tried = new Set(Object.keys(files));
  let read: ComposeRead = readComposeProject(text, { name: file, files, env, compose: { directory, ...compose } });
  let rounds = 1;
  for (; rounds < 5; rounds++) {
    const next = read.wanted.filter((w) => !tried.has(w));
    if (next.length === 0) break;
    for (const w of next) {
      tried.add(w);
      // The CLI's rule: only files beside the Compose file or under its folder.
      if (w.startsWith('/') || w === '..' || w.startsWith('../')) continue;
      const p = join(directory, w);
      if (existsSync(p) && statSync(p).isFile()) files[w] = readFileSync(p, 'utf8');
    }
    read = readComposeProject(text, { name: file, files, env, compose: { directory, ...compose } });
  }
  return { ...read, file, directory, text, files, rounds };
}
