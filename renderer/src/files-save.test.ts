// Save and a load while its write is in flight: New right after Save leaves the new design untitled and unbound (it
// was never in that file, and a later Save must not overwrite the file with it); two saves of one design bind it to
// the file with the last save's version.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined, removeItem: () => undefined });
  vi.stubGlobal('navigator', { language: 'en', platform: 'Linux' });
});

/** Each file.save waits until the test answers it. */
const pending: ((version: string) => void)[] = [];
vi.mock('./api', () => ({
  api: () => ({
    call: (name: string, input: { path?: string }) => {
      if (name === 'file.recent') return Promise.resolve([]);
      if (name !== 'file.save') return Promise.reject(new Error(`unexpected ${name}`));
      return new Promise((resolve) =>
        pending.push((version) => resolve({ path: input.path, name: input.path!.split('/').pop(), version })),
      );
    },
  }),
}));

const { examples, loadText, newDocument, saveAt, useFiles } = await import('./files');
const { useDocument } = await import('./store/document');

beforeEach(async () => {
  pending.length = 0;
  const example = examples[0]!;
  await loadText(example.source, null);
});

describe('a save in flight', () => {
  it('does not bind a design loaded meanwhile to the file', async () => {
    const saving = saveAt({ path: '/home/u/web.pod.yaml', overwrite: true });
    newDocument();
    pending.shift()!('v1');
    expect(await saving).toBeUndefined();
    expect(useDocument.getState().fileName).toBeNull();
    expect(useFiles.getState().path).toBeNull();
  });

  it('binds the design saved twice, with the last version', async () => {
    const first = saveAt({ path: '/home/u/web.pod.yaml', overwrite: true });
    const second = saveAt({ path: '/home/u/web.pod.yaml', overwrite: true });
    pending.shift()!('v1');
    await first;
    pending.shift()!('v2');
    await second;
    expect(useDocument.getState().fileName).toBe('web.pod.yaml');
    expect(useFiles.getState()).toMatchObject({ path: '/home/u/web.pod.yaml', version: 'v2' });
  });
});
