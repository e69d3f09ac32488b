// The canvas over the Pod document: the document shape, the derived graph, pure edits, presets, the editing geometry
// (align, automatic layout), and designs of several Pods. The export (export-design.ts) and the design's Deployment and
// Service checks (workloads/rules.ts) are imported from their own files: they run the rules, which the app loads after
// its first screen, and a path through this barrel would put them on it. So are the files, which read and write YAML,
// loaded after the first screen too: the project file (project.ts), a design's file (design-file.ts) and clipboard
// fragments (clipboard.ts).
export * from './document';
export * from './graph';
export * from './edit';
export * from './presets';
export * from './align';
export * from './layout';
export * from './design';
export * from './design-ports';
export * from './design-names';
export * from './workloads';
