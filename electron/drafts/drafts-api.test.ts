// Tests the crash-recovery drafts: kept per window, listed newest first, replaced in one step, pruned to the limit,
// damaged or foreign files passed over, ids that could leave the folder refused by the contract.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calls } from '../../shared/api/contract';
import { draftHandlers } from './drafts-api';

let folder: string;
beforeEach(() => {
  folder = join(mkdtempSync(join(tmpdir(), 'podwright-drafts-')), 'drafts');
});
afterEach(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

const put = (h: ReturnType<typeof draftHandlers>, id: string, text: string) =>
  h['draft.put']({ id, text, fileName: null, path: null });

describe('drafts', () => {
  it('keeps one draft per window, replaces it in place, and lists the newest first', async () => {
    const h = draftHandlers(folder);
    await put(h, 'window-aaaa', 'kind: Pod # one');
    await new Promise((r) => setTimeout(r, 5));
    await put(h, 'window-bbbb', 'kind: Pod # two');
    await new Promise((r) => setTimeout(r, 5));
    await put(h, 'window-aaaa', 'kind: Pod # one, later');
    expect((await h['draft.list']({})).map((d) => d.id)).toEqual(['window-aaaa', 'window-bbbb']);
    expect((await h['draft.get']({ id: 'window-aaaa' })).text).toBe('kind: Pod # one, later');
    // No temp file is left beside the drafts.
    expect(readdirSync(folder).sort()).toEqual(['window-aaaa.json', 'window-bbbb.json']);
    await h['draft.discard']({ id: 'window-aaaa' });
    await h['draft.discard']({ id: 'window-aaaa' });
    await expect(h['draft.get']({ id: 'window-aaaa' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await h['draft.list']({})).map((d) => d.id)).toEqual(['window-bbbb']);
  });

  it('drops the oldest drafts beyond the limit', async () => {
    const h = draftHandlers(folder, 3);
    for (const n of [1, 2, 3, 4, 5]) {
      await put(h, `window-000${n}`, `# ${n}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await h['draft.list']({})).map((d) => d.id)).toEqual(['window-0005', 'window-0004', 'window-0003']);
  });

  it('passes over damaged files and files that are not drafts', async () => {
    const h = draftHandlers(folder);
    await put(h, 'window-good', '# fine');
    writeFileSync(join(folder, 'window-bad0.json'), '{"id": "window-bad0", "text": ');
    writeFileSync(
      join(folder, 'window-else.json'),
      JSON.stringify({ id: 'window-good', savedAt: 'x', fileName: null, path: null, text: '' }),
    );
    writeFileSync(join(folder, 'notes.txt'), 'hello');
    expect((await h['draft.list']({})).map((d) => d.id)).toEqual(['window-good']);
  });

  it('refuses ids that are not plain names, so a draft never leaves its folder', () => {
    const input = calls['draft.get'].input;
    for (const id of ['../settings', 'a/b/c/d/e', '', 'x', 'UPPER-CASE-ID', 'window-aaaa\0'])
      expect(input.safeParse({ id }).success).toBe(false);
    expect(input.safeParse({ id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427' }).success).toBe(true);
  });
});
