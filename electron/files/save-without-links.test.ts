// file.save on a file system without hard links (FAT, some network shares): creating without overwrite still never
// replaces a file, through an exclusive create instead of link().
import type * as FsPromises from 'node:fs/promises';
import { link } from 'node:fs/promises';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fileHandlers } from './files-api';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const link = async (): Promise<never> => {
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
  };
  return { ...actual, link };
});

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'podwright-nolinks-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('lets exactly one of several parallel saves create the file, and replaces it only when asked', async () => {
  await expect(link('a', 'b')).rejects.toMatchObject({ code: 'EPERM' }); // the module files-api uses, mocked
  const files = fileHandlers({ root, settings: join(root, '.settings.json') });
  const path = join(root, 'race.pod.yaml');
  const texts = [1, 2, 3, 4].map((n) => `kind: Pod\n# writer ${n}\n`);
  const results = await Promise.allSettled(texts.map((text) => files['file.save']({ path, text })));
  const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [texts[i]] : []));
  expect(won).toHaveLength(1);
  expect(readFileSync(path, 'utf8')).toBe(won[0]);
  for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
  expect(readdirSync(root).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  await files['file.save']({ path, text: 'kind: Pod\n# replaced\n', overwrite: true });
  expect(readFileSync(path, 'utf8')).toBe('kind: Pod\n# replaced\n');
});
