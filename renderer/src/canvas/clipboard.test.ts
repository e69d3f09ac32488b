// Tests the canvas clipboard flow over the real store: copy, paste offsets, cut, the in-app fallback, unrelated text.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addContainer, addVolume, connect, emptyDocument, type CanvasDocument } from '../../../shared/design';
import { filesPart } from '../files-part';
import * as store from '../store/document';
import * as notice from '../store/notice';
import * as clipboard from './clipboard';

// The i18n module reads the saved language at import: give it the browser globals it expects, before imports run.
vi.hoisted(() => {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
  vi.stubGlobal('navigator', { language: 'en', platform: 'Linux' });
});

const m = { clipboard, store, notice };

function design(): CanvasDocument {
  let doc = emptyDocument();
  doc = addContainer(doc, { name: 'web', image: 'nginx:1.27' }, 'containers', { x: 0, y: 200 }).doc;
  doc = addVolume(doc, { name: 'data', emptyDir: {} }, { x: 0, y: 400 }).doc;
  return connect(doc, 'container:web', 'volume:data').doc;
}

describe('canvas clipboard', () => {
  beforeEach(() => {
    m.store.useDocument.getState().load(design(), null);
    m.notice.useNotice.getState().clear();
  });

  it('copies the selection as text and pastes it again and again, each paste one step further', async () => {
    const { useDocument } = m.store;
    useDocument.getState().select(['container:web', 'volume:data']);
    const text = m.clipboard.copySelection(await filesPart.load())!;
    expect(text).toContain('name: web');
    expect(await m.clipboard.pasteText(text)).toBe(true);
    expect(useDocument.getState().selection).toEqual(['volume:data-2', 'container:web-2']);
    expect(await m.clipboard.pasteText(text)).toBe(true);
    const { doc } = useDocument.getState();
    expect(doc.layout['container:web-2']).toEqual({ x: 40, y: 240 });
    expect(doc.layout['container:web-3']).toEqual({ x: 80, y: 280 });
    expect(doc.pod.spec.containers.find((c) => c.name === 'web-3')?.volumeMounts?.[0]?.name).toBe('data-3');
    // Each paste is one undo step.
    m.store.undo();
    expect(useDocument.getState().doc.pod.spec.containers.map((c) => c.name)).toEqual(['web', 'web-2']);
  });

  it('pastes nothing from unrelated text and says so', async () => {
    const before = m.store.useDocument.getState().doc;
    expect(await m.clipboard.pasteText('just some words')).toBe(false);
    expect(m.store.useDocument.getState().doc).toBe(before);
    expect(m.notice.useNotice.getState().text).toBe('The clipboard holds no containers or volumes to paste.');
  });

  it('copy and paste commands fall back to the in-app copy when the system clipboard is refused', async () => {
    const { useDocument } = m.store;
    vi.stubGlobal('navigator', {
      language: 'en',
      clipboard: {
        writeText: () => Promise.reject(new Error('denied')),
        readText: () => Promise.reject(new Error('denied')),
      },
    });
    useDocument.getState().select(['container:web']);
    await m.clipboard.copyCommand(true);
    // Cut: the container is gone (its mount with it), one undo step.
    expect(useDocument.getState().doc.pod.spec.containers).toEqual([]);
    await m.clipboard.pasteCommand();
    const pasted = useDocument.getState().doc.pod.spec.containers;
    expect(pasted.map((c) => c.name)).toEqual(['web']);
    // A cut pastes back where it was.
    expect(useDocument.getState().doc.layout['container:web']).toEqual({ x: 0, y: 200 });
    // The volume is still there, so the pasted container keeps its mount.
    expect(pasted[0]?.volumeMounts).toEqual([{ name: 'data', mountPath: '/data' }]);
  });
});
