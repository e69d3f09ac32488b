// The API handlers for crash recovery: each window's unsaved design kept as a draft file in the config folder
// (beside settings.json, in drafts/), written so that a killed process or a power cut leaves either the old draft or
// the new one, never half of one: the data is flushed to disk before it takes the draft's name.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CallHandlers } from '../../shared/api';
import { Draft, MAX_DRAFTS, type DraftInfo } from '../../shared/api/drafts';
import { MAX_FILE_BYTES } from '../../shared/api/files';
import { ApiError } from '../../shared/api/errors';
import { settingsPath } from '../settings/settings';

type Calls = Pick<CallHandlers, 'draft.put' | 'draft.list' | 'draft.get' | 'draft.discard'>;

/** The drafts folder: `drafts/` beside the settings file ($PODWRIGHT_CONFIG_DIR, else the platform's config folder). */
export function defaultDraftsFolder(): string {
  return join(dirname(settingsPath()), 'drafts');
}

/** A draft file is its text plus a little JSON; anything larger was not written by Podwright. */
const MAX_DRAFT_FILE_BYTES = 2 * MAX_FILE_BYTES + 4096;

export function draftHandlers(folder = defaultDraftsFolder(), maxDrafts = MAX_DRAFTS): Calls {
  const fileOf = (id: string): string => join(folder, `${id}.json`);

  /** Every readable draft, newest first; files that are not drafts (or are damaged) are passed over. */
  const all = async (): Promise<Draft[]> => {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return [];
    }
    const drafts: Draft[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const draft = await readDraft(join(folder, name));
      if (draft && `${draft.id}.json` === name) drafts.push(draft);
    }
    return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  };

  // One write at a time: puts from several windows (or a put racing the pruning) must not interleave their renames.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    'draft.put': ({ id, text, fileName, path, version }) =>
      serially(async () => {
        const draft: Draft = { id, savedAt: new Date().toISOString(), fileName, path, version: version ?? null, text };
        await mkdir(folder, { recursive: true, mode: 0o700 });
        await writeDurably(fileOf(id), JSON.stringify(draft));
        // The oldest drafts go once there are too many (windows that had unsaved work and were never answered).
        for (const old of (await all()).slice(maxDrafts)) await rm(fileOf(old.id), { force: true });
        return infoOf(draft);
      }),
    'draft.list': async () => (await all()).map(infoOf),
    'draft.get': async ({ id }) => {
      const draft = await readDraft(fileOf(id));
      if (!draft || draft.id !== id) throw new ApiError('NOT_FOUND', 'That unsaved work is no longer kept.');
      return draft;
    },
    'draft.discard': ({ id }) =>
      serially(async () => {
        await rm(fileOf(id), { force: true });
        return {};
      }),
  };
}

function infoOf(draft: Draft): DraftInfo {
  return { id: draft.id, savedAt: draft.savedAt, fileName: draft.fileName, path: draft.path, version: draft.version ?? null };
}

/** A draft file read leniently: missing, oversized or malformed reads as none. */
async function readDraft(file: string): Promise<Draft | undefined> {
  try {
    if ((await stat(file)).size > MAX_DRAFT_FILE_BYTES) return undefined;
    const parsed = Draft.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `text` to a temp file, flushes it to disk, renames it over `target`, and flushes the folder's entry. */
async function writeDurably(target: string, text: string): Promise<void> {
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(temp, 'wx', 0o600);
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  // The rename is durable only once the folder itself is flushed (not possible on every platform: Windows).
  const dir = await open(dirname(target), 'r').catch(() => undefined);
  if (dir) {
    await dir.sync().catch(() => undefined);
    await dir.close();
  }
}
