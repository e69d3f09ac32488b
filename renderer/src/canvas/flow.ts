// The canvas viewport for actions that live outside it (fit view, reveal a node); set by the canvas while mounted.
import type { ReactFlowInstance } from '@xyflow/react';

let current: ReactFlowInstance | undefined;

export function setFlow(flow: ReactFlowInstance): void {
  current = flow;
}

export function flow(): ReactFlowInstance | undefined {
  return current;
}
