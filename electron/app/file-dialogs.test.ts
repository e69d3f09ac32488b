import { describe, expect, it } from 'vitest';
import type { BaseWindow, Dialog } from 'electron';
import { nativeFileDialogs } from './file-dialogs';

type Fake = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

describe('nativeFileDialogs', () => {
  it('opens modal on the focused window and answers the chosen path, or undefined when cancelled', async () => {
    const seen: unknown[][] = [];
    const window = { id: 1 } as unknown as BaseWindow;
    let cancel = false;
    const fake = {
      showOpenDialog: async (...args: unknown[]) => {
        seen.push(args);
        return { canceled: cancel, filePaths: cancel ? [] : ['/home/ana/web.yaml'] };
      },
      showSaveDialog: async (...args: unknown[]) => {
        seen.push(args);
        return { canceled: cancel, filePath: cancel ? '' : '/home/ana/new.pod.yaml' };
      },
    } as unknown as Fake;
    const dialogs = nativeFileDialogs(fake, () => window);
    expect(await dialogs.showOpen({ defaultDirectory: '/home/ana' })).toBe('/home/ana/web.yaml');
    expect(seen[0]![0]).toBe(window);
    expect(seen[0]![1]).toMatchObject({ defaultPath: '/home/ana', properties: ['openFile'] });
    expect(await dialogs.showSave({ defaultPath: '/home/ana/web.pod.yaml' })).toBe('/home/ana/new.pod.yaml');
    cancel = true;
    expect(await dialogs.showOpen({ defaultDirectory: '/home/ana' })).toBeUndefined();
    expect(await dialogs.showSave({ defaultPath: '/home/ana/web.pod.yaml' })).toBeUndefined();
    // Without a window the dialog is app-modal: only the options are passed.
    await nativeFileDialogs(fake, () => null).showOpen({ defaultDirectory: '/x' });
    expect(seen.at(-1)).toHaveLength(1);
  });
});
