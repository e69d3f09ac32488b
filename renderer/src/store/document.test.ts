// Tests the document store: undo and redo, grouping of typing and drags, and diagnostics derived from the document.
import { beforeEach, describe, expect, it } from 'vitest';
import { addContainer, containerPresets, emptyDocument, updateContainer } from '../../../shared/design';
import { diagnosticsOf, isDirty, redo, undo, useDocument } from './document';

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

  it('derives diagnostics per node and the clashing ports', () => {
    const { change } = useDocument.getState();
    change((doc) => addContainer(doc, web, 'containers').doc);
    change((doc) => addContainer(doc, web, 'containers').doc);
    const d = diagnosticsOf(useDocument.getState().doc);
    expect(d.all.map((x) => x.code)).toContain('POD_PORT_CLASH');
    expect(d.byNode.get('container:web-2')?.map((x) => x.code)).toContain('POD_PORT_CLASH');
    expect([...d.clashingPorts].sort()).toEqual(['spec.containers[0].ports[0]', 'spec.containers[1].ports[0]']);
    // Same document, same answer object: views re-render only when something changed.
    expect(diagnosticsOf(useDocument.getState().doc)).toBe(d);
  });

  it('shares unchanged diagnostics with the last answer, so one edit redraws one badge', () => {
    const { change } = useDocument.getState();
    change((doc) => addContainer(doc, web, 'containers').doc);
    change((doc) => addContainer(doc, web, 'containers').doc);
    change((doc) => addContainer(doc, { name: 'bare' }, 'containers').doc);
    const before = diagnosticsOf(useDocument.getState().doc);
    const webList = before.byNode.get('container:web');
    expect(before.byNode.get('container:bare')?.map((x) => x.code)).toContain('CONTAINER_IMAGE_REQUIRED');

    // An edit that changes no problem: the whole answer is the same object.
    change((doc) => updateContainer(doc, 'containers', 0, (c) => ({ ...c, args: ['-g'] })));
    expect(diagnosticsOf(useDocument.getState().doc)).toBe(before);

    // Giving "bare" an image changes its problems only: the others keep their lists and the clash set.
    change((doc) => updateContainer(doc, 'containers', 2, (c) => ({ ...c, image: 'busybox' })));
    const after = diagnosticsOf(useDocument.getState().doc);
    expect(after).not.toBe(before);
    expect(after.byNode.get('container:bare')?.map((x) => x.code) ?? []).not.toContain('CONTAINER_IMAGE_REQUIRED');
    expect(after.byNode.get('container:web')).toBe(webList);
    expect(after.clashingPorts).toBe(before.clashingPorts);
    expect(after.all.length).toBeLessThan(before.all.length);
  });
});
