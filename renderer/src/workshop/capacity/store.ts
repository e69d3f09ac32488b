// The node-capacity view's state: whether it shows, and the nodes the presenter edits (free memory and CPU).
import { create } from 'zustand';
import type { NodeFree } from '../../../../shared/workshop/schedule';

/** Lesson 6's nodes: 1.25Gi and 2Gi free. */
export const lessonNodes: NodeFree[] = [
  { name: 'node-a', memory: '1.25Gi', cpu: '2' },
  { name: 'node-b', memory: '2Gi', cpu: '2' },
];

interface CapacityState {
  open: boolean;
  nodes: NodeFree[];
  setOpen: (open: boolean) => void;
  update: (index: number, patch: Partial<NodeFree>) => void;
  add: () => void;
  remove: (index: number) => void;
}

export const useCapacity = create<CapacityState>((set, get) => ({
  open: false,
  nodes: lessonNodes,
  setOpen: (open) => set({ open }),
  update: (index, patch) => set({ nodes: get().nodes.map((n, i) => (i === index ? { ...n, ...patch } : n)) }),
  add: () => {
    const taken = new Set(get().nodes.map((n) => n.name));
    let i = get().nodes.length + 1;
    while (taken.has(`node-${i}`)) i++;
    set({ nodes: [...get().nodes, { name: `node-${i}`, memory: '4Gi', cpu: '2' }] });
  },
  remove: (index) => set({ nodes: get().nodes.filter((_, i) => i !== index) }),
}));
