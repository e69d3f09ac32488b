// Workloads on the canvas: a Pod wrapped in a Deployment, the design's Services with their selector and port edges,
// and what the design says about both.
export * from './deployment';
export * from './services';
export * from './rules';
export * from './drawn-export';
