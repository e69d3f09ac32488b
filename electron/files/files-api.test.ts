import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calls } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { fileHandlers, type FileDialogs } from './files-api';

let base: string;
let root: string;
let outside: string;
let settings: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'podwright-files-'));
  root = join(base, 'home');
  outside = join(base, 'elsewhere');
  mkdirSync(root);
  mkdirSync(outside);
  settings = join(base, 'config', 'settings.json');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const design =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx\n';

async function refusal(promise: Promise<unknown>): Promise<{ code: string; reason?: string }> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    return { code: e.code, reason: (e.details as { reason?: string } | undefined)?.reason };
  }
  throw new Error('expected a refusal');
}

describe('file handlers in the browser host (no dialogs)', () => {
  it('saves, refuses to overwrite unasked, opens what it saved, and lists it as recent', async () => {
    const files = fileHandlers({ root, settings });
    const path = join(root, 'web.pod.yaml');
    expect(await files['file.save']({ path, text: design })).toMatchObject({ path, name: 'web.pod.yaml' });
    expect(readFileSync(path, 'utf8')).toBe(design);
    expect(await refusal(files['file.save']({ path, text: 'x: 1\n' }))).toEqual({
      code: 'CONFLICT',
      reason: undefined,
    });
    await files['file.save']({ path, text: `${design}# two\n`, overwrite: true });
    expect(await files['file.open']({ path })).toMatchObject({ path, name: 'web.pod.yaml', text: `${design}# two\n` });
    // No temp files are left beside the design.
    expect(readdirSync(root)).toEqual(['web.pod.yaml']);
    expect(await files['file.recent']({})).toEqual([{ path, name: 'web.pod.yaml' }]);
  });

  it('picks by answering browse from the root', async () => {
    const files = fileHandlers({ root, settings });
    expect(await files['file.pick']({ mode: 'open' })).toEqual({ kind: 'browse', root, directory: root });
  });

  it('lists folders first, then design files only, hiding dotfiles, with the parent up to the root', async () => {
    mkdirSync(join(root, 'pods'));
    mkdirSync(join(root, '.secret'));
    writeFileSync(join(root, 'b.yaml'), design);
    writeFileSync(join(root, 'a.yml'), design);
    writeFileSync(join(root, 'p.podwright.json'), '{}');
    writeFileSync(join(root, 'notes.txt'), 'x');
    writeFileSync(join(root, 'data.json'), '{}');
    const files = fileHandlers({ root, settings });
    const top = await files['file.list']({});
    expect(top.parent).toBeNull();
    expect(top.entries.map((e) => `${e.kind}:${e.name}`)).toEqual([
      'directory:pods',
      'file:a.yml',
      'file:b.yaml',
      'file:p.podwright.json',
    ]);
    const inner = await files['file.list']({ directory: join(root, 'pods') });
    expect(inner.parent).toBe(root);
  });

  it('refuses path traversal out of the root, for list, open and save', async () => {
    writeFileSync(join(outside, 'x.yaml'), design);
    const files = fileHandlers({ root, settings });
    const climb = join(root, '..', 'elsewhere');
    expect(await refusal(files['file.list']({ directory: climb }))).toEqual({
      code: 'BAD_REQUEST',
      reason: 'OUTSIDE_ROOT',
    });
    expect(await refusal(files['file.list']({ directory: '/' }))).toMatchObject({ reason: 'OUTSIDE_ROOT' });
    expect(await refusal(files['file.open']({ path: join(climb, 'x.yaml') }))).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
    expect(await refusal(files['file.save']({ path: join(climb, 'y.yaml'), text: design }))).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
    expect(existsSync(join(outside, 'y.yaml'))).toBe(false);
    expect(await refusal(files['file.open']({ path: 'relative/x.yaml' }))).toMatchObject({ reason: 'RELATIVE_PATH' });
  });

  it('refuses symlinks that escape the root (file, folder and save target), and follows ones that stay inside', async () => {
    writeFileSync(join(outside, 'x.yaml'), design);
    symlinkSync(join(outside, 'x.yaml'), join(root, 'link.yaml'));
    symlinkSync(outside, join(root, 'out'));
    writeFileSync(join(root, 'real.yaml'), design);
    symlinkSync(join(root, 'real.yaml'), join(root, 'inside.yaml'));
    const files = fileHandlers({ root, settings });
    expect(await refusal(files['file.open']({ path: join(root, 'link.yaml') }))).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
    expect(await refusal(files['file.open']({ path: join(root, 'out', 'x.yaml') }))).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
    expect(await refusal(files['file.list']({ directory: join(root, 'out') }))).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
    expect(
      await refusal(files['file.save']({ path: join(root, 'link.yaml'), text: 'x: 1\n', overwrite: true })),
    ).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
    expect(await refusal(files['file.save']({ path: join(root, 'out', 'new.yaml'), text: 'x: 1\n' }))).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
    expect(readFileSync(join(outside, 'x.yaml'), 'utf8')).toBe(design);
    expect(existsSync(join(outside, 'new.yaml'))).toBe(false);
    expect((await files['file.open']({ path: join(root, 'inside.yaml') })).text).toBe(design);
  });

  it('refuses a design-named link to a file that is not a design, and hidden files and folders', async () => {
    writeFileSync(join(root, '.bashrc'), 'alias ls=rm\n');
    symlinkSync(join(root, '.bashrc'), join(root, 'x.yaml'));
    mkdirSync(join(root, '.config', 'gh'), { recursive: true });
    writeFileSync(join(root, '.config', 'gh', 'hosts.yml'), 'token: secret\n');
    const files = fileHandlers({ root, settings });
    expect(await refusal(files['file.open']({ path: join(root, 'x.yaml') }))).toMatchObject({
      reason: 'NOT_A_DESIGN_FILE',
    });
    expect(
      await refusal(files['file.save']({ path: join(root, 'x.yaml'), text: 'x: 1\n', overwrite: true })),
    ).toMatchObject({ reason: 'NOT_A_DESIGN_FILE' });
    expect(readFileSync(join(root, '.bashrc'), 'utf8')).toBe('alias ls=rm\n');
    const hosts = join(root, '.config', 'gh', 'hosts.yml');
    expect(await refusal(files['file.open']({ path: hosts }))).toMatchObject({ reason: 'HIDDEN' });
    expect(await refusal(files['file.save']({ path: hosts, text: 'x: 1\n', overwrite: true }))).toMatchObject({
      reason: 'HIDDEN',
    });
    expect(await refusal(files['file.save']({ path: join(root, '.hidden.yaml'), text: design }))).toMatchObject({
      reason: 'HIDDEN',
    });
    expect(readFileSync(hosts, 'utf8')).toBe('token: secret\n');
  });

  it('keeps the permissions of a design it replaces', async () => {
    const path = join(root, 'secret.pod.yaml');
    writeFileSync(path, design, { mode: 0o600 });
    chmodSync(path, 0o600);
    const files = fileHandlers({ root, settings });
    await files['file.save']({ path, text: `${design}# changed\n`, overwrite: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe(`${design}# changed\n`);
  });

  it('lets exactly one of several parallel saves without overwrite create a file, and leaves no temp files', async () => {
    // Each save checks that the file is missing before any of them writes it: only the create itself can decide.
    const files = fileHandlers({ root, settings });
    const path = join(root, 'race.pod.yaml');
    const texts = [1, 2, 3, 4, 5].map((n) => `${design}# writer ${n}\n`);
    const results = await Promise.allSettled(texts.map((text) => files['file.save']({ path, text })));
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [texts[i]] : []));
    expect(won).toHaveLength(1);
    expect(readFileSync(path, 'utf8')).toBe(won[0]);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    }
    expect(readdirSync(root)).toEqual(['race.pod.yaml']);
  });

  it('refuses files over the size limit, binary files, non-design names, folders and FIFOs', async () => {
    const files = fileHandlers({ root, settings, maxBytes: 1024 });
    writeFileSync(join(root, 'big.yaml'), 'a'.repeat(1025));
    writeFileSync(join(root, 'ok.yaml'), 'a'.repeat(1024));
    writeFileSync(join(root, 'bin.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x80]));
    writeFileSync(join(root, 'notes.txt'), 'x');
    mkdirSync(join(root, 'dir.yaml'));
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    expect(await refusal(files['file.open']({ path: join(root, 'big.yaml') }))).toMatchObject({ reason: 'TOO_LARGE' });
    expect((await files['file.open']({ path: join(root, 'ok.yaml') })).text).toHaveLength(1024);
    expect(await refusal(files['file.save']({ path: join(root, 'new.yaml'), text: 'a'.repeat(1025) }))).toMatchObject({
      reason: 'TOO_LARGE',
    });
    expect(await refusal(files['file.open']({ path: join(root, 'bin.yaml') }))).toMatchObject({ reason: 'NOT_TEXT' });
    expect(await refusal(files['file.open']({ path: join(root, 'notes.txt') }))).toMatchObject({
      reason: 'NOT_A_DESIGN_FILE',
    });
    expect(await refusal(files['file.save']({ path: join(root, 'notes.txt'), text: 'x' }))).toMatchObject({
      reason: 'NOT_A_DESIGN_FILE',
    });
    expect(await refusal(files['file.open']({ path: join(root, 'dir.yaml') }))).toMatchObject({ reason: 'NOT_A_FILE' });
    expect(await refusal(files['file.open']({ path: join(root, 'pipe.yaml') }))).toMatchObject({
      reason: 'NOT_A_FILE',
    });
    expect(
      await refusal(files['file.save']({ path: join(root, 'pipe.yaml'), text: 'x', overwrite: true })),
    ).toMatchObject({
      reason: 'NOT_A_FILE',
    });
    expect(await refusal(files['file.open']({ path: join(root, 'missing.yaml') }))).toEqual({
      code: 'NOT_FOUND',
      reason: undefined,
    });
  });

  it('opens and saves what YAML allows (BOM, CRLF, tab, NEL, line separator, emoji) and refuses the C0 controls it forbids', async () => {
    const files = fileHandlers({ root, settings });
    // YAML 1.2 c-printable: tab, LF, CR, x20-x7E, NEL (x85), xA0 and above (the BOM among them).
    const allowed = 'kind: Pod\r\nmetadata:\r\n  name: web\t# tab\r\n  labels: {a: "x\u0085y\u2028z 🚀"}\r\n';
    writeFileSync(join(root, 'bom.yaml'), `\ufeff${allowed}`);
    // The BOM is read as what it is, a byte order mark, not as text of the design.
    expect((await files['file.open']({ path: join(root, 'bom.yaml') })).text).toBe(allowed);
    await files['file.save']({ path: join(root, 'copy.yaml'), text: `\ufeff${allowed}` });
    expect(readFileSync(join(root, 'copy.yaml'), 'utf8')).toBe(`\ufeff${allowed}`);
    for (const [name, char] of Object.entries({
      nul: '\0',
      bell: '\x07',
      vt: '\v',
      ff: '\f',
      esc: '\x1b',
      us: '\x1f',
    })) {
      writeFileSync(join(root, `${name}.yaml`), `kind: Pod\n# ${char}\n`);
      expect(await refusal(files['file.open']({ path: join(root, `${name}.yaml`) }))).toMatchObject({
        reason: 'NOT_TEXT',
      });
      expect(
        await refusal(files['file.save']({ path: join(root, `${name}-new.yaml`), text: `kind: Pod\n# ${char}\n` })),
      ).toMatchObject({ reason: 'NOT_TEXT' });
    }
  });

  it('keeps ten recent files, newest first, drops deleted ones, and keeps the engine setting', async () => {
    mkdirSync(join(base, 'config'));
    writeFileSync(settings, JSON.stringify({ engine: { host: 'unix:///tmp/x.sock' } }));
    const files = fileHandlers({ root, settings });
    for (let i = 0; i < 12; i++) await files['file.save']({ path: join(root, `d${i}.yaml`), text: design });
    await files['file.open']({ path: join(root, 'd3.yaml') });
    let recent = (await files['file.recent']({})).map((r) => r.name);
    expect(recent).toEqual([
      'd3.yaml',
      'd11.yaml',
      'd10.yaml',
      'd9.yaml',
      'd8.yaml',
      'd7.yaml',
      'd6.yaml',
      'd5.yaml',
      'd4.yaml',
      'd2.yaml',
    ]);
    rmSync(join(root, 'd11.yaml'));
    recent = (await files['file.recent']({})).map((r) => r.name);
    expect(recent).not.toContain('d11.yaml');
    expect(recent).toHaveLength(9);
    const saved = JSON.parse(readFileSync(settings, 'utf8')) as { engine: unknown; recentFiles: string[] };
    expect(saved.engine).toEqual({ host: 'unix:///tmp/x.sock' });
    expect(saved.recentFiles).toHaveLength(9);
  });

  it('does not list recent files outside its root (another host may have opened them)', async () => {
    writeFileSync(join(outside, 'x.yaml'), design);
    mkdirSync(join(base, 'config'));
    writeFileSync(settings, JSON.stringify({ recentFiles: [join(outside, 'x.yaml')] }));
    const files = fileHandlers({ root, settings });
    expect(await files['file.recent']({})).toEqual([]);
    expect(await refusal(files['file.open']({ path: join(outside, 'x.yaml') }))).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
  });
});

describe('export into a folder (file.saveFolder)', () => {
  const pod = { name: 'web-pod.yaml', text: design };
  const configMap = { name: 'web-configmap.yaml', text: 'apiVersion: v1\nkind: ConfigMap\n' };

  it('writes every file, makes a missing folder, and keeps exports out of the recent files', async () => {
    const files = fileHandlers({ root, settings });
    const directory = join(root, 'out');
    const saved = await files['file.saveFolder']({ directory, files: [pod, configMap] });
    expect(saved.files.map((f) => f.path)).toEqual([join(directory, pod.name), join(directory, configMap.name)]);
    expect(readdirSync(directory).sort()).toEqual(['web-configmap.yaml', 'web-pod.yaml']);
    expect(readFileSync(join(directory, configMap.name), 'utf8')).toBe(configMap.text);
    const single = join(root, 'web.yaml');
    await files['file.save']({ path: single, text: design, recent: false });
    expect(await files['file.recent']({})).toEqual([]);
  });

  it('names the files already there and writes none of them unless told to replace them', async () => {
    const files = fileHandlers({ root, settings });
    const directory = join(root, 'out');
    mkdirSync(directory);
    writeFileSync(join(directory, pod.name), 'old\n');
    let details: unknown;
    try {
      await files['file.saveFolder']({ directory, files: [configMap, pod] });
    } catch (err) {
      expect((err as ApiError).code).toBe('CONFLICT');
      details = (err as ApiError).details;
    }
    expect(details).toEqual({ reason: 'FILES_EXIST', names: [pod.name] });
    expect(readdirSync(directory)).toEqual([pod.name]);
    await files['file.saveFolder']({ directory, files: [configMap, pod], overwrite: true });
    expect(readFileSync(join(directory, pod.name), 'utf8')).toBe(design);
  });

  it('refuses a folder outside the root, a hidden one, and one whose parent is missing', async () => {
    const files = fileHandlers({ root, settings });
    const write = (directory: string) => refusal(files['file.saveFolder']({ directory, files: [pod] }));
    expect(await write(join(outside, 'out'))).toMatchObject({ reason: 'OUTSIDE_ROOT' });
    expect(await write(join(root, '.hidden'))).toMatchObject({ reason: 'HIDDEN' });
    expect(await write(join(root, 'a', 'b'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(join(root, 'a'))).toBe(false);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('takes plain YAML file names only, never a path', () => {
    const input = (name: string) => ({ directory: '/tmp/out', files: [{ name, text: design }] });
    expect(calls['file.saveFolder'].input.safeParse(input('web-pod.yaml')).success).toBe(true);
    for (const name of ['../x.yaml', 'a/b.yaml', '.x.yaml', 'x.sh', 'x.yaml\0'])
      expect(calls['file.saveFolder'].input.safeParse(input(name)).success, name).toBe(false);
  });
});

describe('file handlers in Electron (native dialogs)', () => {
  function fakeDialogs(answer: string | undefined): FileDialogs & { asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      showOpen: async ({ defaultDirectory }) => (asked.push(`open ${defaultDirectory}`), answer),
      showSave: async ({ defaultPath }) => (asked.push(`save ${defaultPath}`), answer),
      showFolder: async ({ defaultDirectory }) => (asked.push(`folder ${defaultDirectory}`), answer),
    };
  }

  it('exports into a folder picked in the dialog, even outside the root, and not beyond it', async () => {
    const picked = join(outside, 'exports');
    mkdirSync(picked);
    const dialogs = fakeDialogs(picked);
    const files = fileHandlers({ root, settings, dialogs });
    expect(await files['file.pick']({ mode: 'folder' })).toEqual({ kind: 'picked', path: picked });
    expect(dialogs.asked).toEqual([`folder ${root}`]);
    await files['file.saveFolder']({ directory: picked, files: [{ name: 'web-pod.yaml', text: design }] });
    expect(readFileSync(join(picked, 'web-pod.yaml'), 'utf8')).toBe(design);
    // The grant is the folder's files, not its neighbours' nor a subfolder's.
    expect(await refusal(files['file.save']({ path: join(outside, 'x.yaml'), text: design }))).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
    mkdirSync(join(picked, 'sub'));
    expect(await refusal(files['file.save']({ path: join(picked, 'sub', 'x.yaml'), text: design }))).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
  });

  it('shows the native dialog and grants the picked file, even outside the root', async () => {
    const picked = join(outside, 'chosen.yaml');
    const dialogs = fakeDialogs(picked);
    const files = fileHandlers({ root, settings, dialogs });
    expect(await files['file.pick']({ mode: 'save', suggestedName: 'web.pod.yaml' })).toEqual({
      kind: 'picked',
      path: picked,
    });
    expect(dialogs.asked).toEqual([`save ${join(root, 'web.pod.yaml')}`]);
    await files['file.save']({ path: picked, text: design });
    // A new back end (the next start) still opens it from the recent list.
    const later = fileHandlers({ root, settings, dialogs: fakeDialogs(undefined) });
    expect(await later['file.recent']({})).toEqual([{ path: picked, name: 'chosen.yaml' }]);
    expect((await later['file.open']({ path: picked })).text).toBe(design);
    expect(await later['file.pick']({ mode: 'open' })).toEqual({ kind: 'cancelled' });
  });

  it('still refuses a path outside the root that no dialog granted', async () => {
    writeFileSync(join(outside, 'x.yaml'), design);
    const files = fileHandlers({ root, settings, dialogs: fakeDialogs(undefined) });
    expect(await refusal(files['file.open']({ path: join(outside, 'x.yaml') }))).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
  });
});

describe('the file calls in the contract', () => {
  it('reject NUL bytes, unknown fields and oversized text before a handler runs', () => {
    expect(calls['file.open'].input.safeParse({ path: '/tmp/a\0.yaml' }).success).toBe(false);
    expect(calls['file.open'].input.safeParse({ path: '/tmp/a.yaml', extra: 1 }).success).toBe(false);
    expect(
      calls['file.save'].input.safeParse({ path: '/tmp/a.yaml', text: 'a'.repeat(2 * 1024 * 1024 + 1) }).success,
    ).toBe(false);
    expect(calls['file.pick'].input.safeParse({ mode: 'delete' }).success).toBe(false);
  });
});

describe('refusals do not reveal what exists outside the root', () => {
  it('answers OUTSIDE_ROOT for a missing and an existing file alike', async () => {
    writeFileSync(join(outside, 'x.yaml'), design);
    const files = fileHandlers({ root, settings });
    expect(await refusal(files['file.open']({ path: join(outside, 'x.yaml') }))).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
    expect(await refusal(files['file.open']({ path: join(outside, 'none.yaml') }))).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
    expect(await refusal(files['file.list']({ directory: join(outside, 'none') }))).toMatchObject({
      reason: 'OUTSIDE_ROOT',
    });
  });
});

describe('saves carry the version they were based on', () => {
  it('refuses a save over a file changed on disk since it was opened, with what it holds now', async () => {
    const files = fileHandlers({ root, settings });
    const path = join(root, 'web.pod.yaml');
    writeFileSync(path, design);
    const opened = await files['file.open']({ path });
    // Someone else (another editor, git) changes the file behind the app.
    writeFileSync(path, `${design}# theirs\n`);
    const theirs = (await files['file.open']({ path })).version;
    expect(theirs).not.toBe(opened.version);
    const refused = await files['file.save']({ path, text: `${design}# mine\n`, expected: opened.version }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { reason: 'CHANGED_ON_DISK', path, version: theirs } });
    // Theirs is still there, whatever `overwrite` says.
    await expect(
      files['file.save']({ path, text: `${design}# mine\n`, expected: opened.version, overwrite: true }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(path, 'utf8')).toBe(`${design}# theirs\n`);
    // Keeping mine on purpose: based on the version seen now, the save goes through.
    const kept = await files['file.save']({ path, text: `${design}# mine\n`, expected: theirs });
    expect(readFileSync(path, 'utf8')).toBe(`${design}# mine\n`);
    // The next save is based on what was saved.
    await files['file.save']({ path, text: `${design}# again\n`, expected: kept.version });
    expect(readFileSync(path, 'utf8')).toBe(`${design}# again\n`);
  });

  it('writes a file deleted since it was opened again, and leaves no temp files', async () => {
    const files = fileHandlers({ root, settings });
    const path = join(root, 'gone.pod.yaml');
    writeFileSync(path, design);
    const { version } = await files['file.open']({ path });
    rmSync(path);
    await files['file.save']({ path, text: design, expected: version });
    expect(readFileSync(path, 'utf8')).toBe(design);
    expect(readdirSync(root)).toEqual(['gone.pod.yaml']);
  });
});

describe('hidden paths and long names', () => {
  it('treats hidden paths alike whether they exist or not, and does not list hidden folders', async () => {
    mkdirSync(join(root, '.ssh'));
    writeFileSync(join(root, '.ssh', 'id.yaml'), 'key: secret\n');
    const files = fileHandlers({ root, settings });
    const there = await refusal(files['file.open']({ path: join(root, '.ssh', 'id.yaml') }));
    const missing = await refusal(files['file.open']({ path: join(root, '.ssh', 'nothing.yaml') }));
    const missingFolder = await refusal(files['file.open']({ path: join(root, '.nope', 'x.yaml') }));
    expect(there).toEqual({ code: 'BAD_REQUEST', reason: 'HIDDEN' });
    expect(missing).toEqual(there);
    expect(missingFolder).toEqual(there);
    expect(await refusal(files['file.list']({ directory: join(root, '.ssh') }))).toEqual(there);
    expect(await refusal(files['file.list']({ directory: join(root, '.nope') }))).toEqual(there);
    // Not through a link with a visible name either.
    symlinkSync(join(root, '.ssh'), join(root, 'keys'));
    expect(await refusal(files['file.list']({ directory: join(root, 'keys') }))).toEqual(there);
  });

  it('answers a name too long for the file system in words, and saves one just short enough', async () => {
    const files = fileHandlers({ root, settings });
    const long = join(root, `${'n'.repeat(300)}.pod.yaml`);
    for (const call of [
      files['file.open']({ path: long }),
      files['file.save']({ path: long, text: design }),
      files['file.list']({ directory: join(root, 'd'.repeat(300)) }),
    ]) {
      const e = (await call.catch((err: unknown) => err)) as ApiError;
      expect(e).toBeInstanceOf(ApiError);
      expect(e.code).toBe('BAD_REQUEST');
      expect(e.details).toMatchObject({ reason: 'NAME_TOO_LONG' });
      expect(e.message).toMatch(/too long/);
    }
    // 255 bytes is allowed, and the temporary file written beside it must fit too.
    const longest = join(root, `${'n'.repeat(255 - '.pod.yaml'.length)}.pod.yaml`);
    await files['file.save']({ path: longest, text: design });
    expect(readFileSync(longest, 'utf8')).toBe(design);
  });
});
