// Tests the document store: undo and redo, grouping of typing and drags, and the unsaved-changes guard.
import { beforeEach, describe, expect, it } from 'vitest';
import { addContainer, containerPresets, emptyDocument, updateContainer } from '../../../shared/design';
import { isDirty, redo, undo, useDocument } from './document';

const web = containerPresets.find((p) => p.id === 'webServer')!.container;

beforeEach(() => useDocument.getState().load(emptyDocument(), null));

describe('document store', () => {
  it('undoes and redoes whole changes', () => {
    const { change } = useDocument.getState();
    change((doc) => addContainer(doc, web, 'containers').doc);
    change((doc) => addContainer(doc, web, 'containers').doc);
    expect(useDocument.getState().doc.pod.spec.containers).toHaveLength(2);
    undo();
    expect(useDocument.getState().doc.pod.spec.containers).toHaveLength(1);
    undo();
    expect(useDocument.getState().doc.pod.spec.containers).toHaveLength(0);
    redo();
    redo();
    expect(useDocument.getState().doc.pod.spec.containers).toHaveLength(2);
  });

  it('groups typing in one field into one undo step, but not typing in two fields', () => {
    const { change } = useDocument.getState();
    change((doc) => addContainer(doc, { name: 'app' }, 'containers').doc);
    for (const image of ['n', 'ng', 'ngi', 'nginx']) {
      change((doc) => updateContainer(doc, 'containers', 0, (c) => ({ ...c, image })), { group: 'image' });
    }
    change((doc) => updateContainer(doc, 'containers', 0, (c) => ({ ...c, args: ['-g'] })), { group: 'args' });
    undo();
    expect(useDocument.getState().doc.pod.spec.containers[0]!.image).toBe('nginx');
    undo();
    expect(useDocument.getState().doc.pod.spec.containers[0]!.image).toBeUndefined();
    undo();
    expect(useDocument.getState().doc.pod.spec.containers).toHaveLength(0);
  });

  it('makes a whole drag one undo step and keeps selection out of the history', () => {
    const state = useDocument.getState();
    state.change((doc) => addContainer(doc, web, 'containers', { x: 0, y: 0 }).doc);
    for (let x = 1; x <= 30; x++) state.drag({ 'container:web': { x, y: x } });
    state.select(['container:web']);
    expect(useDocument.temporal.getState().pastStates).toHaveLength(1);
    state.endDrag();
    expect(useDocument.getState().doc.layout['container:web']).toEqual({ x: 30, y: 30 });
    expect(useDocument.temporal.getState().pastStates).toHaveLength(2);
    undo();
    expect(useDocument.getState().doc.layout['container:web']).toEqual({ x: 0, y: 0 });
  });

  it('knows when the design differs from what was saved', () => {
    expect(isDirty(useDocument.getState())).toBe(false);
    useDocument.getState().change((doc) => addContainer(doc, web, 'containers').doc);
    expect(isDirty(useDocument.getState())).toBe(true);
    useDocument.getState().markSaved('web.pod.yaml');
    expect(isDirty(useDocument.getState())).toBe(false);
  });
});
