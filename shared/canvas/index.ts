// The canvas over the Pod document: the document shape, the derived graph, pure edits, presets, the project file,
// and the editing geometry (align, automatic layout) and clipboard fragments.
export * from './document';
export * from './graph';
export * from './edit';
export * from './presets';
export * from './project';
export * from './align';
export * from './clipboard';
export * from './layout';
