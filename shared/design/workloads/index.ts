// Workloads on the canvas: a Pod wrapped in a Deployment, the design's Services with their selector and port edges,
// and what the design says about both (./rules, and the export's ./drawn-export, are imported from their own files: see
// ../index.ts).
export * from './deployment';
export * from './services';
