// The canvas over the Pod document: the document shape, the derived graph, pure edits, presets, the project file,
// the editing geometry (align, automatic layout), clipboard fragments, and designs of several Pods.
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
export * from './export-design';
