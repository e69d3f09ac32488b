// Test support: where the manifest corpora live and how to list their files (the shared real-world set beside the
// checkout, and this folder's own hand-written cases), and the strings that trip YAML writers. Used only by tests; it
// reads the disk, so shared/ code must not.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** ../shared/testdata/manifests: the 58 real-world manifests, read in place. */
export const corpusDir = join(process.cwd(), '../shared/testdata/manifests');
/** shared/manifest/testdata: cases written for this module (hostile input, comments, multi-document files). */
export const ownDir = join(process.cwd(), 'shared/manifest/testdata');

/** Every manifest file under `dir`, recursively: YAML and `.injected` files, plus JSON when asked. */
export function manifestFiles(dir: string, options: { json?: boolean } = {}): string[] {
  const pattern = options.json ? /\.(ya?ml|json|injected)$/ : /\.(ya?ml|injected)$/;
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return manifestFiles(path, options);
    return pattern.test(name) ? [path] : [];
  });
}

/** Strings YAML would read as something else when written plain: numbers, booleans, nulls, comments, collections. */
export const trickyStrings = [
  'true',
  'no',
  '~',
  'null',
  '0x1F',
  '1e3',
  '- a',
  'a: b',
  '#x',
  "it's",
  '"q"',
  ' lead',
  'trail ',
  '',
  '\ttab',
  'multi\nline\n',
] as const;
