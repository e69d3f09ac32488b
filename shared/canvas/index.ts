// The canvas over the Pod document: the document shape, the derived graph, pure edits, presets and the project file.
export * from './document';
export * from './graph';
export * from './edit';
export * from './presets';
export * from './project';
