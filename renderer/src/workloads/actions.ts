// The workload actions for the one registry (renderer/src/actions.ts): wrap the active Pod in a Deployment and unwrap
// it, one undo step each. Adding a Service is the palette's (canvas/items.ts); exporting the Deployment + Service is
// the manifest export's (export/actions.ts).
import type { Action } from '../actions';
import { unwrapDeployment, wrapInDeployment } from '../../../shared/design';
import { useDocument } from '../store/document';
import './run-notice';

export const workloadActions: Action[] = [
  {
    id: 'wrapDeployment',
    label: 'workloads.action.wrap',
    enabled: (s) => !s.doc.workload,
    perform: () => useDocument.getState().change((doc) => wrapInDeployment(doc, 1)),
  },
  {
    id: 'unwrapDeployment',
    label: 'workloads.action.unwrap',
    enabled: (s) => s.doc.workload !== undefined,
    perform: () => useDocument.getState().change(unwrapDeployment),
  },
];
