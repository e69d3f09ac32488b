// The canvas over the Pod document: the document shape, the derived graph, pure edits, presets, the project file,
// the editing geometry (align, automatic layout), clipboard fragments, and designs of several Pods. The export
// (export-design.ts) and the design's Deployment and Service checks (workloads/rules.ts) are imported from their own
// files: they run the rules, which the app loads after its first screen, and a path through this barrel would put them
// on it.
export * from './document';
export * from './graph';
export * from './edit';
export * from './presets';
export * from './project';
export * from './align';
export * from './clipboard';
export * from './layout';
export * from './design';
export * from './design-ports';
export * from './design-names';
export * from './workloads';
