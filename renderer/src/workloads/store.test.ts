// The design's Deployments and Services in the document store: wrapping is one undo step, Service edits and moves are
// undoable and make the design unsaved, a connection labels the Pod and targets its port in one step, and delete
// removes selected Services and Service ports with the Pod's nodes.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  emptyDocument,
  newService,
  servicePortEdgeId,
  servicePosition,
  servicesOf,
  wrapInDeployment,
  type CanvasDocument,
} from '../../../shared/design';
import { isDirty, redo, undo, useDocument } from '../store/document';
import { connectService, deleteSelection } from './flow';
import { designDiagnosticsOf } from './derived';
import { checksPart } from '../store/checks-part';

function helloworld(): CanvasDocument {
  const doc = emptyDocument();
  return {
    ...doc,
    pod: {
      ...doc.pod,
      metadata: { name: 'hello' },
      spec: { containers: [{ name: 'api', image: 'busybox:1.36', ports: [{ name: 'http', containerPort: 80 }] }] },
    },
  };
}

// The rules load after the first screen in the app (checks-part.ts); here, before any test.
beforeAll(() => checksPart.load());

beforeEach(() => useDocument.getState().load(helloworld(), null));

describe('workloads in the document store', () => {
  it('starts saved, and a wrap is one undo step that makes the design unsaved', () => {
    expect(isDirty(useDocument.getState())).toBe(false);
    useDocument.getState().change((doc) => wrapInDeployment(doc, 2));
    expect(useDocument.getState().doc.workload).toBeDefined();
    expect(isDirty(useDocument.getState())).toBe(true);
    undo();
    expect(useDocument.getState().doc.workload).toBeUndefined();
    expect(useDocument.getState().doc.pod.metadata.labels).toBeUndefined();
    redo();
    expect(useDocument.getState().doc.pod.metadata.labels).toEqual({ app: 'hello' });
  });

  it('keeps Services in the history and in the unsaved-changes guard', () => {
    const state = useDocument.getState();
    state.changeDesign((d) => ({ ...d, companions: [...d.companions, newService(d.companions, { x: -300, y: 0 })] }));
    expect(servicesOf(useDocument.getState().companions)).toHaveLength(1);
    expect(isDirty(useDocument.getState())).toBe(true);
    useDocument.getState().markSaved('x.pod.yaml');
    expect(isDirty(useDocument.getState())).toBe(false);
    undo();
    expect(useDocument.getState().companions).toEqual([]);
    expect(isDirty(useDocument.getState())).toBe(true);
  });

  it('connects a Service to a named port, labelling the Pod, in one undo step', () => {
    const state = useDocument.getState();
    state.changeDesign((d) => ({ ...d, companions: [newService([], { x: -300, y: 0 })] }));
    const outcome = connectService({
      source: 'service:my-service',
      sourceHandle: 'new',
      target: 'container:api',
      targetHandle: 'port-0',
    });
    expect(outcome).toBe('connected');
    const after = useDocument.getState();
    expect(after.doc.pod.metadata.labels).toEqual({ app: 'hello' });
    expect(after.companions[0]!.spec).toEqual({
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      selector: { app: 'hello' },
    });
    expect(designDiagnosticsOf(after).services.get(0)).toEqual([]);
    expect(after.selection).toEqual(['service:my-service']);
    undo();
    expect(useDocument.getState().doc.pod.metadata.labels).toBeUndefined();
    expect(useDocument.getState().companions[0]!.spec).toEqual({});
    expect(
      connectService({
        source: 'service:my-service',
        sourceHandle: 'new',
        target: 'container:api',
        targetHandle: 'mounts',
      }),
    ).toBe('notAPort');
    expect(
      connectService({ source: 'container:api', sourceHandle: 'mounts', target: 'volume:x', targetHandle: 'in' }),
    ).toBe('notHandled');
  });

  it('commits a drag of a Service node to the Service, with the Pod’s nodes, as one step', () => {
    const state = useDocument.getState();
    state.changeDesign((d) => ({ ...d, companions: [newService([], { x: -300, y: 0 })] }));
    state.drag({ 'service:my-service': { x: -500, y: 40 }, 'container:api': { x: 10, y: 220 } });
    state.endDrag();
    const after = useDocument.getState();
    expect(servicePosition(after.companions[0]!, { x: 0, y: 0 })).toEqual({ x: -500, y: 40 });
    expect(after.doc.layout['container:api']).toEqual({ x: 10, y: 220 });
    expect(after.doc.layout['service:my-service']).toBeUndefined();
    undo();
    expect(servicePosition(useDocument.getState().companions[0]!, { x: 0, y: 0 })).toEqual({ x: -300, y: 0 });
    expect(useDocument.getState().doc.layout['container:api']).toBeUndefined();
  });

  it('deletes selected Services and Service ports with the rest of the selection', () => {
    const state = useDocument.getState();
    state.changeDesign((d) => ({
      ...d,
      companions: [
        {
          ...newService([], { x: 0, y: 0 }),
          spec: {
            ports: [
              { name: 'a', port: 80 },
              { name: 'b', port: 81 },
            ],
          },
        },
        newService([{ kind: 'Service', metadata: { name: 'my-service' } }], { x: 0, y: 200 }),
      ],
    }));
    state.select([servicePortEdgeId('service:my-service', 0, 'container:api', 0), 'service:my-service-2']);
    deleteSelection();
    const after = useDocument.getState().companions;
    expect(after).toHaveLength(1);
    expect(after[0]!.spec).toEqual({ ports: [{ name: 'b', port: 81 }] });
    undo();
    expect(useDocument.getState().companions).toHaveLength(2);
  });
});
