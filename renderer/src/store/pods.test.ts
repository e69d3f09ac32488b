// Tests the document store over a design of several Pods: switching, adding and deleting Pods with undo, the
// unsaved-changes guard, and the host port clash across Pods in the active Pod's diagnostics.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addContainer, emptyDocument, podGap, updateContainer, type CanvasDocument } from '../../../shared/design';
import { designOf, graphOf, isDirty, podsOf, redo, undo, useDocument } from './document';
import { diagnosticsOf, podDiagnosticsAt } from './diagnostics';
import { checksPart } from './checks-part';

function pod(name: string, hostPort?: number): CanvasDocument {
  const empty = emptyDocument();
  const doc = { ...empty, pod: { ...empty.pod, metadata: { name } } };
  const ports = hostPort ? [{ containerPort: 80, hostPort }] : undefined;
  return addContainer(doc, { name: 'web', image: 'nginx', ...(ports && { ports }) }, 'containers').doc;
}

const names = (): string[] => podsOf(useDocument.getState()).map((d) => d.pod.metadata.name ?? '');
const activeName = (): string | undefined => useDocument.getState().doc.pod.metadata.name;

// The rules load after the first screen in the app (checks-part.ts); here, before any test.
beforeAll(() => checksPart.load());

beforeEach(() =>
  useDocument
    .getState()
    .loadDesign({ pods: [pod('a'), pod('b'), pod('c')], companions: [{ kind: 'ConfigMap' }] }, null),
);

describe('a design of several Pods', () => {
  it('opens with the first Pod active and keeps the companions', () => {
    expect(activeName()).toBe('a');
    expect(names()).toEqual(['a', 'b', 'c']);
    expect(designOf(useDocument.getState()).companions).toEqual([{ kind: 'ConfigMap' }]);
    expect(isDirty(useDocument.getState())).toBe(false);
  });

  it('switches the active Pod without an undo step or an unsaved change, keeping the order', () => {
    useDocument.getState().activate(2);
    expect(activeName()).toBe('c');
    expect(names()).toEqual(['a', 'b', 'c']);
    expect(useDocument.temporal.getState().pastStates).toHaveLength(0);
    expect(isDirty(useDocument.getState())).toBe(false);
  });

  it('undoes an edit in another Pod by going back to that Pod', () => {
    const { change, activate } = useDocument.getState();
    activate(1);
    change((doc) => updateContainer(doc, 'containers', 0, (c) => ({ ...c, image: 'httpd' })));
    expect(isDirty(useDocument.getState())).toBe(true);
    activate(0);
    expect(activeName()).toBe('a');
    undo();
    expect(activeName()).toBe('b');
    expect(useDocument.getState().doc.pod.spec.containers[0]!.image).toBe('nginx');
    expect(isDirty(useDocument.getState())).toBe(false);
    // Redo brings back the design as it was when undone: "a" active, "b" edited.
    redo();
    expect(activeName()).toBe('a');
    expect(podsOf(useDocument.getState())[1]!.pod.spec.containers[0]!.image).toBe('httpd');
  });

  it('adds an empty Pod with a new name, active, as one undo step', () => {
    useDocument.getState().addPod();
    expect(names()).toEqual(['a', 'b', 'c', 'my-pod']);
    expect(activeName()).toBe('my-pod');
    expect(useDocument.getState().doc.pod.spec.containers).toEqual([]);
    expect(isDirty(useDocument.getState())).toBe(true);
    undo();
    expect(names()).toEqual(['a', 'b', 'c']);
    expect(activeName()).toBe('a');
    expect(useDocument.getState().selection).toEqual([]);
  });

  it('deletes a Pod with undo, and never the last one', () => {
    const state = useDocument.getState();
    state.activate(1);
    state.deletePod();
    expect(names()).toEqual(['a', 'c']);
    expect(activeName()).toBe('c');
    undo();
    expect(names()).toEqual(['a', 'b', 'c']);
    expect(activeName()).toBe('b');
    useDocument.getState().deletePod(0);
    useDocument.getState().deletePod(0);
    expect(names()).toEqual(['c']);
    useDocument.getState().deletePod(0);
    expect(names()).toEqual(['c']);
  });
});

describe('host port clash across Pods', () => {
  it('warns on the later Pod only, follows the active Pod, and lets its quick fix apply', () => {
    useDocument.getState().loadDesign({ pods: [pod('a', 8080), pod('b', 8080)], companions: [] }, null);
    expect(diagnosticsOf(useDocument.getState().doc).all.map((d) => d.code)).not.toContain('DESIGN_HOST_PORT_CLASH');
    const onB = podDiagnosticsAt(useDocument.getState(), 1);
    expect(onB.byNode.get('container:web')?.map((d) => d.code)).toContain('DESIGN_HOST_PORT_CLASH');

    useDocument.getState().activate(1);
    const clash = diagnosticsOf(useDocument.getState().doc).all.find((d) => d.code === 'DESIGN_HOST_PORT_CLASH')!;
    expect(clash.params).toMatchObject({ port: 8080, pod: 'a' });
    expect(clash.fixes[0]!.patch).toEqual([{ op: 'add', path: '/spec/containers/0/ports/0/hostPort', value: 8081 }]);
    useDocument
      .getState()
      .change((doc) =>
        updateContainer(doc, 'containers', 0, (c) => ({ ...c, ports: [{ containerPort: 80, hostPort: 8081 }] })),
      );
    expect(diagnosticsOf(useDocument.getState().doc).all.map((d) => d.code)).not.toContain('DESIGN_HOST_PORT_CLASH');
  });
});

describe('duplicate Pod names', () => {
  it('shows on the Pod renamed to another Pod’s name, on the Pod group node', () => {
    const { activate, change } = useDocument.getState();
    activate(2);
    change((doc) => ({ ...doc, pod: { ...doc.pod, metadata: { ...doc.pod.metadata, name: 'a' } } }));
    const d = diagnosticsOf(useDocument.getState().doc);
    expect(d.byNode.get('pod')?.map((x) => x.code)).toContain('DESIGN_POD_NAME_DUPLICATE');
    undo();
    expect(diagnosticsOf(useDocument.getState().doc).all.map((x) => x.code)).not.toContain('DESIGN_POD_NAME_DUPLICATE');
  });
});

describe('groups never grow over each other', () => {
  it('moves the Pods to the right when an edit widens the active group into them, in the same undo step', () => {
    const side = (name: string, x: number): CanvasDocument => {
      const doc = addContainer(pod(name), { name: 'c' }, 'containers', { x, y: 200 }).doc;
      return { ...doc, layout: { ...doc.layout, 'container:web': { x, y: 0 }, 'ns:shared': { x, y: -120 } } };
    };
    useDocument.getState().loadDesign({ pods: [side('a', 0), side('b', 600)], companions: [] }, null);
    const bAt = () => graphOf(podsOf(useDocument.getState())[1]!).bounds.x;
    const before = bAt();
    useDocument.getState().change((doc) => addContainer(doc, { name: 'wide' }, 'containers', { x: 700, y: 200 }).doc);
    const aRight = graphOf(useDocument.getState().doc).bounds;
    expect(bAt()).toBe(aRight.x + aRight.width + podGap);
    expect(useDocument.temporal.getState().pastStates).toHaveLength(1);
    undo();
    expect(bAt()).toBe(before);
    // An edit that does not change the group's size leaves the others as they are.
    const others = useDocument.getState().others;
    useDocument.getState().change((doc) => updateContainer(doc, 'containers', 0, (c) => ({ ...c, image: 'x' })));
    expect(useDocument.getState().others).toBe(others);
  });
});
